/**
 * What a location owed over a period, judged by what was in force at the time: a past month is
 * judged by the schedules and the set of locations of that month, not today's, and nothing is owed
 * before a location existed or while it was deactivated.
 */
import type { ChecklistTemplate } from '../model/checklist.ts';
import type { LocationKind } from '../model/estate.ts';
import type { Schedule } from '../model/schedule.ts';
import { slotsBetween, type Slot } from './schedule.ts';

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
  slotsFor: (schedule: Schedule, from: number, to: number) => readonly Slot[] = (s, a, b) => slotsStartingIn(s, timeZone, a, b),
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
