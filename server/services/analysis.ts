/**
 * The analysis the plan asks for (数据分析), computed from the one record with the shared rules:
 * patrol completion, missed-slot heat map, issues over time, lift faults, complaints,
 * rectification by department, satisfaction trend and the monthly KPI.
 */
import {
  DAY,
  DEFAULT_SCORING_SHEET,
  OWNER_SOURCES,
  completion,
  defaultTemplateFor,
  deskFigures,
  routeFigures,
  routeSlots,
  combineCompletions,
  completionFrom,
  eachLocationSlots,
  matchSlots,
  patrolKpiTally,
  sharedSlots,
  rectificationKpi,
  satisfaction,
  toLocal,
  hourIn,
  type DepartmentRectification,
  type DeskAnalysis,
  type RouteAnalysis,
  type Issue,
  type IssueAnalysis,
  type KpiReport,
  type LocalText,
  type PatrolAnalysis,
  type SatisfactionTrend,
  type Completion,
  type InspectionTime,
  type RoundFill,
} from '../../shared/index.ts';
import type { InspectionTimeRow, Reads } from '../storage/store.ts';

/** Places read and counted at once by a month's analysis (about 25,000 rounds for a month of ten rounds a day). */
const PLACES_AT_A_TIME = 2_000;

export interface Period {
  from: number;
  to: number;
}

/**
 * The patrol figures of a period, as of `now` (open slots are not judged yet), added up one location at a time so
 * an estate of any size is counted in the memory of its places, not of its slots. Slots are what each location
 * owed then (shared/rules/owed-slots.ts). Each is judged against every inspection that can fill it, including one
 * just after the period ends (a 23:00 slot done at 00:10) and with the day before the period taking its own
 * inspections first.
 */
