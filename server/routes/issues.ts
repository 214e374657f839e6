/** Issues: an estate's board with its filters, department notices, one issue with its history, and acting on it. */
import type { Hono } from 'hono';
import { STAFF, SUPERVISORS, API, CATEGORIES, ISSUE_SOURCES, ISSUE_STATUSES, SEVERITIES, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { listParam, pageParams, timeParam } from '../http/body.ts';
import { receipt, route } from '../http/contract.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { departmentNotices, issueDetail, requireIssue, submitIssueAction } from '../services/issues.ts';
import { eraseOwnerData, ownerDataOf } from '../services/retention.ts';

export function issueRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.issues, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const q = c.req.query();
    const tz = (await deps.store.read.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
    const { limit, offset } = pageParams(q);
    const text = q.q?.trim() ?? '';
    if (text.length > 100)
      throw badRequest('q: at most 100 characters', [{ path: 'q', message: 'at most 100 characters', rule: 'max_length', limit: 100 }]);
    // A place is found by its name in either language.
    const places = text
      ? (await deps.store.read.listLocations(estateId))
          .filter((l) => `${l.name.zh}\n${l.name.en}`.toLowerCase().includes(text.toLowerCase()))
          .map((l) => l.id)
      : [];
    return deps.store.read.listIssues({
      estateId,
      q: text ? { text, locationIds: places } : undefined,
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
    });
  });

  route(app, API.notices, async (c, { params: { estateId } }) => {
    const m = requireRole(c, estateId, ['department', 'supervisor', 'admin']);
    const departmentId = m.role === 'department' ? m.departmentId : c.req.query('department');
    if (!departmentId) throw badRequest('department: which department?', [{ path: 'department', message: 'required', rule: 'min_length' }]);
    return departmentNotices(deps, estateId, departmentId);
  });

  // One issue; its estate comes from the issue itself.
  route(app, API.issue, async (c, { params }) => {
    const issue = await requireIssue(deps.store.read, params.id);
    const m = requireRole(c, issue.estateId, STAFF);
    if (m.role === 'department' && issue.departmentId !== m.departmentId) throw forbidden('this issue is not assigned to your department');
    return issueDetail(deps, issue, m);
  });

  // An owner's request under PIPL, answered by an administrator of the estate.
  route(app, API.ownerData, async (c, { params }) => {
    const issue = await requireIssue(deps.store.read, params.id);
    const admin = requireRole(c, issue.estateId, ['admin']);
    return ownerDataOf(deps, issue, admin.userId);
  });
  route(app, API.eraseOwnerData, async (c, { params }) => {
    const issue = await requireIssue(deps.store.read, params.id);
    const admin = requireRole(c, issue.estateId, ['admin'], { evenArchived: true });
    await eraseOwnerData(deps, issue, admin.userId);
    return { ok: true };
  });

  route(app, API.actOnIssue, async (c, req) => {
    const issue = await requireIssue(deps.store.read, req.params.id);
    const m = requireRole(c, issue.estateId, STAFF);
    return receipt(await submitIssueAction(deps, issue.estateId, issue.id, await req.body(), actorOf(m)));
  });
}
