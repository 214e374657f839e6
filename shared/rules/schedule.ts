/**
 * Patrol schedules → slots → slot status. Pure: callers pass `now`.
 *
 * A slot opens at `start`; an inspection in [start, end) fills it on time,
 * one in [end, closes) fills it late; with no inspection by `closes` it is missed.
 * Inspections that fill no slot are voluntary and never count toward completion.
 */
import type { Schedule } from '../model/schedule.ts';
import {
  HOUR,
  MINUTE,
  addDays,
  daysInMonth,
  formatDate,
  fromLocal,
  parseClock,
  toLocal,
  weekdayOf,
  type LocalDate,
} from '../time/zoned.ts';

export interface Slot {
  /** Stable across recomputation: local date of the window plus an ordinal. */
  key: string;
  /** When the slot is expected: it shows as due from here. */
  start: number;
  end: number;
  closes: number;
  /**
   * The earliest inspection that may fill it, when earlier than `start`. "Twice a day, at least 4 h
   * apart" is met by any two rounds inside the day's window that keep the gap (09:00 and 13:30), so
   * every round of such a day may be filled from the window's start.
   */
  fillFrom?: number;
  /** For "N times a day": the minimum gap from the inspection that filled the previous slot. */
  minGapMs?: number;
}

export type SlotStatus = 'upcoming' | 'due' | 'late' | 'done' | 'missed';

export interface SlotState extends Slot {
  status: SlotStatus;
  /** Set when done: the inspection that filled it and whether it was inside the on-time window. */
  filledBy?: string;
  filledAt?: number;
  onTime?: boolean;
}

export interface InspectionTime {
  id: string;
  at: number;
  /** When a visit that takes time ended (a guard's whole round): it fills a slot only if it ended before the slot closed. */
  until?: number;
}

export const DEFAULT_WINDOW_MINUTES = 180;

interface DayWindow {
  start: number;
  end: number;
}

/** The [from, to) window of one local day; `to` ≤ `from` runs into the next day. */
function dayWindow(date: LocalDate, from: string, to: string, timeZone: string): DayWindow {
  const f = parseClock(from);
  const t = parseClock(to);
  const start = fromLocal(date, f, timeZone);
  const end = t > f ? fromLocal(date, t, timeZone) : fromLocal(addDays(date, 1), t, timeZone);
  return { start, end };
}

/** Slots whose window starts on the given local date. */
export function slotsOfDay(schedule: Schedule, date: LocalDate, timeZone: string): Slot[] {
  const day = formatDate(date);
  const nextDay = fromLocal(addDays(date, 1), 0, timeZone);
  const at = (hhmm: string, d = date) => fromLocal(d, parseClock(hhmm), timeZone);
  const pointSlots = (starts: number[], windowMinutes = DEFAULT_WINDOW_MINUTES): Slot[] =>
    starts
      .sort((a, b) => a - b)
      .map((start, i, all) => {
        const closes = Math.min(all[i + 1] ?? nextDay, nextDay);
        return { key: `${day}#${i}`, start, end: Math.min(start + windowMinutes * MINUTE, closes), closes };
      });

  switch (schedule.kind) {
    case 'interval': {
      const { start, end } = dayWindow(date, schedule.from, schedule.to, timeZone);
      const step = schedule.everyHours * HOUR;
      const slots: Slot[] = [];
      // Walk in elapsed time, so a DST day has one slot more or less, as a real clock would.
      for (let s = start, i = 0; s < end; s += step, i++) {
        const e = Math.min(s + step, end);
        slots.push({ key: `${day}#${i}`, start: s, end: e, closes: e });
      }
      return slots;
    }
    case 'timesPerDay': {
      // The plan's rule is a count and a gap inside the day's window: round i is expected from the
      // i-th equal part of the window (so the page says when the next one is due), but any round in
      // the window that keeps the gap from the previous one fills it, on time until the window ends.
      const { start, end } = dayWindow(date, schedule.from, schedule.to, timeZone);
      const part = (end - start) / schedule.times;
      return Array.from({ length: schedule.times }, (_, i) => {
        const slot: Slot = { key: `${day}#${i}`, start: Math.round(start + i * part), end, closes: end };
        if (i > 0) {
          slot.fillFrom = start;
          if (schedule.minGapHours > 0) slot.minGapMs = schedule.minGapHours * HOUR;
        }
        return slot;
      });
    }
    case 'dailyAt':
      return pointSlots(
        schedule.times.map((t) => at(t)),
        schedule.windowMinutes,
      );
    case 'weekly':
      return schedule.weekdays.includes(weekdayOf(date)) ? pointSlots([at(schedule.at)], schedule.windowMinutes) : [];
    case 'monthly': {
      const day = Math.min(schedule.day, daysInMonth(date.year, date.month));
      return date.day === day ? pointSlots([at(schedule.at)], schedule.windowMinutes) : [];
    }
  }
}

