/**
 * An in-memory projection of patrol slots for the days around "now", per estate.
 * Building it costs a few queries; afterwards a poll reads the estate's revision and the inspections committed
 * since the last poll (two indexed reads, so several servers on one database answer alike) and loops over slots,
 * which keeps the alerts endpoint fast on estates with thousands of locations.
 * Which inspection fills which slot is decided by shared/rules/schedule.ts alone.
 */
import {
  DAY,
  addDays,
  fromLocal,
  eachLocationSlots,
  matchSlots,
  sharedSlots,
  slotStates,
  slotStatusAt,
  slotTouchesDay,
  statusAt,
  toLocal,
  type DeadlinePolicy,
  type InspectionTime,
  type Location,
  type Slot,
  type SlotState,
  type SlotStatus,
} from '../../shared/index.ts';
import type { Reads } from '../storage/store.ts';

interface LocationPatrol {
  location: Location;
  slots: readonly Slot[];
  inspections: InspectionTime[];
  /**
   * The slots with their fills decided, as numbers only — [start, end, closes, filledAt or NaN] per slot, in time
   * order — for the poll loop. No object per slot is kept: at 100,000 places those were millions of objects that every
   * garbage collection marked again, and they made the month's analysis grow faster than the estate.
   */
  packed: Float64Array;
}

function pack(slots: readonly Slot[], inspections: readonly InspectionTime[]): Float64Array {
  const out = new Float64Array(slots.length * 4);
  let i = 0;
  matchSlots(slots, inspections, Infinity, (slot, _status, fill) => {
    out[i++] = slot.start;
    out[i++] = slot.end;
    out[i++] = slot.closes;
    out[i++] = fill ? fill.at : Number.NaN;
  });
  return out;
}

interface EstateBoard {
  /** The estate's revision it was built at: another server's change to locations or templates bumps it. */
  revision: number;
  /** Where the next catch-up with inspections stored by any server starts (storage's opaque cursor). */
  cursor: string;
  timeZone: string;
  /** The estate's deadline policy at that revision (a policy change bumps it). */
  policy: DeadlinePolicy;
  from: number;
  to: number;
  startOfToday: number;
  startOfTomorrow: number;
  locations: Map<string, LocationPatrol>;
  /** Counts the inspections added since the build: a summary worked out before one was added is stale. */
  version: number;
  /** The last summary, and the span of time over which it stays the same answer. */
  memo?: { version: number; soonMs: number; limit: number; from: number; until: number; result: PatrolSummary };
}

export interface SlotView {
  locationId: string;
  start: number;
  end: number;
  closes: number;
  status: SlotStatus;
}

/** The `limit` best items by a numeric score (lower first), without sorting everything. */
class TopK {
  readonly items: { score: number; view: SlotView }[] = [];
  count = 0;
  constructor(private readonly limit: number) {}

  /** Cheap check first, so the common case allocates nothing. */
  wants(score: number): boolean {
    this.count++;
    return this.items.length < this.limit || score < this.items[this.items.length - 1].score;
  }

  add(score: number, view: SlotView): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].score <= score) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { score, view });
    if (this.items.length > this.limit) this.items.pop();
  }

  get views(): SlotView[] {
    return this.items.map((i) => i.view);
  }
}

export interface PatrolList {
  count: number;
  top: SlotView[];
}

export interface PatrolSummary {
  /** Closed today without an inspection, most recent first. */
  missed: PatrolList;
  /** Open now and not yet done (status due or late), soonest end first. */
  due: PatrolList;
  /** Opening within `soonMs`, soonest first. */
  dueSoon: PatrolList;
}

/** One estate's board as of one instant: read it with no further I/O. */
export interface BoardView {
  summary(soonMs: number, limit: number): PatrolSummary;
  /** Today's slots of one location, for the QR landing page. */
  slotsOf(locationId: string): SlotState[];
  /** The estate's zone, in which the board's days begin and end. */
  timeZone: string;
  /** The estate's deadline policy, current with the board: the alerts need not read it again. */
  policy: DeadlinePolicy;
  /** An active location of the estate. */
  location(locationId: string): Location | undefined;
  /** Every active location of the estate. */
  locations(): Location[];
}

