import { describe, expect, it } from 'vitest';
import { fromLocal, parseClock, toLocal } from './zoned.ts';

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