export async function patrolAnalysis(
  store: Reads,
  estateId: string,
  period: Period,
  now: number,
  placesAtATime = PLACES_AT_A_TIME,
): Promise<PatrolAnalysis> {
  const estate = await store.getEstate(estateId);
  const empty = completion([]);
  if (!estate)
    return { total: empty, byKind: [], byArea: [], byLocation: [], locationCount: 0, byPerson: [], heat: [], heatCount: 0, voluntary: 0 };
  const tz = estate.timeZone;
  const context = { from: period.from - DAY, to: period.to + DAY };
  const [templates, versions, locationList, buildingList, memberList] = await Promise.all([
    store.templateVersions(estateId),
    store.locationVersions(estateId),
    store.listLocations(estateId),
    store.listBuildings(estateId),
    store.membersOf(estateId),
  ]);
  const locations = new Map(locationList.map((l) => [l.id, l]));
  const buildings = new Map(buildingList.map((b) => [b.id, b]));
  const members = new Map(memberList.map((m) => [m.userId, m]));
  const areaOf = (id: string) => {
    const b = locations.get(id)?.buildingId;
    return b ? (buildings.get(b)?.name.zh ?? b) : '公共区域';
  };

  const byLocation: PatrolAnalysis['byLocation'] = [];
  const kinds = new Map<string, Completion[]>();
  const areas = new Map<string, Completion[]>();
  const heat: PatrolAnalysis['heat'] = [];
  const people = patrolKpiTally();
  let fills = 0;
  let counted = 0;
  const slotsFor = sharedSlots(tz);
  // A slice of places at a time (their rounds read, matched, counted, and let go): at a hundred thousand places a month
  // holds half a million rounds, and held all at once they were traced again by every collection of the server's heap.
  for (let first = 0; first < locationList.length; first += placesAtATime) {
    const slice = locationList.slice(first, first + placesAtATime);
    const rows = await store.inspectionTimesOfLocations(
      estateId,
      slice.map((l) => l.id),
      context.from,
      context.to,
    );
    // Each round carries its own mark (what it filled), rather than sets of ids beside it.
    const rounds: Round[] = [];
    const asRound = (r: InspectionTimeRow): Round => {
      const round: Round = { id: r.id, at: r.finishedAt, inspectorId: r.inspectorId, filled: null, beforePeriod: false };
      rounds.push(round);
      return round;
    };
    const places = eachLocationSlots(slice, versions, templates, rows, tz, { from: context.from, to: period.to }, slotsFor, asRound);
    for (const [locationId, { slots, inspections }] of places) {
      // Counted as they are matched: no object per slot, whatever the estate's size.
      let scheduled = 0;
      let done = 0;
      let onTime = 0;
      let missed = 0;
      let hours: number[] | null = null;
      matchSlots(slots, inspections, now, (slot, status, fill) => {
        if (slot.start < period.from) {
          // It filled a slot before the period: neither the period's work nor voluntary.
          if (fill) fill.beforePeriod = true;
          return;
        }
        scheduled++;
        if (fill) {
          done++;
          const inTime = fill.at < slot.end;
          if (inTime) onTime++;
          fill.filled = inTime ? 'onTime' : 'late';
        } else if (status === 'missed') {
          missed++;
          // Heat map: missed slots by location and local hour of the slot's start.
          hours ??= Array.from({ length: 24 }, () => 0);
          hours[hourIn(slot.start, tz)]++;
        }
      });
      if (!scheduled) continue;
      const counts = completionFrom({ scheduled, done, onTime, missed });
      const name = locations.get(locationId)?.name;
      byLocation.push({ key: locationId, name, ...counts });
      addTo(kinds, locations.get(locationId)?.kind ?? '?', counts);
      addTo(areas, areaOf(locationId), counts);
      if (hours) heat.push({ locationId, name, hours, total: missed });
    }
    // The period's rounds: those that filled one of its slots, and the voluntary ones made in it.
    for (const r of rounds) {
      if (r.filled) fills++;
      if (r.filled === null && !(r.at >= period.from && r.at < period.to && !r.beforePeriod)) continue;
      counted++;
      people.add(r);
    }
  }
  heat.sort((a, b) => b.total - a.total || a.locationId.localeCompare(b.locationId));

  // Busiest first; the same order whatever order the places were counted in.
  const byPerson = people
    .result()
    .sort((a, b) => b.slotsFilled - a.slotsFilled || (a.inspectorId < b.inspectorId ? -1 : a.inspectorId > b.inspectorId ? 1 : 0))
    .map((k) => ({ ...k, name: members.get(k.inspectorId)?.displayName ?? k.inspectorId }));
  const grouped = (groups: Map<string, Completion[]>) => [...groups].map(([key, parts]) => ({ key, ...combineCompletions(parts) }));
  return {
    total: combineCompletions(byLocation),
    byKind: grouped(kinds),
    byArea: grouped(areas),
    byLocation,
    locationCount: byLocation.length,
    byPerson,
    heat,
    heatCount: heat.length,
    voluntary: counted - fills,
  };
}

/** Rows of each per-location list in the patrol analysis's answer. */
const PATROL_ANALYSIS_ROWS = 100;

/**
 * What the analysis page reads: every total, and of the per-location lists the weakest locations and the most missed
 * (PATROL_ANALYSIS_ROWS of each). The CSV, the digests and the quarter's review use the whole analysis.
 */
