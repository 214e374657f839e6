/** Training, drills and community activities; and issues raised by hand from a survey area or a drill. */
import { Hono } from 'hono';
import { ManualIssueInput, PlanRecord } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { listParam, readJson } from '../http/body.ts';
import { badRequest } from '../http/errors.ts';
import { once } from '../services/idempotency.ts';
import { createIssue } from '../services/issues.ts';

export function planRoutes(deps: Deps) {
  const { store } = deps;
  return new Hono<Env>()
    .get('/:estateId/records', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const [kind] = listParam(c.req.query('kind'), ['training', 'drill', 'activity'] as const, 'kind') ?? [];
      return c.json({ records: store.listPlanRecords(estateId, kind) });
    })
    .post('/:estateId/records', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, PlanRecord);
      if (body.kind === 'training') {
        const members = new Set(store.membersOf(estateId).map((m) => m.userId));
        const unknown = body.attendees.findIndex((a) => !members.has(a.userId));
        if (unknown >= 0) throw badRequest(`attendees[${unknown}].userId: not a member of this estate`, [{ path: `attendees[${unknown}].userId`, message: 'unknown person' }]);
      }
      const now = deps.clock();
      const { receipt } = once(store, body.id, 'planRecord', { ...body, estateId }, now, () => {
        store.insertPlanRecord(estateId, body, now);
        return { kind: 'planRecord', id: body.id };
      });
      return c.json(receipt, 201);
    })
    .post('/:estateId/issues', async (c) => {
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, SUPERVISORS);
      const body = await readJson(c, ManualIssueInput);
      if (body.locationId && store.getLocation(body.locationId)?.estateId !== estateId) {
        throw badRequest('locationId: not a location of this estate', [{ path: 'locationId', message: 'unknown location' }]);
      }
      const now = deps.clock();
      const { receipt } = once(store, body.id, 'issue', { ...body, estateId }, now, () => {
        const issue = createIssue(store, { estateId, locationId: body.locationId, source: body.source, category: body.category, severity: body.severity, description: body.description, at: now }, actorOf(m));
        return { kind: 'issue', id: body.id, issueId: issue.id };
      });
      return c.json(receipt, 201);
    });
}