/** All slots that overlap [from, to), including windows that began the day before `from`. */
export function slotsBetween(schedule: Schedule, timeZone: string, from: number, to: number): Slot[] {
  const slots: Slot[] = [];
  let date = addDays(toLocal(from, timeZone), -1);
  const last = toLocal(to, timeZone);
  for (let guard = 0; guard < 400 && formatDate(date) <= formatDate(last); guard++) {
    for (const slot of slotsOfDay(schedule, date, timeZone)) {
      if (slot.closes > from && slot.start < to) slots.push(slot);
    }
    date = addDays(date, 1);
  }
  return slots;
}

/**
 * Match inspections to slots and give each slot its status at `now`.
 * Each slot takes the first inspection inside [start, closes); an inspection fills at most one slot.
 */
export function slotStates(slots: readonly Slot[], inspections: readonly InspectionTime[], now: number): SlotState[] {
  const states: SlotState[] = [];
  matchSlots(slots, inspections, now, (slot, status, fill) =>
    states.push(fill ? { ...slot, status, filledBy: fill.id, filledAt: fill.at, onTime: fill.at < slot.end } : { ...slot, status }),
  );
  return states;
}

/**
 * The matching rule itself, visiting each slot in time order with its status and the inspection that filled it, so
 * a caller that only counts (the analysis of a month) makes no object per slot.
 */
export function matchSlots<T extends InspectionTime>(
  slots: readonly Slot[],
  inspections: readonly T[],
  now: number,
  visit: (slot: Slot, status: SlotStatus, fill: T | undefined) => void,
): void {
  const sorted = inOrder(inspections.every((i) => i.at <= now) ? inspections : inspections.filter((i) => i.at <= now), (i) => i.at);
  // Which of the sorted inspections filled a slot already (each fills one at most).
  const used = new Uint8Array(sorted.length);
  let previousFill: number | undefined;
  for (const slot of inOrder(slots, (s) => s.start)) {
    const minFrom = slot.minGapMs !== undefined && previousFill !== undefined ? previousFill + slot.minGapMs : -Infinity;
    const from = Math.max(slot.fillFrom ?? slot.start, minFrom);
    // The first unused inspection in [from, closes): found from where `from` falls, not from the first round.
    let fill: T | undefined;
    for (let k = firstAtOrAfter(sorted, from); k < sorted.length && sorted[k].at < slot.closes; k++)
      if (!used[k] && (sorted[k].until ?? sorted[k].at) < slot.closes) {
        fill = sorted[k];
        used[k] = 1;
        break;
      }
    if (fill) {
      previousFill = fill.at;
      visit(slot, 'done', fill);
    } else visit(slot, statusAt(slot, now), undefined);
  }
}

/**
 * The list in time order: itself when it already is (slot lists and a location's rounds nearly always are), else a
 * sorted copy. Matching a month of a 100,000-place estate otherwise copied and sorted tens of millions of entries.
 */
function inOrder<X>(xs: readonly X[], time: (x: X) => number): readonly X[] {
  for (let i = 1; i < xs.length; i++) if (time(xs[i]) < time(xs[i - 1])) return [...xs].sort((a, b) => time(a) - time(b));
  return xs;
}

