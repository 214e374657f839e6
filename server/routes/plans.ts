/** Training, drills and community activities; and issues raised by hand from a survey area or a drill. */
import { Hono } from 'hono';
import { ManualIssueInput, PlanRecord } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { listParam, readJson } from '../http/body.ts';
import { raiseIssue, recordPlan } from '../services/plans.ts';

export function planRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/records', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const [kind] = listParam(c.req.query('kind'), ['training', 'drill', 'activity'] as const, 'kind') ?? [];
      return c.json({ records: await deps.store.read.listPlanRecords(estateId, kind) });
    })
    .post('/:estateId/records', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json(await recordPlan(deps, estateId, await readJson(c, PlanRecord)), 201);
    })
    .post('/:estateId/issues', async (c) => {
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      return c.json(await raiseIssue(deps, estateId, await readJson(c, ManualIssueInput), actorOf(m)), 201);
    });
}
