import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model/schedule.ts';
import { fromLocal, parseDate } from '../time/zoned.ts';
import { completion, moreFrequent, nextDueAt, slotFilledAt, slotStates, slotsBetween, slotsOfDay } from './schedule.ts';

const SH = 'Asia/Shanghai';
/** An instant given as Shanghai wall-clock "YYYY-MM-DD HH:MM". */
const sh = (s: string, tz = SH) => {
  const [d, t] = s.split(' ');
  const [h, m] = t.split(':').map(Number);
  return fromLocal(parseDate(d), h * 60 + m, tz);
};
const hhmm = (ms: number, tz = SH) => new Date(ms).toLocaleTimeString('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' });

const hygiene: Schedule = { kind: 'interval', everyHours: 2, from: '07:00', to: '21:00' };
const lift: Schedule = { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '08:00', to: '20:00' };
const fire: Schedule = { kind: 'dailyAt', times: ['09:00'] };
const nightGate: Schedule = { kind: 'interval', everyHours: 4, from: '22:00', to: '06:00' };
const day = parseDate('2026-03-02');

describe('slots of a day', () => {
  it('public hygiene every 2 hours from 07:00 to 21:00 gives seven two-hour slots', () => {
    const slots = slotsOfDay(hygiene, day, SH);
    expect(slots.map((s) => hhmm(s.start))).toEqual(['07:00', '09:00', '11:00', '13:00', '15:00', '17:00', '19:00']);
    expect(hhmm(slots[6].end)).toBe('21:00');
  });

  it('a lift checked twice a day between 08:00 and 20:00 expects a round from 08:00 and another from 14:00, both on time until 20:00', () => {
    expect(slotsOfDay(lift, day, SH).map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`)).toEqual(['08:00-20:00', '14:00-20:00']);
  });

  it('a night round from 22:00 to 06:00 runs across midnight and belongs to the day it starts', () => {
    const slots = slotsOfDay(nightGate, day, SH);
    expect(slots.map((s) => hhmm(s.start))).toEqual(['22:00', '02:00']);
    expect(slots[1].start).toBe(sh('2026-03-03 02:00'));
    expect(slots[1].key).toBe('2026-03-02#1');
  });

  it('at 01:00 the slot of the night round that began yesterday is the open one', () => {
    const now = sh('2026-03-03 01:00');
    const states = slotStates(slotsBetween(nightGate, SH, now - 3_600_000, now + 3_600_000), [], now);
    expect(states.find((s) => s.status === 'due')?.key).toBe('2026-03-02#0');
  });

  it('a fire point checked daily at 09:00 has a 3-hour on-time window, then is late until midnight', () => {
    const [slot] = slotsOfDay(fire, day, SH);
    expect([hhmm(slot.start), hhmm(slot.end), slot.closes]).toEqual(['09:00', '12:00', sh('2026-03-03 00:00')]);
  });

  it('a monthly check on the 31st falls on the last day of February', () => {
    const monthly: Schedule = { kind: 'monthly', day: 31, at: '10:00' };
    expect(slotsOfDay(monthly, parseDate('2026-02-28'), SH)).toHaveLength(1);
    expect(slotsOfDay(monthly, parseDate('2026-02-27'), SH)).toHaveLength(0);
  });

  it('a weekly check on Mondays and Thursdays has no slot on a Tuesday', () => {
    const weekly: Schedule = { kind: 'weekly', weekdays: [1, 4], at: '10:00' };
    expect(slotsOfDay(weekly, parseDate('2026-03-02'), SH)).toHaveLength(1); // Monday
    expect(slotsOfDay(weekly, parseDate('2026-03-03'), SH)).toHaveLength(0);
  });
});

describe('slots on daylight-saving days (Europe/Berlin)', () => {
  const B = 'Europe/Berlin';
  const allDay: Schedule = { kind: 'interval', everyHours: 2, from: '00:00', to: '24:00' };

  it('the spring-forward day is 23 hours long, so a 2-hourly round has one short last slot', () => {
    const slots = slotsOfDay(allDay, parseDate('2026-03-29'), B);
    expect(slots).toHaveLength(12);
    expect(slots[11].end - slots[11].start).toBe(3_600_000);
    expect(slots[11].end).toBe(sh('2026-03-30 00:00', B));
  });

  it('the fall-back day is 25 hours long and gets a thirteenth slot', () => {
    expect(slotsOfDay(allDay, parseDate('2026-10-25'), B)).toHaveLength(13);
  });

  it('a daily 09:00 check stays at 09:00 local time on both sides of the change', () => {
    const before = slotsOfDay(fire, parseDate('2026-03-28'), B)[0].start;
    const after = slotsOfDay(fire, parseDate('2026-03-30'), B)[0].start;
    expect([hhmm(before, B), hhmm(after, B)]).toEqual(['09:00', '09:00']);
    expect(after - before).toBe(2 * 86_400_000 - 3_600_000);
  });
});

describe('which slot an inspection fills, and the status of each slot', () => {
  const slots = slotsOfDay(lift, day, SH);

  it('a lift inspected at 09:10 leaves the 14:00 slot due at 15:00', () => {
    const states = slotStates(slots, [{ id: 'a', at: sh('2026-03-02 09:10') }], sh('2026-03-02 15:00'));
    expect(states.map((s) => s.status)).toEqual(['done', 'due']);
    expect(states[0]).toMatchObject({ filledBy: 'a', onTime: true });
  });

  it('two lift checks 20 minutes apart across the slot boundary count once: the minimum gap is 4 hours', () => {
    const inspections = [
      { id: 'a', at: sh('2026-03-02 13:50') },
      { id: 'b', at: sh('2026-03-02 14:10') },
    ];
    const states = slotStates(slots, inspections, sh('2026-03-02 20:00'));
    expect(states.map((s) => s.status)).toEqual(['done', 'missed']);
  });

  it('twice a day at least 4 h apart is met by rounds at 09:00 and 13:30, though 13:30 is before the second expected round', () => {
    const twice: Schedule = { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '06:00', to: '22:00' };
    const states = slotStates(
      slotsOfDay(twice, day, SH),
      [
        { id: 'a', at: sh('2026-03-02 09:00') },
        { id: 'b', at: sh('2026-03-02 13:30') },
      ],
      sh('2026-03-02 22:00'),
    );
    expect(states.map((s) => [s.status, s.filledBy, s.onTime])).toEqual([
      ['done', 'a', true],
      ['done', 'b', true],
    ]);
    expect(completion(states)).toMatchObject({ done: 2, missed: 0, completionRate: 1 });
  });

  it('rounds at 09:00 and 12:59 keep no 4 h gap: the second is voluntary and the afternoon round is missed', () => {
    const twice: Schedule = { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '06:00', to: '22:00' };
    const states = slotStates(
      slotsOfDay(twice, day, SH),
      [
        { id: 'a', at: sh('2026-03-02 09:00') },
        { id: 'b', at: sh('2026-03-02 12:59') },
      ],
      sh('2026-03-02 22:00'),
    );
    expect(states.map((s) => s.status)).toEqual(['done', 'missed']);
  });

  it('the page offers the second round once the gap has passed: at 13:30 after a 09:00 round, a round now fills it', () => {
    const twice: Schedule = { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '06:00', to: '22:00' };
    const states = slotStates(slotsOfDay(twice, day, SH), [{ id: 'a', at: sh('2026-03-02 09:00') }], sh('2026-03-02 13:30'));
    expect(slotFilledAt(states, sh('2026-03-02 13:30'))?.key).toBe('2026-03-02#1');
    expect(slotFilledAt(states, sh('2026-03-02 12:00'))).toBeUndefined();
  });

  it('an hourly cleaner does not count twice for one slot: the second visit is voluntary', () => {
    const hygieneSlots = slotsOfDay(hygiene, day, SH);
    const inspections = [
      { id: 'a', at: sh('2026-03-02 07:05') },
      { id: 'b', at: sh('2026-03-02 07:55') },
      { id: 'c', at: sh('2026-03-02 06:30') }, // before the first slot opens
    ];
    const states = slotStates(hygieneSlots, inspections, sh('2026-03-02 21:00'));
    expect(completion(states)).toMatchObject({ scheduled: 7, done: 1, missed: 6 });
    expect(states.filter((s) => s.filledBy).map((s) => s.filledBy)).toEqual(['a']);
  });

  it('a fire check at 13:00 fills the 09:00 slot late; with none by midnight it is missed', () => {
    const [slot] = slotsOfDay(fire, day, SH);
    expect(slotStates([slot], [{ id: 'x', at: sh('2026-03-02 13:00') }], sh('2026-03-02 14:00'))[0]).toMatchObject({
      status: 'done',
      onTime: false,
    });
    expect(slotStates([slot], [], sh('2026-03-02 13:00'))[0].status).toBe('late');
    expect(slotStates([slot], [], sh('2026-03-03 00:00'))[0].status).toBe('missed');
  });

  it('at the very instant the on-time window ends, the slot is late, not due', () => {
    const [slot] = slotsOfDay(fire, day, SH);
    expect(slotStates([slot], [], slot.end - 1)[0].status).toBe('due');
    expect(slotStates([slot], [], slot.end)[0].status).toBe('late');
  });

  it('an inspection recorded in the future is not counted yet', () => {
    const [slot] = slotsOfDay(fire, day, SH);
    expect(slotStates([slot], [{ id: 'f', at: sh('2026-03-02 10:00') }], sh('2026-03-02 09:30'))[0].status).toBe('due');
  });

  it('the next due time is now while a slot is open, otherwise the next slot start', () => {
    const now = sh('2026-03-02 09:30');
    const hygieneStates = slotStates(slotsOfDay(hygiene, day, SH), [], now);
    expect(nextDueAt(hygieneStates, now)).toBe(now);
    const filled = slotStates(slotsOfDay(hygiene, day, SH), [{ id: 'a', at: sh('2026-03-02 09:05') }], now);
    expect(hhmm(nextDueAt(filled, now) ?? 0)).toBe('11:00');
  });
});

describe('completion rates', () => {
  it('count only closed slots, so a morning with nothing yet due is not 0 %', () => {
    const states = slotStates(slotsOfDay(hygiene, day, SH), [], sh('2026-03-02 06:00'));
    expect(completion(states)).toMatchObject({ completionRate: null, onTimeRate: null });
  });

  it('a slot done late counts as done but not on time', () => {
    const [slot] = slotsOfDay(fire, day, SH);
    const states = slotStates([slot], [{ id: 'x', at: sh('2026-03-02 13:00') }], sh('2026-03-03 01:00'));
    expect(completion(states)).toMatchObject({ done: 1, onTime: 0, completionRate: 1, onTimeRate: 0 });
  });
});

describe('a maintenance-plan change checks about twice as often', () => {
  it('a lift checked twice a day between 08:00 and 20:00 is checked four times, the gap between checks halved', () => {
    expect(moreFrequent({ kind: 'timesPerDay', times: 2, minGapHours: 4, from: '08:00', to: '20:00' })).toEqual({
      kind: 'timesPerDay',
      times: 4,
      minGapHours: 2,
      from: '08:00',
      to: '20:00',
    });
  });

  it('fixed times get a check midway between each two; a single time one six hours on', () => {
    expect(moreFrequent({ kind: 'dailyAt', times: ['15:00', '09:00'] })).toMatchObject({ times: ['09:00', '12:00', '15:00'] });
    expect(moreFrequent({ kind: 'dailyAt', times: ['09:00'] })).toMatchObject({ times: ['09:00', '15:00'] });
    expect(moreFrequent({ kind: 'dailyAt', times: ['21:00'] })).toMatchObject({ times: ['15:00', '21:00'] });
  });

  it('every 2 hours becomes every hour; weekly becomes daily and monthly weekly; every 15 minutes stays', () => {
    expect(moreFrequent({ kind: 'interval', everyHours: 2, from: '22:00', to: '06:00' })).toMatchObject({ everyHours: 1 });
    expect(moreFrequent({ kind: 'interval', everyHours: 0.25, from: '00:00', to: '24:00' })).toMatchObject({ everyHours: 0.25 });
    expect(moreFrequent({ kind: 'weekly', weekdays: [1], at: '10:00' })).toEqual({
      kind: 'dailyAt',
      times: ['10:00'],
      windowMinutes: undefined,
    });
    expect(moreFrequent({ kind: 'monthly', day: 1, at: '10:00' })).toMatchObject({ kind: 'weekly', weekdays: [1], at: '10:00' });
    expect(moreFrequent({ kind: 'timesPerDay', times: 20, minGapHours: 0, from: '00:00', to: '24:00' })).toMatchObject({ times: 24 });
  });
});
