/**
 * What a location owed over a period, judged by what was in force at the time: a past month is
 * judged by the schedules and the set of locations of that month, not today's, and nothing is owed
 * before a location existed or while it was deactivated.
 */
import type { ChecklistTemplate } from '../model/checklist.ts';
import type { Location, LocationKind } from '../model/estate.ts';
import type { DayRound } from '../model/answers.ts';
import type { Schedule } from '../model/schedule.ts';
import { shiftDate, startOfDate } from '../time/calendar.ts';
import { slotTouchesDay, slotsBetween, type InspectionTime, type Slot, type SlotState } from './schedule.ts';

/** The schedule a location keeps: its own, or else its kind's checklist template's. */
export function scheduleOf(
  location: { kind: LocationKind; schedule: Schedule | null },
  templates: readonly Pick<ChecklistTemplate, 'kind' | 'schedule'>[],
): Schedule | null {
  return location.schedule ?? templates.find((t) => t.kind === location.kind)?.schedule ?? null;
}

/** A location as it was from `since` until its next version. */
export interface LocationVersion {
  since: number;
  active: boolean;
  kind: LocationKind;
  schedule: Schedule | null;
}

/** A checklist template version and when it was published. */
export interface TemplateVersion {
  createdAt: number;
  template: Pick<ChecklistTemplate, 'kind' | 'schedule'>;
}

/** The templates in force at an instant: per kind, the newest version published by then. */
function templatesAt(versions: readonly TemplateVersion[], at: number): Pick<ChecklistTemplate, 'kind' | 'schedule'>[] {
  const byKind = new Map<string, TemplateVersion>();
  for (const v of versions) {
    if (v.createdAt > at) continue;
    const seen = byKind.get(v.template.kind);
    if (!seen || v.createdAt >= seen.createdAt) byKind.set(v.template.kind, v);
  }
  return [...byKind.values()].map((v) => v.template);
}

/** The slots of a schedule that start in [from, to). */
export function slotsStartingIn(schedule: Schedule, timeZone: string, from: number, to: number): Slot[] {
  return slotsBetween(schedule, timeZone, from, to).filter((s) => s.start >= from && s.start < to);
}

type SlotsFor = (schedule: Schedule, from: number, to: number) => readonly Slot[];

/** Slot lists shared among the locations that keep the same schedule over the same window (most keep their kind's). */
export function sharedSlots(timeZone: string, cache = new Map<string, readonly Slot[]>()): SlotsFor {
  return (schedule, from, to) => {
    const key = `${timeZone}|${from}|${to}|${JSON.stringify(schedule)}`;
    let slots = cache.get(key);
    if (!slots) cache.set(key, (slots = slotsStartingIn(schedule, timeZone, from, to)));
    return slots;
  };
}

/**
 * A location's slots on one local day (`date`, YYYY-MM-DD in the estate's zone), as its page shows them: every
 * slot open at some moment of that day, so last night's round that closes at 01:00 is today's too.
 */
export function slotsTouchingDay(schedule: Schedule, timeZone: string, date: string): Slot[] {
  const dayStart = startOfDate(date, timeZone);
  const dayEnd = startOfDate(shiftDate(date, 1), timeZone);
  return slotsBetween(schedule, timeZone, dayStart, dayEnd).filter((s) => slotTouchesDay(s, dayStart, dayEnd));
}

/**
 * The one builder behind the patrol board and the patrol figures: for each location, the slots it owed in [from, to)
 * (by `owedSlots`) and the rounds made there, one location at a time and not yet matched (`matchSlots` decides which
 * round fills which slot). A caller holds one location's slots at once, not an estate's, whose hundred thousand places
 * would not fit in memory together.
 */
export function* eachLocationSlots<
  R extends { id: string; locationId: string; finishedAt: number },
  T extends InspectionTime = InspectionTime,
>(
  locations: readonly { id: string }[],
  versions: ReadonlyMap<string, readonly LocationVersion[]>,
  templates: readonly TemplateVersion[],
  rounds: readonly R[],
  timeZone: string,
  period: { from: number; to: number },
  slotsFor: SlotsFor = sharedSlots(timeZone),
  /** The round as the caller will match it (by default its id and time); the analysis keeps its own marks on it. */
  timeOf: (round: R) => T = (r) => ({ id: r.id, at: r.finishedAt }) as T,
): Generator<[string, { slots: readonly Slot[]; inspections: T[] }]> {
  const byLocation = new Map<string, T[]>();
  for (const r of rounds) {
    const list = byLocation.get(r.locationId) ?? [];
    list.push(timeOf(r));
    byLocation.set(r.locationId, list);
  }
  for (const l of locations)
    yield [
      l.id,
      {
        slots: owedSlots(versions.get(l.id) ?? [], templates, timeZone, period.from, period.to, slotsFor),
        inspections: byLocation.get(l.id) ?? [],
      },
    ];
}

/**
 * The slots a location owed that start in [from, to): each piece of the period between two changes
 * (a location version or a template published) keeps the schedule in force when it began.
 * `slotsFor` (by default `slotsStartingIn`) lets a caller share one read-only list among the many
 * locations that keep the same schedule: a location with no change in the period gets that list itself.
 */
export function owedSlots(
  versions: readonly LocationVersion[],
  templates: readonly TemplateVersion[],
  timeZone: string,
  from: number,
  to: number,
  slotsFor: SlotsFor = (s, a, b) => slotsStartingIn(s, timeZone, a, b),
): readonly Slot[] {
  const ordered = [...versions].sort((a, b) => a.since - b.since);
  if (!ordered.length) return [];
  const changes = new Set<number>([from]);
  for (const v of ordered) if (v.since > from && v.since < to) changes.add(v.since);
  for (const t of templates) if (t.createdAt > from && t.createdAt < to) changes.add(t.createdAt);
  const cuts = [...changes].sort((a, b) => a - b).concat(to);

  const pieces: (readonly Slot[])[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const version = ordered.filter((v) => v.since <= start).at(-1);
    if (!version?.active) continue;
    const schedule = scheduleOf(version, templatesAt(templates, start));
    if (schedule) pieces.push(slotsFor(schedule, start, end));
  }
  return pieces.length === 1 ? pieces[0] : pieces.flat();
}

/** One round of an inspector's day (我的今日): a slot of one location, with its status. */
export function dayRound(l: Pick<Location, 'id' | 'code' | 'name' | 'kind'>, s: SlotState): DayRound {
  return {
    locationId: l.id,
    code: l.code,
    name: l.name,
    kind: l.kind,
    key: s.key,
    start: s.start,
    end: s.end,
    closes: s.closes,
    status: s.status,
  };
}
