/** Monthly scored inspections and survey campaigns (the quality team's periodic records). */
import { Hono } from 'hono';
import { CampaignInput, MonthlyInspectionSubmission, SurveyResponseSubmission } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { submitMonthly } from '../services/monthly.ts';
import { campaignResults, createCampaign, submitResponse } from '../services/surveys.ts';

export function recordRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/monthly', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json({ sheet: deps.store.latestSheet(estateId) ?? null, inspections: deps.store.listMonthly(estateId) });
    })
    .post('/:estateId/monthly', async (c) => {
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, MonthlyInspectionSubmission);
      const actor = actorOf(m);
      if (actor.kind !== 'user') throw forbidden();
      return c.json(submitMonthly(deps, estateId, body, actor), 201);
    })
    .get('/:estateId/campaigns', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json({ campaigns: deps.store.listCampaigns(estateId).map((camp) => campaignResults(deps, camp)) });
    })
    .post('/:estateId/campaigns', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, CampaignInput);
      const campaign = createCampaign(deps, estateId, body);
      return c.json({ ...campaign, url: `${deps.config.publicUrl}/s/${campaign.code}` }, 201);
    })
    .post('/:estateId/campaigns/:id/responses', async (c) => {
      // Phone and in-person answers entered by staff.
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      const campaign = deps.store.getCampaign(c.req.param('id'));
      if (!campaign || campaign.estateId !== estateId) throw notFound('campaign');
      const body = await readJson(c, SurveyResponseSubmission);
      return c.json(submitResponse(deps, campaign, body, m.userId), 201);
    });
}
