/**
 * Figures you can sign: every patrol, rectification, issue, satisfaction and alert figure the API
 * returns for the demo estate equals a recount made here from the plain definitions, straight from
 * the database, without calling the rules under test. Shanghai keeps UTC+8 all year, so the recount
 * does its calendar with plain arithmetic.
 *
 * Definitions (shared/rules/figures.ts words them for people):
 * - A slot is owed by an active location, from when it was created, by its schedule (its own, or its kind's template); it is
 *   done when an inspection falls in its window (from its fill-from time to its close; for "N times a
 *   day", each round at least the gap after the previous one), on time before its end, missed when it
 *   closed with none. Each inspection fills at most one slot, earliest slot first.
 * - 整改按期率: of a department's work whose first deadline falls in the period, first fixes by that
 *   deadline, over first fixes plus unfixed work past its deadline. 重开率: fixed work reopened.
 */
import { describe, expect, it } from 'vitest';
import { useDemoServer } from '../support/demo-server.ts';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
/** 10:00 on Tuesday 1 December 2026 in Shanghai: November is over, the demo's history began in early October. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
/** Local midnight in Shanghai of a calendar day. */
const midnight = (iso: string) => Date.parse(`${iso}T00:00:00Z`) - 8 * H;
/** The Shanghai local midnight that starts the day containing an instant (UTC+8 all year, so plain arithmetic). */
const dayStartOf = (t: number) => Math.floor((t + 8 * H) / DAY) * DAY - 8 * H;
const at = (dayStart: number, hhmm: string) => dayStart + Number(hhmm.slice(0, 2)) * H + Number(hhmm.slice(3)) * MIN;

const demo = useDemoServer(NOW);

const api = async (path: string) => {
  const r = await fetch(`${demo.running.url}/api/estates/demo-gardens${path}`, { headers: { authorization: `Bearer ${demo.token}` } });
  expect(r.status).toBe(200);
  return r.json();
};

// ---- the patrol recount -------------------------------------------------------------------------

type Sched =
  | { kind: 'interval'; everyHours: number; from: string; to: string }
  | { kind: 'timesPerDay'; times: number; minGapHours: number; from: string; to: string }
  | { kind: 'dailyAt'; times: string[]; windowMinutes?: number };
interface RSlot {
  start: number;
  end: number;
  closes: number;
  fillFrom: number;
  gap: number;
}

function slotsOn(day: number, s: Sched): RSlot[] {
  const window = (from: string, to: string) => [at(day, from), to > from ? at(day, to) : at(day + DAY, to)];
  if (s.kind === 'interval') {
    const [ws, we] = window(s.from, s.to);
    const out: RSlot[] = [];
    for (let t = ws; t < we; t += s.everyHours * H) {
      const e = Math.min(t + s.everyHours * H, we);
      out.push({ start: t, end: e, closes: e, fillFrom: t, gap: 0 });
    }
    return out;
  }
  if (s.kind === 'timesPerDay') {
    const [ws, we] = window(s.from, s.to);
    return Array.from({ length: s.times }, (_, i) => ({
      start: Math.round(ws + (i * (we - ws)) / s.times),
      end: we,
      closes: we,
      fillFrom: ws,
      gap: i ? s.minGapHours * H : 0,
    }));
  }
  const starts = s.times.map((t) => at(day, t)).sort((a, b) => a - b);
  return starts.map((t, i) => {
    const closes = Math.min(starts[i + 1] ?? day + DAY, day + DAY);
    return { start: t, end: Math.min(t + (s.windowMinutes ?? 180) * MIN, closes), closes, fillFrom: t, gap: 0 };
  });
}

interface Judged {
  locationId: string;
  start: number;
  status: 'done' | 'missed' | 'open';
  onTime: boolean;
  by: string | null;
}

