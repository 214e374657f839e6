/** The audit log for an estate's administrators: searchable, by period and action, and as CSV for a spreadsheet. */
import type { Hono } from 'hono';
import { API, AUDIT_ACTIONS, AUDIT_ACTION_LABELS, formatEstateTime, toCsv, type AuditAction } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { pageParams, timeParam } from '../http/body.ts';
import { raw, route } from '../http/contract.ts';
import { textAnswer } from '../http/compress.ts';
import { badRequest } from '../http/errors.ts';

export function auditRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.auditLog, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, ['admin']);
    const { user } = requireAuth(c);
    const q = c.req.query();
    const tz = (await deps.store.read.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
    if (q.action && !AUDIT_ACTIONS.includes(q.action as AuditAction))
      throw badRequest(`action: unknown value ${q.action}`, [
        { path: 'action', message: `must be among ${AUDIT_ACTIONS.join(', ')}`, rule: 'picklist' },
      ]);
    const csv = q.format === 'csv';
    const page = await deps.store.read.auditLog({
      estateId,
      withGroup: user.groupAccess.role === 'groupAdmin',
      q: q.q?.trim().slice(0, 100) || undefined,
      action: (q.action as AuditAction) || undefined,
      from: timeParam(q.from, 'from', tz, 'start'),
      to: timeParam(q.to, 'to', tz, 'end'),
      // A spreadsheet gets everything that matches, up to a year of a busy estate's changes.
      ...(csv ? { limit: 100_000, offset: 0 } : pageParams(q)),
    });
    if (!csv) return page;
    // Read by people: each action in words (Chinese · English), with its id for a filter.
    const rows = page.entries.map((e) => [
      formatEstateTime(e.at, tz, { deviceZone: tz }),
      e.actor,
      `${AUDIT_ACTION_LABELS[e.action].zh} · ${AUDIT_ACTION_LABELS[e.action].en} (${e.action})`,
      e.target,
      e.before === null ? '' : JSON.stringify(e.before),
      e.after === null ? '' : JSON.stringify(e.after),
    ]);
    return raw(
      await textAnswer(c, toCsv(['time', 'who', 'action', 'target', 'before', 'after'], rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="audit-log.csv"',
      }),
    );
  });
}
