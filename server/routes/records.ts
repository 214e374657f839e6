/** Monthly scored inspections and survey campaigns (the quality team's periodic records). */
import type { Hono } from 'hono';
import { SUPERVISORS, API, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { notFound } from '../http/errors.ts';
import { submitMonthly } from '../services/monthly.ts';
import { campaignResults, createCampaign, submitResponse } from '../services/surveys.ts';

export function recordRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.monthly, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const [sheet, inspections] = await Promise.all([deps.store.read.latestSheet(estateId), deps.store.read.listMonthly(estateId)]);
    return { sheet: sheet ?? null, inspections };
  });
  route(app, API.submitMonthly, async (c, req) => {
    const m = requireRole(c, req.params.estateId, SUPERVISORS);
    return created(await submitMonthly(deps, req.params.estateId, await req.body(), actorOf(m)));
  });
  route(app, API.campaigns, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const campaigns = await deps.store.read.listCampaigns(estateId);
    return { campaigns: await Promise.all(campaigns.map((camp) => campaignResults(deps, camp))) };
  });
  route(app, API.createCampaign, async (c, req) => {
    requireRole(c, req.params.estateId, SUPERVISORS);
    const campaign = await createCampaign(deps, req.params.estateId, await req.body());
    return created({ ...campaign, url: `${deps.config.publicUrl}/s/${campaign.code}` });
  });
  // Phone and in-person answers entered by staff.
  route(app, API.enterSurveyResponse, async (c, req) => {
    const m = requireRole(c, req.params.estateId, SUPERVISORS);
    const campaign = await deps.store.read.getCampaign(req.params.id);
    if (!campaign || campaign.estateId !== req.params.estateId) throw notFound('campaign');
    return created(await submitResponse(deps, campaign, await req.body(), m.userId));
  });
}
