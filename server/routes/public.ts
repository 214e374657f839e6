/** What a QR code opens, with no account: the location landing, owner reports and tracking, kiosk ratings, surveys. */
import { Hono } from 'hono';
import * as v from 'valibot';
import {
  KioskRating,
  OwnerRating,
  OwnerReport,
  SurveyResponseSubmission,
  Uuid,
  trimmedText,
  type Location,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { clientIp } from '../http/client.ts';
import { requestAuthor } from '../photos/authors.ts';
import { notFound } from '../http/errors.ts';
import { rateAtKiosk } from '../services/kiosk.ts';
import { publicLanding, staffLanding } from '../services/landing.ts';
import { assertPhotoOfIssue, issueByToken, meToo, ownerAct, rateHandling, reportProblem, trackingView } from '../services/owners.ts';
import { campaignByCode, submitResponse } from '../services/surveys.ts';
import { servePhoto } from './photos.ts';

const MeTooRequest = v.object({ id: Uuid, locationCode: v.pipe(v.string(), v.regex(/^[a-z2-7]{26}$/, 'must be a location code')), issueId: Uuid });
const NotFixed = v.object({ reason: v.optional(trimmedText(500, 'reason'), '') });

export function locationByCode(deps: Deps, code: string): Location {
  const loc = /^[a-z2-7]{26}$/.test(code) ? deps.store.getLocationByCode(code) : undefined;
  if (!loc || !loc.active) throw notFound('location');
  return loc;
}

export function publicRoutes(deps: Deps) {
  // Per-address ceilings are checked before the body is read (http/public-limits.ts). Below them, a busy
  // address or location is never refused: its reports are accepted and held for review, so a flood
  // cannot lock out a genuine "smoke in the stairwell".
  const busy = (c: Parameters<typeof clientIp>[0], scope: string, locationId: string, perIp: number, perLocation: number) => {
    const now = deps.clock();
    const fromIp = deps.limiter.count(`${scope}-soft-ip:${clientIp(c, deps)}`, 10 * 60_000, now);
    const atLocation = deps.limiter.count(`${scope}-soft-loc:${locationId}`, 10 * 60_000, now);
    return fromIp > perIp || atLocation > perLocation;
  };

  return new Hono<Env>()
    .get('/locations/by-code/:code', (c) => {
      const loc = locationByCode(deps, c.req.param('code'));
      const publicView = publicLanding(deps, loc);
      const auth = c.get('auth');
      const member = auth?.memberships.find((m) => m.estateId === loc.estateId);
      return c.json(member ? { ...publicView, staff: staffLanding(deps, loc, member) } : publicView);
    })
    .post('/owner/reports', async (c) => {
      const body = await readJson(c, OwnerReport);
      const loc = locationByCode(deps, body.locationCode);
      const held = busy(c, 'report', loc.id, 10, 50);
      return c.json(reportProblem(deps, loc, body, { author: requestAuthor(c, deps), held }), 201);
    })
    .post('/owner/me-too', async (c) => {
      const body = await readJson(c, MeTooRequest);
      const loc = locationByCode(deps, body.locationCode);
      return c.json(meToo(deps, loc, body.id, body.issueId), 201);
    })
    .get('/track/:token', (c) => c.json(trackingView(deps, issueByToken(deps, c.req.param('token')))))
    .post('/track/:token/confirm', (c) => {
      ownerAct(deps, c.req.param('token'), { type: 'ownerConfirm' });
      return c.json(trackingView(deps, issueByToken(deps, c.req.param('token'))));
    })
    .post('/track/:token/not-fixed', async (c) => {
      const body = await readJson(c, NotFixed);
      ownerAct(deps, c.req.param('token'), { type: 'ownerNotFixed', reason: body.reason });
      return c.json(trackingView(deps, issueByToken(deps, c.req.param('token'))));
    })
    .post('/track/:token/rating', async (c) => {
      const body = await readJson(c, OwnerRating);
      return c.json(rateHandling(deps, c.req.param('token'), body.rating, body.comment));
    })
    .get('/track/:token/photos/:sha', async (c) => {
      assertPhotoOfIssue(deps, issueByToken(deps, c.req.param('token')), c.req.param('sha'));
      return servePhoto(deps, c.req.param('sha'));
    })
    .post('/kiosk/ratings', async (c) => {
      const body = await readJson(c, KioskRating);
      const loc = locationByCode(deps, body.locationCode);
      return c.json(rateAtKiosk(deps, loc, body), 201);
    })
    .get('/surveys/:code', (c) => {
      const campaign = campaignByCode(deps, c.req.param('code'));
      const survey = deps.store.getSurvey(campaign.estateId, campaign.surveyId);
      const estate = deps.store.getEstate(campaign.estateId);
      return c.json({ campaign: { name: campaign.name, opensOn: campaign.opensOn, closesOn: campaign.closesOn }, estate: estate && { name: estate.name }, survey });
    })
    .post('/surveys/:code/responses', async (c) => {
      const campaign = campaignByCode(deps, c.req.param('code'));
      const body = await readJson(c, SurveyResponseSubmission);
      return c.json(submitResponse(deps, campaign, { ...body, channel: 'online' }, null), 201);
    });
}