/** Every slot each location owed that starts in [from - 1 day, to), judged at NOW. */
function recountPatrols(from: number, to: number): { judged: Judged[]; fillers: Set<string> } {
  const templates = new Map(
    (demo.db.prepare("SELECT kind, body FROM templates WHERE estate_id = 'demo-gardens'").all() as { kind: string; body: string }[]).map(
      (t) => [t.kind, JSON.parse(t.body).schedule as Sched],
    ),
  );
  const locations = demo.db.prepare("SELECT id, kind, schedule FROM locations WHERE estate_id = 'demo-gardens' AND active = 1").all() as {
    id: string;
    kind: string;
    schedule: string | null;
  }[];
  const judged: Judged[] = [];
  const fillers = new Set<string>();
  for (const loc of locations) {
    const schedule = loc.schedule ? (JSON.parse(loc.schedule) as Sched) : templates.get(loc.kind);
    if (!schedule) continue;
    const slots: RSlot[] = [];
    for (let day = dayStartOf(from) - 2 * DAY; day < to; day += DAY) slots.push(...slotsOn(day, schedule));
    // Nothing is owed before the location existed (its first version; the demo's began 60 days before NOW).
    const existed = demo.db.prepare('SELECT min(since) FROM location_versions WHERE location_id = ?').pluck().get(loc.id) as number;
    const owed = slots.filter((s) => s.start >= Math.max(from - DAY, existed) && s.start < to).sort((a, b) => a.start - b.start);
    const inspections = demo.db
      .prepare('SELECT id, finished_at AS at FROM inspections WHERE location_id = ? AND finished_at <= ? ORDER BY finished_at')
      .all(loc.id, NOW) as { id: string; at: number }[];
    const used = new Set<string>();
    let previous: number | null = null;
    for (const s of owed) {
      const fill = inspections.find(
        (i) => !used.has(i.id) && i.at >= s.fillFrom && i.at < s.closes && (s.gap === 0 || previous === null || i.at >= previous + s.gap),
      );
      if (fill) {
        used.add(fill.id);
        previous = fill.at;
        fillers.add(fill.id);
      }
      judged.push({
        locationId: loc.id,
        start: s.start,
        status: fill ? 'done' : NOW >= s.closes ? 'missed' : 'open',
        onTime: Boolean(fill && fill.at < s.end),
        by: fill?.id ?? null,
      });
    }
  }
  return { judged: judged.filter((j) => j.start >= from), fillers };
}

function patrolTotals(judged: Judged[]) {
  const done = judged.filter((j) => j.status === 'done').length;
  const missed = judged.filter((j) => j.status === 'missed').length;
  const onTime = judged.filter((j) => j.status === 'done' && j.onTime).length;
  return {
    scheduled: judged.length,
    done,
    missed,
    onTime,
    completionRate: done + missed ? done / (done + missed) : null,
    onTimeRate: done + missed ? onTime / (done + missed) : null,
  };
}

// ---- the rectification recount --------------------------------------------------------------------

function recountRectification(from: number, to: number) {
  return demo.db
    .prepare(
      `SELECT department_id AS departmentId, count(*) AS assigned,
         sum(first_rectified_at IS NOT NULL OR coalesce(first_deadline, deadline) < @now) AS judged,
         sum(first_rectified_at IS NOT NULL AND first_rectified_at <= coalesce(first_deadline, deadline)) AS onTime,
         sum(first_rectified_at IS NOT NULL) AS fixed,
         sum(first_rectified_at IS NOT NULL AND reopen_count > 0) AS reopened
       FROM issues WHERE estate_id = 'demo-gardens' AND department_id IS NOT NULL AND status != 'rejected'
         AND coalesce(first_deadline, deadline) >= @from AND coalesce(first_deadline, deadline) < @to
       GROUP BY department_id ORDER BY department_id`,
    )
    .all({ now: NOW, from, to }) as {
    departmentId: string;
    assigned: number;
    judged: number;
    onTime: number;
    fixed: number;
    reopened: number;
  }[];
}

