/** Monthly scored inspections and survey campaigns (the quality team's periodic records). */
import { Hono } from 'hono';
import { CampaignInput, MonthlyInspectionSubmission, SurveyResponseSubmission } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { notFound } from '../http/errors.ts';
import { submitMonthly } from '../services/monthly.ts';
import { campaignResults, createCampaign, submitResponse } from '../services/surveys.ts';

export function recordRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/monthly', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const [sheet, inspections] = await Promise.all([deps.store.read.latestSheet(estateId), deps.store.read.listMonthly(estateId)]);
      return c.json({ sheet: sheet ?? null, inspections });
    })
    .post('/:estateId/monthly', async (c) => {
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, MonthlyInspectionSubmission);
      return c.json(await submitMonthly(deps, estateId, body, actorOf(m)), 201);
    })
    .get('/:estateId/campaigns', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const campaigns = await deps.store.read.listCampaigns(estateId);
      return c.json({ campaigns: await Promise.all(campaigns.map((camp) => campaignResults(deps, camp))) });
    })
    .post('/:estateId/campaigns', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, CampaignInput);
      const campaign = await createCampaign(deps, estateId, body);
      return c.json({ ...campaign, url: `${deps.config.publicUrl}/s/${campaign.code}` }, 201);
    })
    .post('/:estateId/campaigns/:id/responses', async (c) => {
      // Phone and in-person answers entered by staff.
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      const campaign = await deps.store.read.getCampaign(c.req.param('id'));
      if (!campaign || campaign.estateId !== estateId) throw notFound('campaign');
      const body = await readJson(c, SurveyResponseSubmission);
      return c.json(await submitResponse(deps, campaign, body, m.userId), 201);
    });
}
