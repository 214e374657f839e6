/**
 * The guard round under way on this phone (巡更): which route, when it started, and each checkpoint confirmed.
 * Kept on the phone (durably: a scan that cannot be kept is said, not lost quietly) until the guard finishes, then sent through the outbox like any record, so a round walked
 * offline reaches the server when the phone is back online.
 */
import type { LocalText, PatrolRoute, RouteScan, ScanMethod } from '../../../shared/index.ts';
import { tx } from '../i18n.ts';
import { cacheGet, keep } from '../outbox/db.ts';
import { uuid } from '../util/uuid.ts';
import { save } from './sync.ts';

export interface ActiveRound {
  id: string;
  estateId: string;
  routeId: string;
  routeName: LocalText;
  checkpoints: string[];
  legMinutes: PatrolRoute['legMinutes'];
  startedAt: number;
  scans: RouteScan[];
}

const KEY = 'round:active';

export async function activeRound(): Promise<ActiveRound | null> {
  return (await cacheGet<ActiveRound | null>(KEY))?.value ?? null;
}

export async function startRound(route: PatrolRoute): Promise<ActiveRound> {
  const round: ActiveRound = {
    id: uuid(),
    estateId: route.estateId,
    routeId: route.id,
    routeName: route.name,
    checkpoints: route.checkpoints,
    legMinutes: route.legMinutes,
    startedAt: Date.now(),
    scans: [],
  };
  await keep(KEY, round);
  return round;
}

/** A checkpoint of the round under way, confirmed now; null when no round is under way or the place is not on it. */
export async function confirmCheckpoint(locationId: string, method: ScanMethod): Promise<ActiveRound | null> {
  const round = await activeRound();
  if (!round?.checkpoints.includes(locationId)) return null;
  if (round.scans.some((s) => s.locationId === locationId)) return round;
  const next = { ...round, scans: [...round.scans, { locationId, at: Date.now(), method }] };
  await keep(KEY, next);
  return next;
}

/** Sends the round as walked (the server judges it) and clears it from the phone. */
export async function finishRound(round: ActiveRound): Promise<void> {
  await save({
    id: round.id,
    kind: 'routeRound',
    params: { estateId: round.estateId, id: round.routeId },
    auth: true,
    label: `${tx(round.routeName)} · ${round.scans.length}/${round.checkpoints.length}`,
    body: { id: round.id, scans: round.scans },
  });
  await keep(KEY, null);
}