export class PatrolBoard {
  private boards = new Map<string, EstateBoard>();
  /** Boards being built, and the inspections stored meanwhile (the build's read may predate them). */
  private loading = new Map<string, { board: Promise<EstateBoard>; stored: { locationId: string; inspection: InspectionTime }[] }>();
  /** Slot lists by schedule and window, shared by the locations that keep the same schedule, across builds. */
  private slotCache = new Map<string, readonly Slot[]>();

  constructor(private readonly store: Reads) {}

  invalidate(estateId: string): void {
    this.boards.delete(estateId);
  }

  async at(estateId: string, now: number): Promise<BoardView> {
    const board = await this.board(estateId, now);
    return {
      summary: (soonMs, limit) => this.summary(board, now, soonMs, limit),
      slotsOf: (locationId) => this.slotsOf(board, locationId, now),
      timeZone: board.timeZone,
      policy: board.policy,
      location: (locationId) => board.locations.get(locationId)?.location,
      locations: () => [...board.locations.values()].map((p) => p.location),
    };
  }

  /** Keep the board current after an inspection is stored, without a rebuild. */
  recordInspection(estateId: string, locationId: string, inspection: InspectionTime): void {
    this.loading.get(estateId)?.stored.push({ locationId, inspection });
    this.addInspection(this.boards.get(estateId), locationId, inspection);
  }

  private addInspection(board: EstateBoard | undefined, locationId: string, inspection: InspectionTime): void {
    const patrol = board?.locations.get(locationId);
    if (!board || !patrol || inspection.at < board.from || inspection.at >= board.to) return;
    if (patrol.inspections.some((i) => i.id === inspection.id)) return;
    patrol.inspections.push(inspection);
    patrol.packed = pack(patrol.slots, patrol.inspections);
    board.version++;
  }

  /**
   * The slots that need attention at `now`, in one pass with no allocation for the rest:
   * this is the hot path of every supervisor's poll. The answer only changes when an inspection is added or when `now`
   * reaches a slot's next edge (it comes within `soonMs`, opens, ends, closes or is filled), so the pass also finds the
   * first such edge, and polls before it get the same answer without a pass.
   */
  private summary(board: EstateBoard, now: number, soonMs: number, limit: number): PatrolSummary {
    const memo = board.memo;
    if (memo && memo.version === board.version && memo.soonMs === soonMs && memo.limit === limit && now >= memo.from && now < memo.until)
      return memo.result;
    const missed = new TopK(limit);
    const due = new TopK(limit);
    const dueSoon = new TopK(limit);
    const soon = now + soonMs;
    let until = Number.POSITIVE_INFINITY;
    for (const [locationId, { packed }] of board.locations) {
      for (let i = 0; i < packed.length; i += 4) {
        const start = packed[i];
        const end = packed[i + 1];
        const closes = packed[i + 2];
        const filledAt = packed[i + 3];
        // The slot's next edge after now (NaN, an unfilled slot's filledAt, compares false).
        if (start - soonMs > now && start - soonMs < until) until = start - soonMs;
        if (start > now && start < until) until = start;
        if (end > now && end < until) until = end;
        if (closes > now && closes < until) until = closes;
        if (filledAt > now && filledAt < until) until = filledAt;
        const status = slotStatusAt(start, end, closes, filledAt, now);
        if (status === 'upcoming') {
          if (start < soon && dueSoon.wants(start)) dueSoon.add(start, { locationId, start, end, closes, status });
        } else if (status === 'due' || status === 'late') {
          if (due.wants(end)) due.add(end, { locationId, start, end, closes, status });
        } else if (status === 'missed' && closes > board.startOfToday) {
          // Missed today: closed after today's midnight (slotTouchesDay's boundary; one closing at midnight was yesterday's).
          if (missed.wants(-closes)) missed.add(-closes, { locationId, start, end, closes, status });
        }
      }
    }
    const list = (k: TopK): PatrolList => ({ count: k.count, top: k.views });
    const result = { missed: list(missed), due: list(due), dueSoon: list(dueSoon) };
    board.memo = { version: board.version, soonMs, limit, from: now, until, result };
    return result;
  }

