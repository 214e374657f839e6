import { describe, expect, it } from 'vitest';
import { fromLocal, hourIn, parseClock, toLocal } from './zoned.ts';

const SH = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';

describe('wall-clock time in an estate time zone', () => {
  it('09:00 in Shanghai is 01:00 UTC', () => {
    expect(new Date(fromLocal({ year: 2026, month: 3, day: 2 }, 9 * 60, SH)).toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });

  it('reads an instant back as Shanghai wall-clock fields, including the weekday', () => {
    expect(toLocal(Date.parse('2026-03-01T16:30:00Z'), SH)).toEqual({ year: 2026, month: 3, day: 2, hour: 0, minute: 30, weekday: 1 });
  });

  it('02:30 on the Berlin spring-forward day does not exist and lands at 03:30 CEST', () => {
    expect(new Date(fromLocal({ year: 2026, month: 3, day: 29 }, 150, BERLIN)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('02:30 on the Berlin fall-back day happens twice and resolves to the first (CEST)', () => {
    expect(new Date(fromLocal({ year: 2026, month: 10, day: 25 }, 150, BERLIN)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses a clock time that is not HH:MM', () => {
    expect(() => parseClock('7:00')).toThrow(/HH:MM/);
    expect(() => parseClock('24:30')).toThrow(/HH:MM/);
    expect(parseClock('24:00')).toBe(1440);
  });
});

describe('wall-clock fields agree with Intl in every kind of zone', () => {
  it('whole, half and three-quarter hour offsets, and DST changes of an hour and of half an hour, across 2026', () => {
    const zones = [SH, BERLIN, 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe'];
    const formats = new Map(
      zones.map((zone) => [
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
        }),
      ]),
    );
    const intl = (at: number, zone: string) => {
      const parts = Object.fromEntries(
        formats
          .get(zone)!
          .formatToParts(new Date(at))
          .filter((p) => p.type !== 'literal')
          .map((p) => [p.type, Number(p.value)]),
      );
      return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
    };
    // Every 67 minutes and 13 seconds through the year, so every minute of the hour comes round, DST nights included.
    for (const zone of zones)
      for (let at = Date.parse('2026-01-01T00:00:00Z'); at < Date.parse('2027-01-01T00:00:00Z'); at += 4_033_000) {
        const { weekday: _, ...fields } = toLocal(at, zone);
        if (hourIn(at, zone) !== fields.hour) expect({ zone, at, hour: hourIn(at, zone) }).toEqual({ zone, at, hour: fields.hour });
        if (JSON.stringify(fields) !== JSON.stringify(intl(at, zone)))
          expect({ zone, at: new Date(at).toISOString(), fields }).toEqual(intl(at, zone));
      }
  });
});