const PERIODS = [
  { name: 'October 2026 (the month the demo began)', query: 'month=2026-10', from: midnight('2026-10-01'), to: midnight('2026-11-01') },
  { name: 'November 2026 (a whole month, just ended)', query: 'month=2026-11', from: midnight('2026-11-01'), to: midnight('2026-12-01') },
  {
    name: '10–20 November 2026 (mid-month, by dates)',
    query: 'from=2026-11-10&to=2026-11-20',
    from: midnight('2026-11-10'),
    to: midnight('2026-11-21'),
  },
];

describe.each(PERIODS)('$name: the API equals a recount', ({ query, from, to }) => {
  it('patrol completion and on-time, in total and per location', async () => {
    const data = await api(`/analysis/patrols?${query}`);
    const { judged, fillers } = recountPatrols(from, to);
    const total = patrolTotals(judged);
    expect(data.total).toEqual(total);
    expect(total.scheduled).toBeGreaterThan(100);
    for (const row of data.byLocation)
      expect({ key: row.key, ...patrolTotals(judged.filter((j) => j.locationId === row.key)) }).toMatchObject({
        key: row.key,
        scheduled: row.scheduled,
        done: row.done,
        missed: row.missed,
        onTime: row.onTime,
      });
    const inPeriod = demo.db
      .prepare("SELECT id FROM inspections WHERE estate_id = 'demo-gardens' AND finished_at >= ? AND finished_at < ?")
      .all(from, to) as { id: string }[];
    expect(data.voluntary).toBe(inPeriod.filter((i) => !fillers.has(i.id)).length);
  });

  it('the KPI per inspector: slots filled and on time', async () => {
    const data = await api(`/analysis/kpi?${query}`);
    const { judged } = recountPatrols(from, to);
    const inspectorOf = new Map(
      (
        demo.db.prepare("SELECT id, inspector_id FROM inspections WHERE estate_id = 'demo-gardens'").all() as {
          id: string;
          inspector_id: string;
        }[]
      ).map((r) => [r.id, r.inspector_id]),
    );
    for (const person of data.people) {
      const mine = judged.filter((j) => j.by && inspectorOf.get(j.by) === person.userId);
      expect({ who: person.userId, filled: person.slotsFilled, onTime: person.onTime.count }).toEqual({
        who: person.userId,
        filled: mine.length,
        onTime: mine.filter((j) => j.onTime).length,
      });
    }
    expect(data.patrolTotal).toEqual(patrolTotals(judged));
  });

  it('rectification per department: first fix against first deadline, overdue unfixed work late, reopens of fixed work', async () => {
    const api1 = await api(`/analysis/rectification?${query}`);
    const kpi = await api(`/analysis/kpi?${query}`);
    const direct = recountRectification(from, to);
    const shape = (
      rows: { departmentId: string; assigned: number; onTime: { count: number; of: number }; reopen: { count: number; of: number } }[],
    ) =>
      rows
        .map((r) => ({
          departmentId: r.departmentId,
          assigned: r.assigned,
          judged: r.onTime.of,
          onTime: r.onTime.count,
          fixed: r.reopen.of,
          reopened: r.reopen.count,
        }))
        .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
    expect(shape(api1)).toEqual(direct);
    expect(shape(kpi.departments)).toEqual(direct);
  });

  it('guard rounds: a slot of the night route is done by a complete round that starts in it and ends before it closes', async () => {
    const data = await api(`/analysis/routes?${query}`);
    const night = data.routes.find((r: { route: { id: string } }) => r.route.id === 'night-round');
    const rounds = demo.db
      .prepare(
        "SELECT id, started_at, finished_at, complete FROM route_rounds WHERE route_id = 'night-round' AND started_at >= ? AND started_at < ? ORDER BY started_at, id",
      )
      .all(from, to) as { id: string; started_at: number; finished_at: number; complete: number }[];
    const used = new Set<string>();
    let done = 0;
    let missed = 0;
    let onTime = 0;
    for (let day = dayStartOf(from) - DAY; day < to; day += DAY)
      for (const slot of slotsOn(day, { kind: 'interval', everyHours: 2, from: '22:00', to: '06:00' })) {
        if (slot.start < from || slot.start >= to) continue;
        const fill = rounds.find((r) => r.complete === 1 && !used.has(r.id) && r.started_at >= slot.start && r.started_at < slot.closes);
        if (fill) used.add(fill.id);
        if (fill && fill.finished_at < slot.closes) {
          done++;
          if (fill.started_at < slot.end) onTime++;
        } else if (slot.closes <= NOW) missed++;
      }
    expect(night.figures.completion).toMatchObject({ done, missed, onTime });
    expect(night.figures.rounds).toBe(rounds.length);
    expect(night.figures.flagged).toBe(
      (
        demo.db
          .prepare(
            "SELECT count(*) AS n FROM route_rounds WHERE route_id = 'night-round' AND started_at >= ? AND started_at < ? AND flags <> '[]'",
          )
          .get(from, to) as { n: number }
      ).n,
    );
    expect(done).toBeGreaterThan(10);
  });

  it('the service desk: the median minutes to an answer, and the share settled at the first contact', async () => {
    const data = await api(`/analysis/desk?${query}`);
    const rows = demo.db
      .prepare(
        "SELECT received_at, answered_at, resolved FROM desk_entries WHERE estate_id = 'demo-gardens' AND received_at >= ? AND received_at < ?",
      )
      .all(from, to) as { received_at: number; answered_at: number; resolved: number }[];
    const minutes = rows.map((r) => Math.round((r.answered_at - r.received_at) / MIN)).sort((a, b) => a - b);
    expect(data.total.count).toBe(rows.length);
    expect(data.total.medianMinutes).toBe(minutes.length ? minutes[Math.ceil(minutes.length / 2) - 1] : null);
    expect(data.total.firstContact).toEqual({
      count: rows.filter((r) => r.resolved === 1).length,
      of: rows.length,
      rate: rows.length ? rows.filter((r) => r.resolved === 1).length / rows.length : null,
    });
    expect(rows.length).toBeGreaterThan(10);
  });

  it('issues by category, severity and source, rejected ones aside', async () => {
    const data = await api(`/analysis/issues?${query}`);
    const count = (col: string) =>
      Object.fromEntries(
        (
          demo.db
            .prepare(
              `SELECT ${col} AS k, count(*) AS n FROM issues WHERE estate_id = 'demo-gardens' AND status != 'rejected' AND created_at >= ? AND created_at < ? GROUP BY ${col}`,
            )
            .all(from, to) as { k: string; n: number }[]
        ).map((r) => [r.k, r.n]),
      );
    const asMap = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(asMap(data.byCategory)).toEqual(count('category'));
    expect(asMap(data.bySeverity)).toEqual(count('severity'));
    expect(asMap(data.bySource)).toEqual(count('source'));
  });
});

