import { Hono } from 'hono';
import { CATEGORIES, ISSUE_SOURCES, ISSUE_STATUSES, IssueActionRequest, SEVERITIES } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { STAFF, SUPERVISORS, actorOf, requireRole, type Env } from '../http/auth.ts';
import { listParam, readJson, timeParam } from '../http/body.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { departmentNotices, issueDetail, requireIssue, submitIssueAction } from '../services/issues.ts';

/** Issues of one estate (board, filters) and department notices. */
export function estateIssueRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/issues', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const q = c.req.query();
      const tz = (await deps.store.read.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
      const limit = q.limit ? Number(q.limit) : 200;
      const offset = q.offset ? Number(q.offset) : 0;
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
        throw badRequest('limit: must be 1–5000', [{ path: 'limit', message: 'out of range' }]);
      if (!Number.isInteger(offset) || offset < 0) throw badRequest('offset: must be ≥ 0', [{ path: 'offset', message: 'out of range' }]);
      return c.json(
        await deps.store.read.listIssues({
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
    .get('/:estateId/notices', async (c) => {
      const estateId = c.req.param('estateId');
      const m = requireRole(c, estateId, ['department', 'supervisor', 'admin']);
      const departmentId = m.role === 'department' ? m.departmentId : c.req.query('department');
      if (!departmentId) throw badRequest('department: which department?', [{ path: 'department', message: 'required' }]);
      return c.json({ notices: await departmentNotices(deps, estateId, departmentId) });
    });
}

/** One issue: read with history, act on it. Estate comes from the issue itself. */
export function issueRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:id', async (c) => {
      const issue = await requireIssue(deps.store.read, c.req.param('id'));
      const m = requireRole(c, issue.estateId, STAFF);
      if (m.role === 'department' && issue.departmentId !== m.departmentId)
        throw forbidden('this issue is not assigned to your department');
      return c.json(await issueDetail(deps, issue, m));
    })
    .post('/:id/actions', async (c) => {
      const issue = await requireIssue(deps.store.read, c.req.param('id'));
      const m = requireRole(c, issue.estateId, STAFF);
      const body = await readJson(c, IssueActionRequest);
      const { receipt, replayed } = await submitIssueAction(deps, issue.estateId, issue.id, body, actorOf(m));
      return c.json(receipt, replayed ? 200 : 201);
    });
}
