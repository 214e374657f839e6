/**
 * An in-memory projection of patrol slots for the days around "now", per estate.
 * Building it costs one query; afterwards a poll is a loop over slots with no I/O,
 * which keeps the alerts endpoint fast on estates with thousands of locations.
 * Which inspection fills which slot is decided by shared/rules/schedule.ts alone.
 */
import {
  DAY,
  addDays,
  formatDate,
  fromLocal,
  slotStates,
  slotsBetween,
  toLocal,
  type ChecklistTemplate,
  type InspectionTime,
  type Location,
  type Schedule,
  type Slot,
  type SlotState,
  type SlotStatus,
} from '../../shared/index.ts';
import type { Store } from '../storage/store.ts';

interface LocationPatrol {
  location: Location;
  slots: Slot[];
  inspections: InspectionTime[];
  /** Slot states with fills decided; statuses are recomputed at read time. */
  filled: SlotState[];
}

interface EstateBoard {
  day: string;
  from: number;
  to: number;
  startOfToday: number;
  locations: Map<string, LocationPatrol>;
}

export interface SlotView {
  locationId: string;
  slotKey: string;
  start: number;
  end: number;
  closes: number;
  status: SlotStatus;
}

export function scheduleFor(location: Location, templates: readonly ChecklistTemplate[]): Schedule | null {
  return location.schedule ?? templates.find((t) => t.kind === location.kind)?.schedule ?? null;
}

export class PatrolBoard {
  private boards = new Map<string, EstateBoard>();
  private slotCache = new Map<string, Slot[]>();

  constructor(private readonly store: Store) {}

  invalidate(estateId: string): void {
    this.boards.delete(estateId);
  }

  /** Keep the board current after an inspection is stored, without a rebuild. */
  recordInspection(estateId: string, locationId: string, inspection: InspectionTime): void {
    const board = this.boards.get(estateId);
    const patrol = board?.locations.get(locationId);
    if (!board || !patrol || inspection.at < board.from || inspection.at >= board.to) return;
    if (patrol.inspections.some((i) => i.id === inspection.id)) return;
    patrol.inspections.push(inspection);
    patrol.filled = slotStates(patrol.slots, patrol.inspections, Infinity);
  }

  /** Every slot of the board with its status at `now`. */
  slots(estateId: string, now: number): { views: SlotView[]; startOfToday: number } {
    const board = this.board(estateId, now);
    const views: SlotView[] = [];
    for (const [locationId, patrol] of board.locations) {
      for (const s of patrol.filled) views.push({ locationId, slotKey: s.key, start: s.start, end: s.end, closes: s.closes, status: statusAt(s, now) });
    }
    return { views, startOfToday: board.startOfToday };
  }

  /** Today's slots of one location, for the QR landing page. */
  slotsOf(estateId: string, locationId: string, now: number): SlotState[] {
    const board = this.board(estateId, now);
    const patrol = board.locations.get(locationId);
    if (!patrol) return [];
    return patrol.filled
      .filter((s) => s.closes > board.startOfToday && s.start < board.startOfToday + DAY)
      .map((s) => ({ ...s, status: statusAt(s, now) }));
  }

  location(estateId: string, locationId: string, now: number): Location | undefined {
    return this.board(estateId, now).locations.get(locationId)?.location;
  }

  private board(estateId: string, now: number): EstateBoard {
    const estate = this.store.getEstate(estateId);
    if (!estate) throw new Error(`unknown estate ${estateId}`);
    const today = toLocal(now, estate.timeZone);
    const day = formatDate(today);
    const existing = this.boards.get(estateId);
    if (existing && existing.day === day) return existing;

    // Yesterday (its overnight rounds close today) through tomorrow (what is due in the next hours).
    const from = fromLocal(addDays(today, -1), 0, estate.timeZone);
    const to = fromLocal(addDays(today, 2), 0, estate.timeZone);
    const templates = this.store.latestTemplates(estateId);
    const byLocation = new Map<string, InspectionTime[]>();
    for (const row of this.store.inspectionTimes(estateId, from, to)) {
      const list = byLocation.get(row.locationId) ?? [];
      list.push({ id: row.id, at: row.finishedAt });
      byLocation.set(row.locationId, list);
    }
    const locations = new Map<string, LocationPatrol>();
    for (const location of this.store.listLocations(estateId)) {
      if (!location.active) continue;
      const schedule = scheduleFor(location, templates);
      const slots = schedule ? this.cachedSlots(schedule, estate.timeZone, from, to) : [];
      const inspections = byLocation.get(location.id) ?? [];
      locations.set(location.id, { location, slots, inspections, filled: slotStates(slots, inspections, Infinity) });
    }
    const board = { day, from, to, startOfToday: fromLocal(today, 0, estate.timeZone), locations };
    this.boards.set(estateId, board);
    if (this.slotCache.size > 1000) this.slotCache.clear();
    return board;
  }

  /** Most locations share their kind's schedule: compute its slots once per day. */
  private cachedSlots(schedule: Schedule, timeZone: string, from: number, to: number): Slot[] {
    const key = `${timeZone}|${from}|${JSON.stringify(schedule)}`;
    let slots = this.slotCache.get(key);
    if (!slots) {
      slots = slotsBetween(schedule, timeZone, from, to).filter((s) => s.start >= from - DAY);
      this.slotCache.set(key, slots);
    }
    return slots;
  }
}

/** The status of a slot whose fill is already decided, at `now` (same rules as slotStates). */
function statusAt(s: SlotState, now: number): SlotStatus {
  if (s.filledAt !== undefined && s.filledAt <= now) return 'done';
  return now < s.start ? 'upcoming' : now < s.end ? 'due' : now < s.closes ? 'late' : 'missed';
}