/** The index of the first inspection at or after `at` in a list sorted by time (binary search). */
function firstAtOrAfter(sorted: readonly InspectionTime[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Which slot (if any) an inspection made at `at` would fill, given what is already filled (the same rule as `slotStates`). */
export function slotFilledAt(states: readonly SlotState[], at: number): SlotState | undefined {
  let previousFill: number | undefined;
  for (const slot of [...states].sort((a, b) => a.start - b.start)) {
    if (slot.filledAt !== undefined) {
      previousFill = slot.filledAt;
      continue;
    }
    const minFrom = slot.minGapMs !== undefined && previousFill !== undefined ? previousFill + slot.minGapMs : -Infinity;
    if (at >= (slot.fillFrom ?? slot.start) && at < slot.closes && at >= minFrom) return slot;
  }
  return undefined;
}

/** The status of a slot at `now`, once which inspection fills it is decided (the one rule; `slotStates` uses it too). */
export function statusAt(slot: Slot & { filledAt?: number }, now: number): SlotStatus {
  return slotStatusAt(slot.start, slot.end, slot.closes, slot.filledAt ?? Number.NaN, now);
}

/**
 * The one rule for a slot's status at `now`, on plain numbers (`filledAt` NaN: not filled), so the alerts' hot
 * loop over every slot of an estate uses it too without allocating: done once filled; upcoming before it opens;
 * due until its end; late until it closes; missed after.
 */
export function slotStatusAt(start: number, end: number, closes: number, filledAt: number, now: number): SlotStatus {
  if (filledAt <= now) return 'done';
  return now < start ? 'upcoming' : now < end ? 'due' : now < closes ? 'late' : 'missed';
}

/**
 * Whether a slot belongs to the local day [startOfDay, startOfNextDay): it was open at some moment of
 * that day. A slot that closes exactly at midnight belongs to the day before, on every screen.
 */
export function slotTouchesDay(slot: Slot, startOfDay: number, startOfNextDay: number): boolean {
  return slot.closes > startOfDay && slot.start < startOfNextDay;
}

/** The next time a patrol is needed: now if a slot is open and unfilled, else the next slot's start. */
export function nextDueAt(states: readonly SlotState[], now: number): number | undefined {
  const open = states.find((s) => (s.status === 'due' || s.status === 'late') && now < s.closes);
  if (open) return now;
  return states.filter((s) => s.status === 'upcoming').sort((a, b) => a.start - b.start)[0]?.start;
}

export interface Completion {
  scheduled: number;
  done: number;
  onTime: number;
  missed: number;
  /** Share of closed slots (done or missed) that were done; null when none has closed yet. */
  completionRate: number | null;
  onTimeRate: number | null;
}

/** Completion over slots; open slots (upcoming/due/late) are not yet counted either way. */
export function completion(states: readonly SlotState[]): Completion {
  let done = 0;
  let onTime = 0;
  let missed = 0;
  for (const s of states) {
    if (s.status === 'done') {
      done++;
      if (s.onTime) onTime++;
    } else if (s.status === 'missed') missed++;
  }
  return completionFrom({ scheduled: states.length, done, onTime, missed });
}

/** Completion from its counts: the rates are of the slots that closed (done or missed); null when none has closed yet. */
export function completionFrom({
  scheduled,
  done,
  onTime,
  missed,
}: Pick<Completion, 'scheduled' | 'done' | 'onTime' | 'missed'>): Completion {
  const closed = done + missed;
  return {
    scheduled,
    done,
    onTime,
    missed,
    completionRate: closed ? done / closed : null,
    onTimeRate: closed ? onTime / closed : null,
  };
}

/** Completion of several sets of slots together (a kind's places, the whole estate), from each one's completion. */
export function combineCompletions(parts: readonly Completion[]): Completion {
  let scheduled = 0;
  let done = 0;
  let onTime = 0;
  let missed = 0;
  for (const c of parts) {
    scheduled += c.scheduled;
    done += c.done;
    onTime += c.onTime;
    missed += c.missed;
  }
  return completionFrom({ scheduled, done, onTime, missed });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A schedule checked about twice as often, for a maintenance-plan change (a lift whose faults of one cause repeat):
 * twice the times a day, half the interval, a check between each two fixed times, daily instead of weekly, weekly
 * instead of monthly. A schedule already at its most frequent stays as it is.
 */
export function moreFrequent(s: Schedule): Schedule {
  switch (s.kind) {
    case 'interval':
      return { ...s, everyHours: Math.max(0.25, s.everyHours / 2) };
    case 'timesPerDay':
      return { ...s, times: Math.min(24, s.times * 2), minGapHours: s.minGapHours / 2 };
    case 'dailyAt': {
      const times = [...new Set(s.times.map(minutesOf))].sort((a, b) => a - b);
      // Midway between each two; after a single time, six hours later (or earlier, late in the day).
      const extra =
        times.length === 1
          ? [times[0] + 360 < 24 * 60 ? times[0] + 360 : times[0] - 360]
          : times.slice(1).map((t, i) => Math.round((times[i] + t) / 2));
      const all = [...new Set([...times, ...extra])].sort((a, b) => a - b).slice(0, 24);
      return { ...s, times: all.map(clockOf) };
    }
    case 'weekly':
      return { kind: 'dailyAt', times: [s.at], windowMinutes: s.windowMinutes };
    case 'monthly':
      return { kind: 'weekly', weekdays: [1], at: s.at, windowMinutes: s.windowMinutes };
  }
}
