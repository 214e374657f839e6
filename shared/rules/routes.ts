/** 巡更: how a round is judged against its route, and the route's figures (FIGURES.routeCompletion). */
import type { PatrolRoute, RouteScan } from '../model/route.ts';
import { rate, type Rate } from './kpi.ts';
import { completion, slotStates, slotsBetween, type Completion, type SlotState } from './schedule.ts';

export type RouteFlag = 'skipped' | 'outOfOrder' | 'tooFast' | 'tooSlow';

export interface RoundJudgement {
  startedAt: number;
  finishedAt: number;
  /** Every checkpoint confirmed. */
  complete: boolean;
  /** Checkpoints not scanned, in route order. */
  skipped: string[];
  /** Scanned in another order than the route's. */
  outOfOrder: boolean;
  /** Walks between consecutive scans quicker than the shortest expected, and slower than the longest. */
  tooFast: number;
  tooSlow: number;
  flags: RouteFlag[];
}

const MIN = 60_000;

/** A round's scans against its route: scans of places not on the route, and repeats of one, are ignored. */
export function judgeRound(route: Pick<PatrolRoute, 'checkpoints' | 'legMinutes'>, scans: readonly RouteScan[]): RoundJudgement {
  const onRoute = new Set(route.checkpoints);
  const seen = new Set<string>();
  const firsts = [...scans]
    .sort((a, b) => a.at - b.at)
    .filter((s) => onRoute.has(s.locationId) && !seen.has(s.locationId) && seen.add(s.locationId));
  const skipped = route.checkpoints.filter((c) => !seen.has(c));
  const order = firsts.map((s) => route.checkpoints.indexOf(s.locationId));
  const outOfOrder = order.some((o, i) => i > 0 && o < order[i - 1]);
  let tooFast = 0;
  let tooSlow = 0;
  for (let i = 1; i < firsts.length; i++) {
    const leg = firsts[i].at - firsts[i - 1].at;
    if (leg < route.legMinutes.min * MIN) tooFast++;
    else if (leg > route.legMinutes.max * MIN) tooSlow++;
  }
  const flags: RouteFlag[] = [
    ...(skipped.length ? (['skipped'] as const) : []),
    ...(outOfOrder ? (['outOfOrder'] as const) : []),
    ...(tooFast ? (['tooFast'] as const) : []),
    ...(tooSlow ? (['tooSlow'] as const) : []),
  ];
  return {
    startedAt: firsts[0]?.at ?? scans[0]?.at ?? 0,
    finishedAt: firsts.at(-1)?.at ?? scans.at(-1)?.at ?? 0,
    complete: skipped.length === 0,
    skipped,
    outOfOrder,
    tooFast,
    tooSlow,
    flags,
  };
}

/** A judged round as the figures read it. */
export interface RoundRecord {
  id: string;
  guardId: string;
  startedAt: number;
  finishedAt: number;
  complete: boolean;
  skipped: string[];
  flags: RouteFlag[];
}

/**
 * The route's slots over [from, to): a slot is done by a complete round that starts in it and finishes before it
 * closes (every checkpoint inside the window); a round with a checkpoint skipped fills nothing.
 */
export function routeSlots(
  route: Pick<PatrolRoute, 'schedule'>,
  timeZone: string,
  rounds: readonly RoundRecord[],
  from: number,
  to: number,
  now: number,
): SlotState[] {
  const slots = slotsBetween(route.schedule, timeZone, from, to).filter((s) => s.start >= from && s.start < to);
  // A round started in the window but finished after it closed is not inside the window: it fills nothing.
  const walked = rounds.filter((r) => r.complete).map((r) => ({ id: r.id, at: r.startedAt, until: r.finishedAt }));
  return slotStates(slots, walked, now);
}

export interface RouteFigures {
  completion: Completion;
  rounds: number;
  flagged: number;
  /** How often each checkpoint was skipped, most first. */
  skipsByCheckpoint: { locationId: string; skips: number }[];
  byGuard: { guardId: string; rounds: number; complete: Rate; flagged: number }[];
}

export function routeFigures(states: readonly SlotState[], rounds: readonly RoundRecord[]): RouteFigures {
  const skips = new Map<string, number>();
  for (const r of rounds) for (const c of r.skipped) skips.set(c, (skips.get(c) ?? 0) + 1);
  const guards = new Map<string, RoundRecord[]>();
  for (const r of rounds) {
    const list = guards.get(r.guardId);
    if (list) list.push(r);
    else guards.set(r.guardId, [r]);
  }
  return {
    completion: completion(states),
    rounds: rounds.length,
    flagged: rounds.filter((r) => r.flags.length > 0).length,
    skipsByCheckpoint: [...skips]
      .map(([locationId, n]) => ({ locationId, skips: n }))
      .sort((a, b) => b.skips - a.skips || a.locationId.localeCompare(b.locationId)),
    byGuard: [...guards]
      .map(([guardId, list]) => ({
        guardId,
        rounds: list.length,
        complete: rate(list.filter((r) => r.complete).length, list.length),
        flagged: list.filter((r) => r.flags.length > 0).length,
      }))
      .sort((a, b) => b.rounds - a.rounds || a.guardId.localeCompare(b.guardId)),
  };
}
