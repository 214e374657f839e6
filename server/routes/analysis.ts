/** The analyses and the KPI report; each also answers its table as CSV (`?format=csv`) for a spreadsheet. */
import type { Context, Hono } from 'hono';
import { SUPERVISORS, API, CATEGORY_LABELS, DAY, isCalendarMonth, monthPeriod, type LocalText } from '../../shared/index.ts';
import { toCsv, type Cell } from '../../shared/csv.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { timeParam } from '../http/body.ts';
import { raw, route } from '../http/contract.ts';
import { textAnswer } from '../http/compress.ts';
import { badRequest } from '../http/errors.ts';
import {
  deskAnalysis,
  issueAnalysis,
  kpi,
  patrolAnalysis,
  patrolAnalysisAnswer,
  rectificationAnalysis,
  routeAnalysis,
  satisfactionTrend,
  type Period,
} from '../services/analysis.ts';

const MAX_PERIOD = 400 * DAY;
const name = (t: LocalText | undefined) => (t ? `${t.zh} / ${t.en}` : '');
const pct = (r: number | null) => (r === null ? '' : (r * 100).toFixed(1));

/** The period a figure covers: `month=YYYY-MM`, or `from`/`to` (dates in the estate's calendar); default the last 30 days. */
async function period(c: Context, deps: Deps, estateId: string): Promise<Period> {
  const now = deps.clock();
  const tz = (await deps.store.read.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
  const month = c.req.query('month');
  if (month) {
    if (!/^\d{4}-\d{2}$/.test(month) || !isCalendarMonth(month))
      throw badRequest('month: must be YYYY-MM', [{ path: 'month', message: 'must be YYYY-MM', rule: 'format' }]);
    const { from, to } = monthPeriod(month, tz);
    return { from, to: Math.min(to, now) };
  }
  const to = timeParam(c.req.query('to'), 'to', tz, 'end') ?? now;
  const from = timeParam(c.req.query('from'), 'from', tz, 'start') ?? to - 30 * DAY;
  if (from >= to) throw badRequest('from: must be before to', [{ path: 'from', message: 'must be before to', rule: 'range' }]);
  if (to - from > MAX_PERIOD) throw badRequest('period: at most 400 days', [{ path: 'from', message: 'period too long', rule: 'range' }]);
  return { from, to };
}

const wantsCsv = (c: Context) => c.req.query('format') === 'csv';

async function csv(c: Context, file: string, header: string[], rows: Cell[][]) {
  return raw(
    await textAnswer(c, toCsv(header, rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}.csv"`,
    }),
  );
}

export function analysisRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.patrolAnalysis, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const data = await patrolAnalysis(deps.store.read, estateId, await period(c, deps, estateId), deps.clock());
    if (!wantsCsv(c)) return patrolAnalysisAnswer(data);
    return csv(
      c,
      'patrol-completion',
      ['location', 'scheduled', 'done', 'on_time', 'missed', 'completion_%', 'on_time_%'],
      data.byLocation.map((r) => [name(r.name), r.scheduled, r.done, r.onTime, r.missed, pct(r.completionRate), pct(r.onTimeRate)]),
    );
  });

  route(app, API.issueAnalysis, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const data = await issueAnalysis(deps.store.read, estateId, await period(c, deps, estateId));
    if (!wantsCsv(c)) return data;
    return csv(
      c,
      'issues-by-category',
      ['category', 'count'],
      data.byCategory.map((r) => [name(CATEGORY_LABELS[r.key as keyof typeof CATEGORY_LABELS]), r.count]),
    );
  });

  route(app, API.routeAnalysis, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    return routeAnalysis(deps.store.read, estateId, await period(c, deps, estateId), deps.clock());
  });

  route(app, API.deskAnalysis, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const data = await deskAnalysis(deps.store.read, estateId, await period(c, deps, estateId));
    if (!wantsCsv(c)) return data;
    return csv(
      c,
      'desk-by-person',
      ['person', 'entries', 'median minutes', 'slowest tenth minutes', 'settled at first contact %'],
      data.byPerson.map((r) => [r.name, r.count, r.medianMinutes, r.p90Minutes, pct(r.firstContact.rate)]),
    );
  });

  route(app, API.rectificationAnalysis, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const data = await rectificationAnalysis(deps.store.read, estateId, await period(c, deps, estateId), deps.clock());
    if (!wantsCsv(c)) return data;
    return csv(
      c,
      'rectification-by-department',
      ['department', 'assigned', 'judged', 'first_fix_on_time', 'on_time_%', 'overdue_unfixed', 'fixed', 'reopened', 'reopen_%'],
      data.map((r) => [
        name(r.name),
        r.assigned,
        r.onTime.of,
        r.onTime.count,
        pct(r.onTime.rate),
        r.overdueOpen,
        r.reopen.of,
        r.reopen.count,
        pct(r.reopen.rate),
      ]),
    );
  });

  route(app, API.satisfactionTrend, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    return satisfactionTrend(deps.store.read, estateId, deps.clock());
  });

  route(app, API.kpi, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, SUPERVISORS);
    const data = await kpi(deps.store.read, estateId, await period(c, deps, estateId), deps.clock());
    if (!wantsCsv(c)) return data;
    return csv(
      c,
      'kpi-people',
      ['person', 'role', 'slots_filled', 'on_time', 'on_time_%', 'voluntary', 'training_hours', 'training_attended_%'],
      data.people.map((p) => [
        p.name,
        p.role,
        p.slotsFilled,
        p.onTime.count,
        pct(p.onTime.rate),
        p.voluntary,
        p.trainingHours,
        pct(p.training.rate),
      ]),
    );
  });
}