describe('satisfaction, the monthly scores and the alerts equal a recount', () => {
  it("each monthly inspection's score: per section its maximum less what was deducted in it, never below 0", async () => {
    const data = await api('/monthly');
    expect(data.inspections.length).toBeGreaterThan(1);
    for (const m of data.inspections as { id: string; total: number; sections: { sectionId: string; score: number; max: number }[] }[]) {
      const row = demo.db.prepare('SELECT deductions, sheet_id, sheet_version FROM monthly_inspections WHERE id = ?').get(m.id) as {
        deductions: string;
        sheet_id: string;
        sheet_version: number;
      };
      const sheet = JSON.parse(
        demo.db
          .prepare("SELECT body FROM scoring_sheets WHERE estate_id = 'demo-gardens' AND id = ? AND version = ?")
          .pluck()
          .get(row.sheet_id, row.sheet_version) as string,
      ) as {
        sections: { id: string; maxPoints: number; items: { id: string }[] }[];
      };
      const deductions = JSON.parse(row.deductions) as { itemId: string; points: number }[];
      const sections = sheet.sections.map((section) => {
        const off = deductions.filter((d) => section.items.some((i) => i.id === d.itemId)).reduce((n, d) => n + d.points, 0);
        return { sectionId: section.id, max: section.maxPoints, score: Math.max(0, section.maxPoints - off) };
      });
      expect(m.sections.map(({ sectionId, max, score }) => ({ sectionId, max, score }))).toEqual(sections);
      expect(m.total).toBe(sections.reduce((n, x) => n + x.score, 0));
    }
  });

  it("each campaign's satisfaction is the share of answers of 4 or 5", async () => {
    const data = await api('/analysis/satisfaction');
    for (const c of data.campaigns) {
      const row = demo.db
        .prepare(
          "SELECT count(*) AS answered, sum(a.value >= 4) AS satisfied FROM survey_responses r, json_each(r.answers) a WHERE r.campaign_id = ? AND a.type = 'integer'",
        )
        .get(c.id) as { answered: number; satisfied: number | null };
      expect({ answered: c.answered, satisfied: c.satisfied }).toEqual({ answered: row.answered, satisfied: row.satisfied ?? 0 });
      expect(c.rate).toBe(row.answered ? (row.satisfied ?? 0) / row.answered : null);
    }
    expect(data.campaigns.length).toBeGreaterThan(0);
  });

  it('overdue, escalated, waiting for acceptance and missed today', async () => {
    const a = await api('/alerts');
    const one = (sql: string, ...args: unknown[]) =>
      demo.db
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    expect(a.counts.overdue).toBe(
      one(
        "SELECT count(*) FROM issues WHERE estate_id = 'demo-gardens' AND status IN ('reported','assigned','reopened') AND deadline < ?",
        NOW,
      ),
    );
    // Level 2 by the default policy: past the deadline by more than the severity's hours again, or raised by hand.
    expect(a.counts.escalated).toBe(
      one(
        `SELECT count(*) FROM issues WHERE estate_id = 'demo-gardens' AND status IN ('reported','assigned','reopened') AND deadline < ?
           AND (manual_level >= 2 OR deadline < ? - CASE severity WHEN 'urgent' THEN 2 WHEN 'important' THEN 24 ELSE 72 END * 3600000)`,
        NOW,
        NOW,
      ),
    );
    expect(a.counts.awaitingAcceptance).toBe(
      one("SELECT count(*) FROM issues WHERE estate_id = 'demo-gardens' AND status = 'reported' AND verified = 0"),
    );
    const today = midnight('2026-12-01');
    const { judged } = recountPatrols(today - DAY, today + DAY);
    const missedToday = judged.filter((j) => j.status === 'missed');
    // Missed today: slots that closed after today's midnight (a slot closing at midnight was yesterday's).
    const closedToday = missedToday.filter((j) => recloses(j) > today);
    expect(a.counts.missed).toBe(closedToday.length);
  });
});

/** When a recounted slot closes: recomputed from its location's schedule (kept out of Judged to keep it small). */
function recloses(j: Judged): number {
  const loc = demo.db.prepare('SELECT kind, schedule FROM locations WHERE id = ?').get(j.locationId) as {
    kind: string;
    schedule: string | null;
  };
  const body = demo.db
    .prepare("SELECT body FROM templates WHERE estate_id = 'demo-gardens' AND kind = ? ORDER BY version DESC")
    .pluck()
    .get(loc.kind) as string;
  const schedule = loc.schedule ? (JSON.parse(loc.schedule) as Sched) : (JSON.parse(body).schedule as Sched);
  const day = dayStartOf(j.start);
  return [...slotsOn(day - DAY, schedule), ...slotsOn(day, schedule)].find((s) => s.start === j.start)!.closes;
}
