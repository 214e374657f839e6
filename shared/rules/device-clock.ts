/**
 * Phones keep their own time, and some run minutes or hours wrong. A record's times are put on the
 * server's clock by the phone's offset (server − phone, from the server's Date header): the one it knew
 * when it saved the record, or else the one it shows when it sends it. What is still in the future after
 * that is taken at its receipt time: a record is never refused because of a phone's clock.
 */

/** Offsets within this are network delay and the Date header's 1 s grain, not a wrong clock. */
export const CLOCK_TOLERANCE_MS = 2 * 60_000;

export interface DeviceTimes {
  startedAt: number;
  finishedAt: number;
}

/** How far a record's device times move onto the server's clock (one shift for all of them, as `onServerClock`). */
export function clockShift(device: DeviceTimes, savedOffset: number | null, sendOffset: number | null, receivedAt: number): number {
  return onServerClock(device, savedOffset, sendOffset, receivedAt).startedAt - device.startedAt;
}

export function onServerClock(
  device: DeviceTimes,
  savedOffset: number | null,
  sendOffset: number | null,
  receivedAt: number,
): DeviceTimes & { corrected: boolean } {
  const meaningful = (o: number | null) => (o !== null && Math.abs(o) > CLOCK_TOLERANCE_MS ? o : null);
  const offset = meaningful(savedOffset) ?? meaningful(sendOffset) ?? 0;
  let startedAt = device.startedAt + offset;
  let finishedAt = device.finishedAt + offset;
  const ahead = finishedAt - receivedAt;
  if (ahead > CLOCK_TOLERANCE_MS) {
    startedAt -= ahead;
    finishedAt -= ahead;
  }
  return { startedAt, finishedAt, corrected: offset !== 0 || ahead > CLOCK_TOLERANCE_MS };
}
