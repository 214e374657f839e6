import { describe, expect, it } from 'vitest';
import { fromLocal } from '../time/zoned.ts';
import { judgeRound, routeFigures, routeSlots, type RoundRecord } from './routes.ts';

const TZ = 'Asia/Shanghai';
const MIN = 60_000;
const night = {
  checkpoints: ['gate', 'carpark', 'pump-room', 'b2-stairs'],
  legMinutes: { min: 2, max: 20 },
  schedule: { kind: 'interval' as const, everyHours: 2, from: '22:00', to: '06:00' },
};
const at22 = fromLocal({ year: 2026, month: 11, day: 30 }, 22 * 60, TZ);
const scans = (offsets: [string, number][]) =>
  offsets.map(([locationId, m]) => ({ locationId, at: at22 + m * MIN, method: 'printed_code' as const }));

describe('a guard round against its route', () => {
  it('every checkpoint in order, five minutes apart, is complete and unflagged', () => {
    const j = judgeRound(
      night,
      scans([
        ['gate', 5],
        ['carpark', 10],
        ['pump-room', 15],
        ['b2-stairs', 20],
      ]),
    );
    expect(j).toMatchObject({ complete: true, skipped: [], flags: [], startedAt: at22 + 5 * MIN, finishedAt: at22 + 20 * MIN });
  });

  it('a skipped checkpoint is named; walking back is out of order', () => {
    const j = judgeRound(
      night,
      scans([
        ['gate', 5],
        ['pump-room', 12],
        ['carpark', 18],
      ]),
    );
    expect(j).toMatchObject({ complete: false, skipped: ['b2-stairs'], outOfOrder: true, flags: ['skipped', 'outOfOrder'] });
  });

  it('everything scanned within two minutes is too fast, a long stop too slow', () => {
    const fast = judgeRound(
      night,
      scans([
        ['gate', 0],
        ['carpark', 0.5],
        ['pump-room', 1],
        ['b2-stairs', 1.5],
      ]),
    );
    expect(fast).toMatchObject({ complete: true, tooFast: 3, flags: ['tooFast'] });
    const slow = judgeRound(
      night,
      scans([
        ['gate', 0],
        ['carpark', 45],
        ['pump-room', 50],
        ['b2-stairs', 55],
      ]),
    );
    expect(slow).toMatchObject({ tooSlow: 1, flags: ['tooSlow'] });
  });
});

describe("a night route's slots, across midnight", () => {
  const round = (id: string, startMin: number, endMin: number, complete = true): RoundRecord => ({
    id,
    guardId: 'u-guard',
    startedAt: at22 + startMin * MIN,
    finishedAt: at22 + endMin * MIN,
    complete,
    skipped: complete ? [] : ['b2-stairs'],
    flags: complete ? [] : ['skipped'],
  });
  const from = at22;
  const to = at22 + 8 * 60 * MIN;
  const now = to + MIN;

  it('every 2 h from 22:00 to 06:00 is four slots; a complete round fills one, a skipped one fills nothing', () => {
    const states = routeSlots(night, TZ, [round('r1', 5, 25), round('r2', 125, 140, false)], from, to, now);
    expect(states.map((s) => s.status)).toEqual(['done', 'missed', 'missed', 'missed']);
    const figures = routeFigures(states, [round('r1', 5, 25), round('r2', 125, 140, false)]);
    expect(figures).toMatchObject({
      completion: { done: 1, missed: 3, completionRate: 0.25 },
      rounds: 2,
      flagged: 1,
      skipsByCheckpoint: [{ locationId: 'b2-stairs', skips: 1 }],
    });
  });

  it('a round started in its window but finished after it closed did not confirm every checkpoint inside it', () => {
    const states = routeSlots(night, TZ, [round('r1', 100, 130)], from, to, now);
    expect(states[0].status).toBe('missed');
  });

  it('a slow round that ran past the window leaves the slot to a second guard who walked it whole inside it', () => {
    const states = routeSlots(night, TZ, [round('slow', 10, 130), round('second', 40, 70)], from, to, now);
    expect(states[0]).toMatchObject({ status: 'done', filledBy: 'second' });
  });
});
