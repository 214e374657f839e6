/** What a QR code opens, with no account: the location landing, owner reports and tracking, kiosk ratings, surveys. */
import type { Context, Hono } from 'hono';
import { API, SHORT_CODE_LENGTH, normaliseTypedCode, type Location } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { clientIp } from '../http/client.ts';
import { requestAuthor } from '../photos/authors.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { rateAtKiosk } from '../services/kiosk.ts';
import { publicLanding, serviceHelp, staffLanding } from '../services/landing.ts';
import {
  assertPhotoOfIssue,
  issueByToken,
  meToo,
  ownerAct,
  rateHandling,
  reportProblem,
  reportToEstate,
  trackingView,
} from '../services/owners.ts';
import { campaignByCode, publicSurvey, submitResponse } from '../services/surveys.ts';
import { servePhoto } from './photos.ts';

export async function locationByCode(deps: Deps, code: string): Promise<Location> {
  const loc = /^[a-z2-7]{26}$/.test(code) ? await deps.store.read.getLocationByCode(code) : undefined;
  if (!loc?.active) throw notFound('location');
  return loc;
}

export function publicRoutes(app: Hono<Env>, deps: Deps) {
  // Per-address ceilings are checked before the body is read (http/public-limits.ts). Below them, a busy
  // address or location is never refused: its reports are accepted and held for review, so a flood
  // cannot lock out a genuine "smoke in the stairwell".
  const busy = async (c: Context<Env>, scope: string, locationId: string, perIp: number, perLocation: number) => {
    const now = deps.clock();
    const fromIp = await deps.limiter.count(`${scope}-soft-ip:${clientIp(c, deps)}`, 10 * 60_000, now);
    const atLocation = await deps.limiter.count(`${scope}-soft-loc:${locationId}`, 10 * 60_000, now);
    return fromIp > perIp || atLocation > perLocation;
  };

  const tracked = async (token: string) => trackingView(deps.store.read, await issueByToken(deps.store.read, token));

  route(app, API.landing, async (c, { params }) => {
    const loc = await locationByCode(deps, params.code);
    const member = c.get('auth')?.memberships.find((m) => m.estateId === loc.estateId);
    const [publicView, staff] = await Promise.all([publicLanding(deps, loc), member && staffLanding(deps, loc, member)]);
    return staff ? { ...publicView, staff } : publicView;
  });
  route(app, API.serviceHelp, async (c) => serviceHelp(deps, c.req.query('code')));
  route(app, API.byShortCode, async (_c, { params }) => {
    const short = normaliseTypedCode(params.short);
    const codes = short.length === SHORT_CODE_LENGTH ? await deps.store.read.codesByShortCode(short) : [];
    if (!codes.length) throw notFound('location');
    // Two labels sharing ten characters is a one-in-a-quadrillion chance; then the whole code decides.
    if (codes.length > 1) throw new HttpError(409, 'this short code matches two locations: type the whole code under the QR');
    return { code: codes[0] };
  });
  route(app, API.reportProblem, async (c, req) => {
    const body = await req.body();
    const loc = await locationByCode(deps, body.locationCode);
    const held = await busy(c, 'report', loc.id, 10, 50);
    return created(await reportProblem(deps, loc, body, { author: requestAuthor(c, deps), held }));
  });
  route(app, API.generalReport, async (c, req) => {
    const body = await req.body();
    const held = await busy(c, 'report', `estate:${body.estateId}`, 10, 50);
    return created(await reportToEstate(deps, body, { author: requestAuthor(c, deps), held }));
  });
  route(app, API.meToo, async (_c, req) => {
    const body = await req.body();
    const loc = await locationByCode(deps, body.locationCode);
    return created(await meToo(deps, loc, body.id, body.issueId));
  });
  route(app, API.tracking, async (_c, { params }) => tracked(params.token));
  route(app, API.confirmFixed, async (_c, { params }) => {
    await ownerAct(deps, params.token, { type: 'ownerConfirm' });
    return tracked(params.token);
  });
  route(app, API.notFixed, async (_c, req) => {
    const body = await req.body();
    await ownerAct(deps, req.params.token, { type: 'ownerNotFixed', reason: body.reason });
    return tracked(req.params.token);
  });
  route(app, API.rateHandling, async (_c, req) => {
    const body = await req.body();
    return rateHandling(deps, req.params.token, body.rating, body.comment);
  });
  route(app, API.trackedPhoto, async (c, { params }) => {
    await assertPhotoOfIssue(deps.store.read, await issueByToken(deps.store.read, params.token), params.sha);
    return servePhoto(deps, params.sha, c.req.header('range'));
  });
  route(app, API.rateAtKiosk, async (_c, req) => {
    const body = await req.body();
    const loc = await locationByCode(deps, body.locationCode);
    return created(await rateAtKiosk(deps, loc, body));
  });
  route(app, API.survey, async (_c, { params }) => publicSurvey(deps, await campaignByCode(deps, params.code)));
  route(app, API.answerSurvey, async (_c, req) => {
    const campaign = await campaignByCode(deps, req.params.code);
    return created(await submitResponse(deps, campaign, { ...(await req.body()), channel: 'online' }, null));
  });
}
