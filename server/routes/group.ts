/** The group above the estates: group roles (its administrators) and the estates side by side (every group role). */
import type { Context, Hono } from 'hono';
import { API, FIGURES, isCalendarMonth, type GroupRole, type LocalText } from '../../shared/index.ts';
import { toCsv } from '../../shared/csv.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { created, raw, route } from '../http/contract.ts';
import { textAnswer } from '../http/compress.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { groupOverview, groupPeople, groupScope, setGroupAccess } from '../services/group.ts';
import { groupLibrary, publishFromLibrary, saveGroupChecklist, saveGroupSheet } from '../services/group-library.ts';
import type { User } from '../storage/store.ts';

function requireGroupRole(c: Context<Env>, roles: readonly GroupRole[]): User {
  const { user } = requireAuth(c);
  if (!user.groupAccess.role || !roles.includes(user.groupAccess.role)) throw forbidden(`needs group role ${roles.join(' or ')}`);
  return user;
}

const pct = (r: number | null) => (r === null ? '' : (r * 100).toFixed(1));
const name = (t: LocalText | null) => (t ? `${t.zh} / ${t.en}` : '');

export function groupRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.groupPeople, async (c) => {
    requireGroupRole(c, ['groupAdmin']);
    return groupPeople(deps);
  });

  route(app, API.setGroupAccess, async (c, req) => {
    const admin = requireGroupRole(c, ['groupAdmin']);
    return setGroupAccess(deps, req.params.userId, await req.body(), admin.id);
  });

  // The shared checklists and score sheets belong to the group's administrators and its quality managers.
  const LIBRARIANS: GroupRole[] = ['groupAdmin', 'groupQuality'];
  route(app, API.groupLibrary, async (c) => {
    requireGroupRole(c, LIBRARIANS);
    return groupLibrary(deps);
  });
  route(app, API.saveGroupChecklist, async (c, req) => {
    const user = requireGroupRole(c, LIBRARIANS);
    return created(await saveGroupChecklist(deps, await req.body(), user.id));
  });
  route(app, API.saveGroupSheet, async (c, req) => {
    const user = requireGroupRole(c, LIBRARIANS);
    return created(await saveGroupSheet(deps, await req.body(), user.id));
  });
  route(app, API.publishFromLibrary, async (c, req) => {
    const user = requireGroupRole(c, LIBRARIANS);
    return publishFromLibrary(deps, await req.body(), user.id);
  });

  route(app, API.groupOverview, async (c) => {
    const user = requireGroupRole(c, ['groupAdmin', 'groupQuality', 'regional']);
    const month = c.req.query('month') ?? '';
    if (!/^\d{4}-\d{2}$/.test(month) || !isCalendarMonth(month))
      throw badRequest('month: must be YYYY-MM', [{ path: 'month', message: 'must be YYYY-MM', rule: 'format' }]);
    const estates = groupScope(await deps.store.read.listEstates(), user.groupAccess);
    const overview = await groupOverview(deps.store.read, estates, month, deps.clock());
    if (c.req.query('format') !== 'csv') return overview;
    const f = (id: keyof typeof FIGURES) => FIGURES[id].name.zh;
    const header = [
      '排名 rank',
      '项目 estate',
      '户数 households',
      f('monthlyScore'),
      `${f('patrolCompletion')} %`,
      `${f('patrolOnTime')} %`,
    ];
    header.push(
      `${f('overdueRate')} %`,
      `${f('reopenRate')} %`,
      `${f('satisfaction')} %`,
      '满意度调查 survey',
      '投诉 complaints',
      f('complaintsPer100'),
    );
    const rows = overview.estates.map((e) => [
      e.rank,
      name(e.name),
      e.households,
      e.score ?? '',
      pct(e.patrolCompletion.rate),
      pct(e.patrolOnTime.rate),
      pct(e.overdue.rate),
      pct(e.reopen.rate),
      pct(e.satisfaction.rate),
      name(e.satisfaction.campaign),
      e.complaints,
      e.complaintsPer100 ?? '',
    ]);
    return raw(
      await textAnswer(c, toCsv(header, rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="group-overview-${month}.csv"`,
      }),
    );
  });
}
