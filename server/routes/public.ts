/** What a QR code opens, with no account: the location landing, owner reports and tracking, kiosk ratings, surveys. */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  KioskRating,
  MeTooRequest,
  OwnerRating,
  OwnerReport,
  SurveyResponseSubmission,
  trimmedText,
  type Location,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { clientIp } from '../http/client.ts';
import { requestAuthor } from '../photos/authors.ts';
import { notFound } from '../http/errors.ts';
import { rateAtKiosk } from '../services/kiosk.ts';
import { publicLanding, staffLanding } from '../services/landing.ts';
import { assertPhotoOfIssue, issueByToken, meToo, ownerAct, rateHandling, reportProblem, trackingView } from '../services/owners.ts';
import { campaignByCode, publicSurvey, submitResponse } from '../services/surveys.ts';
import { servePhoto } from './photos.ts';

const NotFixed = v.object({ reason: v.optional(trimmedText(500, 'reason'), '') });

export async function locationByCode(deps: Deps, code: string): Promise<Location> {
  const loc = /^[a-z2-7]{26}$/.test(code) ? await deps.store.read.getLocationByCode(code) : undefined;
  if (!loc?.active) throw notFound('location');
  return loc;
}

export function publicRoutes(deps: Deps) {
  // Per-address ceilings are checked before the body is read (http/public-limits.ts). Below them, a busy
  // address or location is never refused: its reports are accepted and held for review, so a flood
  // cannot lock out a genuine "smoke in the stairwell".
  const busy = async (c: Parameters<typeof clientIp>[0], scope: string, locationId: string, perIp: number, perLocation: number) => {
    const now = deps.clock();
    const fromIp = await deps.limiter.count(`${scope}-soft-ip:${clientIp(c, deps)}`, 10 * 60_000, now);
    const atLocation = await deps.limiter.count(`${scope}-soft-loc:${locationId}`, 10 * 60_000, now);
    return fromIp > perIp || atLocation > perLocation;
  };

  const tracked = async (token: string) => trackingView(deps.store.read, await issueByToken(deps.store.read, token));

  return new Hono<Env>()
    .get('/locations/by-code/:code', async (c) => {
      const loc = await locationByCode(deps, c.req.param('code'));
      const member = c.get('auth')?.memberships.find((m) => m.estateId === loc.estateId);
      const [publicView, staff] = await Promise.all([publicLanding(deps, loc), member && staffLanding(deps, loc, member)]);
      return c.json(staff ? { ...publicView, staff } : publicView);
    })
    .post('/owner/reports', async (c) => {
      const body = await readJson(c, OwnerReport);
      const loc = await locationByCode(deps, body.locationCode);
      const held = await busy(c, 'report', loc.id, 10, 50);
      return c.json(await reportProblem(deps, loc, body, { author: requestAuthor(c, deps), held }), 201);
    })
    .post('/owner/me-too', async (c) => {
      const body = await readJson(c, MeTooRequest);
      const loc = await locationByCode(deps, body.locationCode);
      return c.json(await meToo(deps, loc, body.id, body.issueId), 201);
    })
    .get('/track/:token', async (c) => c.json(await tracked(c.req.param('token'))))
    .post('/track/:token/confirm', async (c) => {
      await ownerAct(deps, c.req.param('token'), { type: 'ownerConfirm' });
      return c.json(await tracked(c.req.param('token')));
    })
    .post('/track/:token/not-fixed', async (c) => {
      const body = await readJson(c, NotFixed);
      await ownerAct(deps, c.req.param('token'), { type: 'ownerNotFixed', reason: body.reason });
      return c.json(await tracked(c.req.param('token')));
    })
    .post('/track/:token/rating', async (c) => {
      const body = await readJson(c, OwnerRating);
      return c.json(await rateHandling(deps, c.req.param('token'), body.rating, body.comment));
    })
    .get('/track/:token/photos/:sha', async (c) => {
      await assertPhotoOfIssue(deps.store.read, await issueByToken(deps.store.read, c.req.param('token')), c.req.param('sha'));
      return servePhoto(deps, c.req.param('sha'));
    })
    .post('/kiosk/ratings', async (c) => {
      const body = await readJson(c, KioskRating);
      const loc = await locationByCode(deps, body.locationCode);
      return c.json(await rateAtKiosk(deps, loc, body), 201);
    })
    .get('/surveys/:code', async (c) => c.json(await publicSurvey(deps, await campaignByCode(deps, c.req.param('code')))))
    .post('/surveys/:code/responses', async (c) => {
      const campaign = await campaignByCode(deps, c.req.param('code'));
      const body = await readJson(c, SurveyResponseSubmission);
      return c.json(await submitResponse(deps, campaign, { ...body, channel: 'online' }, null), 201);
    });
}
