import { Hono } from 'hono';
import { CATEGORIES, ISSUE_SOURCES, ISSUE_STATUSES, IssueActionRequest, SEVERITIES, allowedActions, fixedBy } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { STAFF, SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { listParam, readJson, timeParam } from '../http/body.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { once } from '../services/idempotency.ts';
import { actOnIssue, requireIssue } from '../services/issues.ts';

/** Issues of one estate (board, filters) and department notices. */
export function estateIssueRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/issues', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const q = c.req.query();
      const tz = deps.store.getEstate(estateId)?.timeZone ?? 'Asia/Shanghai';
      const limit = q.limit ? Number(q.limit) : 200;
      const offset = q.offset ? Number(q.offset) : 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw badRequest('limit: must be 1–5000', [{ path: 'limit', message: 'out of range' }]);
      if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset: must be ≥ 0', [{ path: 'offset', message: 'out of range' }]);
      return c.json(
        deps.store.listIssues({
          estateId,
          status: listParam(q.status, ISSUE_STATUSES, 'status'),
          severity: listParam(q.severity, SEVERITIES, 'severity'),
          category: listParam(q.category, CATEGORIES, 'category'),
          source: listParam(q.source, ISSUE_SOURCES, 'source'),
          open: q.open === undefined ? undefined : q.open === 'true',
          departmentId: q.department || undefined,
          locationId: q.location || undefined,
          createdFrom: timeParam(q.from, 'from', tz, 'start'),
          createdTo: timeParam(q.to, 'to', tz, 'end'),
          limit,
          offset,
        }),
      );
    })
    .get('/:estateId/notices', (c) => {
      // Rectification notices for the caller's department, soonest deadline first.
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, ['department', 'supervisor', 'admin']);
      const departmentId = m.role === 'department' ? m.departmentId : c.req.query('department');
      if (!departmentId) throw badRequest('department: which department?', [{ path: 'department', message: 'required' }]);
      const { issues } = deps.store.listIssues({ estateId, departmentId, status: ['assigned', 'reopened'], limit: 500 });
      const locations = new Map(deps.store.listLocations(estateId).map((l) => [l.id, l]));
      return c.json({
        notices: issues
          .sort((a, b) => a.deadline - b.deadline)
          .map((i) => ({ ...i, location: i.locationId ? { name: locations.get(i.locationId)?.name, kind: locations.get(i.locationId)?.kind } : null })),
      });
    });
}

/** One issue: read with history, act on it. Estate comes from the issue itself. */
export function issueRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:id', (c) => {
      const issue = requireIssue(deps.store, c.req.param('id'));
      const m = requireRole(c, issue.estateId, STAFF);
      if (m.role === 'department' && issue.departmentId !== m.departmentId) throw forbidden('this issue is not assigned to your department');
      const origin = deps.store.issueOrigin(issue.id);
      const location = issue.locationId ? deps.store.getLocation(issue.locationId) : null;
      // For a patrol finding: the round it came from, and how presence there was confirmed.
      const inspection = origin?.originId ? deps.store.getInspection(origin.originId) : undefined;
      const history = deps.store.eventsOf(issue.id);
      return c.json({
        inspection: inspection ? { id: inspection.id, inspectorId: inspection.inspectorId, finishedAt: inspection.finishedAt, confirmedBy: inspection.confirmedBy } : null,
        issue,
        location: location && { id: location.id, name: location.name, kind: location.kind, code: location.code },
        history,
        // An owner's contact goes to the supervisors who call back, not to patrol or department staff (PIPL).
        origin: m.role === 'department' ? null : origin && (SUPERVISORS.includes(m.role) ? origin : { ...origin, ownerContact: null }),
        actions: allowedActions(issue, actorOf(m), deps.store.getPolicy(issue.estateId), { fixedBy: fixedBy(history) }),
      });
    })
    .post('/:id/actions', async (c) => {
      const issue = requireIssue(deps.store, c.req.param('id'));
      const m = requireRole(c, issue.estateId, STAFF);
      const body = await readJson(c, IssueActionRequest);
      const now = deps.clock();
      const { receipt, replayed } = once(deps.store, body.id, 'issueAction', { ...body, issueId: issue.id, by: m.userId }, now, () => {
        // Re-read inside the transaction: another action may have landed in between.
        const current = requireIssue(deps.store, issue.id);
        const next = actOnIssue(deps.store, current, body.action, actorOf(m), now);
        return { kind: 'issueAction', id: body.id, issueId: next.id, status: next.status, photos: body.action.type === 'rectify' ? body.action.photos.map((p) => p.sha256) : [] };
      });
      return c.json({ ...receipt, issue: deps.store.getIssue(issue.id) }, replayed ? 200 : 201);
    });
}
