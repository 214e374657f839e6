import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, onServerClock } from './device-clock.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-30T15:30:00Z');
const round = (finishedAt: number) => ({ startedAt: finishedAt - 300_000, finishedAt });

describe("a phone's times on the server's clock", () => {
  it('a clock an hour fast, with the offset it measured when saving: moved back an hour', () => {
    expect(onServerClock(round(NOW - 60_000 + HOUR), -HOUR, null, NOW)).toEqual({ ...round(NOW - 60_000), corrected: true });
  });

  it('no offset known when saving: the one shown when sending is used', () => {
    expect(onServerClock(round(NOW - 60_000 + HOUR), null, -HOUR, NOW)).toEqual({ ...round(NOW - 60_000), corrected: true });
  });

  it('a clock set right between saving and sending: what is still in the future is taken at the receipt time', () => {
    expect(onServerClock(round(NOW + HOUR), null, 0, NOW)).toEqual({ ...round(NOW), corrected: true });
  });

  it('a second or two of network delay is not a wrong clock: the times stay as they are', () => {
    expect(onServerClock(round(NOW - 1000), 1500, -800, NOW)).toEqual({ ...round(NOW - 1000), corrected: false });
    expect(onServerClock(round(NOW + CLOCK_TOLERANCE_MS), null, null, NOW).corrected).toBe(false);
  });

  it('a clock an hour slow is moved forward', () => {
    expect(onServerClock(round(NOW - HOUR - 60_000), HOUR, null, NOW)).toEqual({ ...round(NOW - 60_000), corrected: true });
  });
});
