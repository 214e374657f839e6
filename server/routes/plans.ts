/** Training, drills and community activities; and issues raised by hand from a survey area or a drill. */
import type { Hono } from 'hono';
import { SUPERVISORS, API, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { listParam } from '../http/body.ts';
import { created, route } from '../http/contract.ts';
import { raiseIssue, recordPlan } from '../services/plans.ts';

export function planRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.planRecords, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const [kind] = listParam(c.req.query('kind'), ['training', 'drill', 'activity'] as const, 'kind') ?? [];
    return { records: await deps.store.read.listPlanRecords(estateId, kind) };
  });
  route(app, API.addPlanRecord, async (c, req) => {
    requireRole(c, req.params.estateId, SUPERVISORS);
    return created(await recordPlan(deps, req.params.estateId, await req.body()));
  });
  route(app, API.raiseIssue, async (c, req) => {
    const m = requireRole(c, req.params.estateId, SUPERVISORS);
    return created(await raiseIssue(deps, req.params.estateId, await req.body(), actorOf(m)));
  });
}
