/** 巡更: an estate's guard routes, and the rounds walked on them, judged as they arrive (shared/rules/routes.ts). */
import {
  clockShift,
  dateIn,
  judgeRound,
  routeSlots,
  slotHours,
  startOfDate,
  type RoundAlert,
  type PatrolRoute,
  type RouteInput,
  type RouteRoundReceipt,
  type RouteRoundSubmission,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Reads } from '../storage/store.ts';
import { once } from './idempotency.ts';
import { invalid } from './refusals.ts';

export async function saveRoute(deps: Deps, estateId: string, id: string, input: RouteInput): Promise<PatrolRoute> {
  const now = deps.clock();
  return deps.store.write(async (tx) => {
    const locations = new Map((await tx.listLocations(estateId)).map((l) => [l.id, l]));
    const fields = input.checkpoints.flatMap((c, i) =>
      locations.get(c)?.active ? [] : [{ path: `checkpoints[${i}]`, message: `no location ${c} in service here`, rule: 'unknown' }],
    );
    if (fields.length) throw invalid('checkpoints: every checkpoint is a location of this estate', fields);
    const route: PatrolRoute = { ...input, id, estateId };
    await tx.putRoute(route, now);
    return route;
  });
}

/** `sentAt`: the phone's clock as it sent the round; the scans are put on the server's clock by it (a retry is known by what was sent). */
export async function submitRound(
  deps: Deps,
  route: PatrolRoute,
  r: RouteRoundSubmission,
  guardId: string,
  sentAt: number | null = null,
): Promise<RouteRoundReceipt> {
  const now = deps.clock();
  const times = r.scans.map((s) => s.at);
  const shift = clockShift(
    { startedAt: Math.min(...times), finishedAt: Math.max(...times) },
    null,
    sentAt === null ? null : now - sentAt,
    now,
  );
  const scans = r.scans.map((s) => ({ ...s, at: s.at + shift }));
  const { receipt } = await deps.store.write((tx) =>
    once<RouteRoundReceipt>(tx, route.estateId, r.id, 'routeRound', { ...r, routeId: route.id }, now, async () => {
      const j = judgeRound(route, scans);
      await tx.insertRound(
        route.estateId,
        {
          id: r.id,
          routeId: route.id,
          guardId,
          startedAt: j.startedAt,
          finishedAt: j.finishedAt,
          complete: j.complete,
          skipped: j.skipped,
          flags: j.flags,
          scans,
        },
        now,
      );
      return { kind: 'routeRound', id: r.id, complete: j.complete, skipped: j.skipped, flags: j.flags };
    }),
  );
  return receipt;
}

/** Today's guard-round slots (the estate's day) that closed with no complete round, oldest first. */
export async function missedRoundsToday(store: Reads, estateId: string, timeZone: string, now: number): Promise<RoundAlert[]> {
  const routes = (await store.listRoutes(estateId)).filter((r) => r.active);
  if (!routes.length) return [];
  const dayStart = startOfDate(dateIn(now, timeZone), timeZone);
  // A night round that began yesterday evening and closed this morning is today's news as well.
  const rounds = await store.roundsBetween(estateId, dayStart - 86_400_000, now + 1);
  return routes
    .flatMap((route) =>
      routeSlots(
        route,
        timeZone,
        rounds.filter((r) => r.routeId === route.id),
        dayStart - 86_400_000,
        now,
        now,
      )
        .filter((s) => s.status === 'missed' && s.closes > dayStart)
        .map((s) => ({
          routeId: route.id,
          routeName: route.name,
          start: s.start,
          end: s.closes,
          hours: slotHours({ start: s.start, end: s.closes }, timeZone),
        })),
    )
    .sort((a, b) => a.start - b.start || a.routeId.localeCompare(b.routeId));
}