export function patrolAnalysisAnswer(whole: PatrolAnalysis): PatrolAnalysis {
  const weakest = [...whole.byLocation]
    .sort(
      (a, b) => (a.completionRate ?? 2) - (b.completionRate ?? 2) || b.missed - a.missed || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .slice(0, PATROL_ANALYSIS_ROWS);
  return { ...whole, byLocation: weakest, heat: whole.heat.slice(0, PATROL_ANALYSIS_ROWS) };
}

/** A round of the analysed period, marked with the slot it filled as the slots are matched. */
interface Round extends InspectionTime, RoundFill {
  /** It filled a slot that began before the period (the day before: the period's first night). */
  beforePeriod: boolean;
}

function addTo(groups: Map<string, Completion[]>, key: string, c: Completion): void {
  const list = groups.get(key);
  if (list) list.push(c);
  else groups.set(key, [c]);
}

function dayOf(at: number, tz: string): string {
  const l = toLocal(at, tz);
  return `${l.year}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

const OTHER_CAUSE = { zh: '其他', en: 'Other' };

/** A cause is the item a fault was found under: the lift checklist's or the score sheet's, now or by default. */
async function causeNamesOf(store: Reads, estateId: string): Promise<Map<string, LocalText>> {
  const [templates, sheet] = await Promise.all([store.latestTemplates(estateId), store.latestSheet(estateId)]);
  const items = [
    ...defaultTemplateFor('lift').items,
    ...DEFAULT_SCORING_SHEET.sections.flatMap((s) => s.items),
    ...templates.flatMap((t) => t.items),
    ...(sheet?.sections.flatMap((s) => s.items) ?? []),
  ];
  return new Map(items.map((i) => [i.id, i.label]));
}

export async function issueAnalysis(store: Reads, estateId: string, period: Period): Promise<IssueAnalysis> {
  const tz = (await store.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
  const issues = (await store.issuesCreatedBetween(estateId, period.from, period.to)).filter((i) => i.status !== 'rejected');
  const locations = new Map((await store.listLocations(estateId)).map((l) => [l.id, l]));
  const count = <K extends string>(items: Issue[], keyOf: (i: Issue) => K) => {
    const m = new Map<K, number>();
    for (const i of items) m.set(keyOf(i), (m.get(keyOf(i)) ?? 0) + 1);
    // Ties in key order: the same figures read the same whatever order the database returned the rows in.
    return [...m].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const byDay = new Map<string, { day: string; byCategory: Record<string, number>; bySeverity: Record<string, number>; total: number }>();
  for (const i of issues) {
    const day = dayOf(i.createdAt, tz);
    const d = byDay.get(day) ?? { day, byCategory: {}, bySeverity: {}, total: 0 };
    d.byCategory[i.category] = (d.byCategory[i.category] ?? 0) + 1;
    d.bySeverity[i.severity] = (d.bySeverity[i.severity] ?? 0) + 1;
    d.total++;
    byDay.set(day, d);
  }

  // Lift faults: facilities issues at lifts, by lift and by cause (Pareto), repeats flagged.
  const liftFaults = issues.filter((i) => i.locationId && locations.get(i.locationId)?.kind === 'lift' && i.category === 'facilities');
  const byLift = count(liftFaults, (i) => i.locationId as string).map((r) => ({
    ...r,
    name: locations.get(r.key)?.name,
    repeat: r.count >= 3,
  }));
  let running = 0;
  const causeNames = await causeNamesOf(store, estateId);
  const byCause = count(liftFaults, (i) => i.cause ?? 'other').map((r) => {
    running += r.count;
    return { ...r, cumulativeShare: liftFaults.length ? running / liftFaults.length : 0, name: causeNames.get(r.key) ?? OTHER_CAUSE };
  });
  // A repeat fault: the same cause on the same lift again within 30 days.
  const repeats: { locationId: string; cause: string; count: number }[] = [];
  const seen = new Map<string, number[]>();
  for (const i of liftFaults) {
    const k = `${i.locationId}|${i.cause ?? 'other'}`;
    const times = seen.get(k) ?? [];
    times.push(i.createdAt);
    seen.set(k, times);
  }
  for (const [k, times] of seen) {
    const close = times.filter((t, idx) => idx > 0 && t - times[idx - 1] <= 30 * 86_400_000).length;
    if (close > 0) {
      const [locationId, cause] = k.split('|');
      repeats.push({ locationId, cause, count: times.length });
    }
  }

  // What owners raised themselves: by QR code, at the service desk, or at a lobby tablet.
  const complaints = issues.filter((i) => OWNER_SOURCES.includes(i.source) || i.source === 'kiosk');
  return {
    total: issues.length,
    byCategory: count(issues, (i) => i.category),
    bySeverity: count(issues, (i) => i.severity),
    bySource: count(issues, (i) => i.source),
    byLocation: count(
      issues.filter((i) => i.locationId),
      (i) => i.locationId as string,
    )
      .slice(0, 20)
      .map((r) => ({ ...r, name: locations.get(r.key)?.name })),
    overTime: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
    lifts: { total: liftFaults.length, byLift, byCause, repeats },
    complaints: { total: complaints.length, byCategory: count(complaints, (i) => i.category) },
  };
}

export async function rectificationAnalysis(
  store: Reads,
  estateId: string,
  period: Period,
  now: number,
): Promise<DepartmentRectification[]> {
  const departments = new Map((await store.listDepartments(estateId)).map((d) => [d.id, d]));
  return rectificationKpi(await store.issuesForKpi(estateId, period.from, period.to), now).map((k) => ({
    ...k,
    name: departments.get(k.departmentId)?.name,
  }));
}

export async function satisfactionTrend(store: Reads, estateId: string, now: number): Promise<SatisfactionTrend> {
  const campaigns = await store.listCampaigns(estateId);
  const kiosk = await store.kioskRatings(estateId, now - 90 * 86_400_000, now + 1);
  return {
    campaigns: await Promise.all(
      campaigns.map(async (c) => {
        const responses = await store.responsesOf(c.id);
        return {
          id: c.id,
          name: c.name,
          opensOn: c.opensOn,
          responses: responses.length,
          ...satisfaction(responses.flatMap((r) => Object.values(r.answers))),
        };
      }),
    ),
    // Kiosk faces 3–4 of 4 count as satisfied.
    kiosk: { ratings: kiosk.length, satisfied: kiosk.filter((k) => k.face >= 3).length },
  };
}

/** Training per person in the period: hours attended and the share of expected sessions attended. */
async function trainingByPerson(store: Reads, estateId: string, period: Period) {
  const tz = (await store.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
  const from = dayOf(period.from, tz);
  const to = dayOf(period.to - 1, tz);
  const out = new Map<string, { hours: number; expected: number; attended: number }>();
  for (const r of await store.listPlanRecords(estateId, 'training')) {
    if (r.kind !== 'training' || r.date < from || r.date > to) continue;
    for (const a of r.attendees) {
      const p = out.get(a.userId) ?? { hours: 0, expected: 0, attended: 0 };
      p.expected++;
      if (a.attended) {
        p.attended++;
        p.hours += r.hours;
      }
      out.set(a.userId, p);
    }
  }
  return out;
}

export async function kpi(store: Reads, estateId: string, period: Period, now: number): Promise<KpiReport> {
  const patrols = await patrolAnalysis(store, estateId, period, now);
  const training = await trainingByPerson(store, estateId, period);
  const members = await store.membersOf(estateId);
  const people = members.map((m) => {
    const p = patrols.byPerson.find((x) => x.inspectorId === m.userId);
    const t = training.get(m.userId);
    return {
      userId: m.userId,
      name: m.displayName,
      role: m.role,
      departmentId: m.departmentId,
      slotsFilled: p?.slotsFilled ?? 0,
      onTime: p?.onTime ?? { count: 0, of: 0, rate: null },
      voluntary: p?.voluntary ?? 0,
      trainingHours: t?.hours ?? 0,
      training: { count: t?.attended ?? 0, of: t?.expected ?? 0, rate: t?.expected ? t.attended / t.expected : null },
    };
  });
  return { people, departments: await rectificationAnalysis(store, estateId, period, now), patrolTotal: patrols.total };
}

/** 接待与咨询: how fast the desk answers owners, and how often it settles things at once, by topic and by person. */
export async function deskAnalysis(store: Reads, estateId: string, period: Period): Promise<DeskAnalysis> {
  const [entries, members] = await Promise.all([store.deskEntries(estateId, period.from, period.to), store.membersOf(estateId)]);
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const figures = deskFigures(entries);
  return { ...figures, byPerson: figures.byPerson.map((f) => ({ ...f, name: names.get(f.key) ?? f.key })) };
}

/** 巡更: each route's slots and rounds over the period, skips by checkpoint, and by guard. */
export async function routeAnalysis(store: Reads, estateId: string, period: Period, now: number): Promise<RouteAnalysis> {
  const [estate, routes, rounds, members] = await Promise.all([
    store.getEstate(estateId),
    store.listRoutes(estateId),
    store.roundsBetween(estateId, period.from, period.to),
    store.membersOf(estateId),
  ]);
  const tz = estate?.timeZone ?? 'Asia/Shanghai';
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  return {
    routes: routes.map((route) => {
      const mine = rounds.filter((r) => r.routeId === route.id);
      const figures = routeFigures(routeSlots(route, tz, mine, period.from, period.to, now), mine);
      return {
        route,
        figures: { ...figures, byGuard: figures.byGuard.map((g) => ({ ...g, name: names.get(g.guardId) ?? g.guardId })) },
        recent: mine
          .slice(-50)
          .reverse()
          .map(({ routeId: _, ...r }) => ({ ...r, guardName: names.get(r.guardId) ?? r.guardId })),
      };
    }),
  };
}