  private slotsOf(board: EstateBoard, locationId: string, now: number): SlotState[] {
    const patrol = board.locations.get(locationId);
    if (!patrol) return [];
    // One place's slots, matched again when its page asks: cheap for one, and nothing kept for the estate.
    return slotStates(patrol.slots, patrol.inspections, Infinity)
      .filter((s) => slotTouchesDay(s, board.startOfToday, board.startOfTomorrow))
      .map((s) => ({ ...s, status: statusAt(s, now) }));
  }

  /**
   * The estate's board, current with every server's writes: the same local day and revision is kept and caught up
   * with the inspections that arrived since (two indexed reads); another day or revision is built again.
   */
  private async board(estateId: string, now: number): Promise<EstateBoard> {
    const existing = this.boards.get(estateId);
    if (existing && now >= existing.startOfToday && now < existing.startOfTomorrow) {
      // Both reads at once: a poll waits for one round trip. The catch-up is thrown away if the revision moved.
      const [revision, after] = await Promise.all([
        this.store.estateRevision(estateId),
        this.store.inspectionsAfter(estateId, existing.cursor),
      ]);
      if (revision === existing.revision) {
        // Inspections committed since the last catch-up, by any server. One seen already (stored here) is skipped by id.
        existing.cursor = after.cursor;
        for (const r of after.rows) this.addInspection(existing, r.locationId, { id: r.id, at: r.finishedAt });
        return existing;
      }
      if (this.boards.get(estateId) === existing) this.boards.delete(estateId);
    }
    return this.load(estateId, now);
  }

  private load(estateId: string, now: number): Promise<EstateBoard> {
    const pending = this.loading.get(estateId);
    if (pending) return pending.board;
    const load = { board: this.build(estateId, now), stored: [] as { locationId: string; inspection: InspectionTime }[] };
    this.loading.set(estateId, load);
    return load.board
      .then((board) => {
        for (const { locationId, inspection } of load.stored) this.addInspection(board, locationId, inspection);
        this.boards.set(estateId, board);
        return board;
      })
      .finally(() => this.loading.delete(estateId));
  }

  private async build(estateId: string, now: number): Promise<EstateBoard> {
    // Read first: a change made while the board is built shows as a newer revision, or after the cursor, next time.
    const revision = await this.store.estateRevision(estateId);
    const { cursor } = await this.store.inspectionsAfter(estateId, null);
    const estate = await this.store.getEstate(estateId);
    if (!estate) throw new Error(`unknown estate ${estateId}`);
    const today = toLocal(now, estate.timeZone);

    // Yesterday (its overnight rounds close today) through tomorrow (what is due in the next hours).
    const from = fromLocal(addDays(today, -1), 0, estate.timeZone);
    const to = fromLocal(addDays(today, 2), 0, estate.timeZone);
    // What each location owes, by the same rule as the figures: nothing before it was created, and the
    // schedule in force when each slot starts (a location added at 10:00 has not missed the 07:00 round).
    const [templates, versions, rows, all, policy] = await Promise.all([
      this.store.templateVersions(estateId),
      this.store.locationVersions(estateId),
      this.store.inspectionTimes(estateId, from, to),
      this.store.listLocations(estateId),
      this.store.getPolicy(estateId),
    ]);
    const active = all.filter((l) => l.active);
    const byId = new Map(active.map((l) => [l.id, l]));
    const locations = new Map<string, LocationPatrol>();
    for (const [id, { slots, inspections }] of eachLocationSlots(
      active,
      versions,
      templates,
      rows,
      estate.timeZone,
      { from: from - DAY, to },
      sharedSlots(estate.timeZone, this.slotCache),
    ))
      locations.set(id, { location: byId.get(id)!, slots, inspections, packed: pack(slots, inspections) });
    if (this.slotCache.size > 1000) this.slotCache.clear();
    return {
      revision,
      cursor,
      timeZone: estate.timeZone,
      policy,
      from,
      to,
      startOfToday: fromLocal(today, 0, estate.timeZone),
      startOfTomorrow: fromLocal(addDays(today, 1), 0, estate.timeZone),
      locations,
      version: 0,
    };
  }
}
