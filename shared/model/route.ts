/**
 * 巡更路线: a guard's route is an ordered list of checkpoints (locations) walked as whole rounds on a schedule
 * (night rounds every 2 h from 22:00 to 06:00), with an expected time between checkpoints. Each checkpoint is
 * proved by its QR code, the lobby tablet's rotating code, or an NFC tag; the method is kept with the scan.
 */
import * as v from 'valibot';
import { Id, Instant, LocalText, Uuid, finiteNumber } from './common.ts';
import { Schedule } from './schedule.ts';

export const SCAN_METHODS = ['printed_code', 'kiosk_code', 'nfc'] as const;
export type ScanMethod = (typeof SCAN_METHODS)[number];

const minutes = v.pipe(finiteNumber(), v.integer('must be whole minutes'), v.minValue(0), v.maxValue(240));

export const RouteInput = v.pipe(
  v.object({
    name: LocalText,
    checkpoints: v.pipe(
      v.array(Id),
      v.minLength(2, 'a route has at least two checkpoints'),
      v.maxLength(60, 'a route has at most 60 checkpoints'),
      v.check((ids) => new Set(ids).size === ids.length, 'a checkpoint appears once in a route'),
    ),
    schedule: Schedule,
    /** The expected walk between two checkpoints: quicker is a guard who did not walk it, slower one who stopped. */
    legMinutes: v.object({ min: minutes, max: minutes }),
    active: v.optional(v.boolean(), true),
  }),
  v.forward(
    v.check((r) => r.legMinutes.max >= r.legMinutes.min, 'the longest walk cannot be shorter than the shortest'),
    ['legMinutes', 'max'],
  ),
);
export type RouteInput = v.InferOutput<typeof RouteInput>;

export interface PatrolRoute extends RouteInput {
  id: string;
  estateId: string;
}

export const RouteScan = v.object({
  locationId: Id,
  at: Instant,
  method: v.picklist(SCAN_METHODS, `must be one of ${SCAN_METHODS.join(', ')}`),
});
export type RouteScan = v.InferOutput<typeof RouteScan>;

/** A round as the phone sends it when the guard finishes (or gives up): every scan, in the order made. */
export const RouteRoundSubmission = v.object({
  id: Uuid,
  scans: v.pipe(v.array(RouteScan), v.minLength(1, 'a round has at least one scan'), v.maxLength(200)),
});
export type RouteRoundSubmission = v.InferOutput<typeof RouteRoundSubmission>;
