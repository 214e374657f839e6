import { describe, expect, it } from 'vitest';
import {
  dateIn,
  formatEstateTime,
  fromDateTimeInput,
  isCalendarDate,
  monthIn,
  monthPeriod,
  parseTimeQuery,
  previousMonth,
  slotHours,
  toDateTimeInput,
} from './calendar.ts';

const SH = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('calendar dates are real days', () => {
  it.each(['2026-02-28', '2028-02-29', '2026-12-31', '0001-01-01'])('%s is a date', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2026-02-31', '2026-02-29', '2026-99-99', '0000-00-00', '9999-99-99', '2026-13-01', '2026-1-1', '2026-11-01T00:00'])(
    '%s is not',
    (d) => expect(isCalendarDate(d)).toBe(false),
  );
});

describe("the estate's today, at the hours a UTC machine gets it wrong", () => {
  it('23:30 on 30 November in Shanghai is still November there (15:30 UTC)', () => {
    expect(dateIn(at('2026-11-30T15:30:00Z'), SH)).toBe('2026-11-30');
    expect(monthIn(at('2026-11-30T15:30:00Z'), SH)).toBe('2026-11');
  });

  it('00:30 on 1 December in Shanghai is December there, though UTC still says 30 November', () => {
    expect(dateIn(at('2026-11-30T16:30:00Z'), SH)).toBe('2026-12-01');
    expect(monthIn(at('2026-11-30T16:30:00Z'), SH)).toBe('2026-12');
    expect(previousMonth(monthIn(at('2026-11-30T16:30:00Z'), SH))).toBe('2026-11');
  });

  it("00:30 on New Year's Day in Shanghai: last month is December of the year before", () => {
    const newYear = at('2026-12-31T16:30:00Z');
    expect(dateIn(newYear, SH)).toBe('2027-01-01');
    expect(previousMonth(monthIn(newYear, SH))).toBe('2026-12');
  });
});

describe('a month as the estate lives it', () => {
  it('November in Shanghai runs from 16:00 UTC on 31 October to 16:00 UTC on 30 November', () => {
    expect(monthPeriod('2026-11', SH)).toEqual({ from: at('2026-10-31T16:00:00Z'), to: at('2026-11-30T16:00:00Z') });
  });
  it('December runs into the next year', () => {
    expect(monthPeriod('2026-12', SH).to).toBe(at('2026-12-31T16:00:00Z'));
  });
});

describe('dates and times in query strings', () => {
  it('a date is the local midnight that starts it, and as an end, the one that ends it', () => {
    expect(parseTimeQuery('2026-11-01', SH, 'start')).toEqual({ ok: true, at: at('2026-10-31T16:00:00Z') });
    expect(parseTimeQuery('2026-11-30', SH, 'end')).toEqual({ ok: true, at: at('2026-11-30T16:00:00Z') });
  });
  it('an instant with an offset and epoch milliseconds are taken as they are', () => {
    expect(parseTimeQuery('2026-11-01T08:00:00+08:00', SH, 'start')).toEqual({ ok: true, at: at('2026-11-01T00:00:00Z') });
    expect(parseTimeQuery('2026-11-01T00:00Z', SH, 'start')).toEqual({ ok: true, at: at('2026-11-01T00:00:00Z') });
    expect(parseTimeQuery('1790000000000', SH, 'start')).toEqual({ ok: true, at: 1_790_000_000_000 });
  });
  it('a time without an offset is refused, naming what to send instead', () => {
    const r = parseTimeQuery('2026-11-01T08:00', SH, 'start');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('offset');
  });
  it.each(['2026-02-31', '2026-99-99', 'yesterday', '2026-02-31T00:00Z', ''])('%s is refused', (q) =>
    expect(parseTimeQuery(q, SH, 'start').ok).toBe(false),
  );
});

describe("deadlines typed into a form are the estate's wall clock, whatever the device", () => {
  it('18:00 typed on a Berlin laptop is 18:00 in Shanghai', () => {
    expect(fromDateTimeInput('2026-12-01T18:00', SH)).toBe(at('2026-12-01T10:00:00Z'));
    expect(toDateTimeInput(at('2026-12-01T10:00:00Z'), SH)).toBe('2026-12-01T18:00');
  });
  it('a value that is not a time is null', () => {
    expect(fromDateTimeInput('2026-02-31T18:00', SH)).toBeNull();
    expect(fromDateTimeInput('', SH)).toBeNull();
  });
  it("a time shown on a device in another zone names the estate's zone", () => {
    expect(formatEstateTime(at('2026-11-30T15:30:00Z'), SH, { deviceZone: 'Europe/Berlin' })).toBe('2026-11-30 23:30 (Asia/Shanghai)');
    expect(formatEstateTime(at('2026-11-30T15:30:00Z'), SH, { deviceZone: 'Asia/Shanghai' })).toBe('2026-11-30 23:30');
    expect(formatEstateTime(at('2026-11-30T15:30:00Z'), SH, { deviceZone: 'Asia/Chongqing' })).toBe('2026-11-30 23:30');
  });
});

describe("a slot's hours are the estate's wall clock", () => {
  it('a Shanghai slot from 01:00 to 03:00 UTC is 09:00–11:00, on a UTC machine', () => {
    expect(slotHours({ start: at('2026-12-01T01:00:00Z'), end: at('2026-12-01T03:00:00Z') }, SH)).toBe('09:00–11:00');
  });
  it('a slot across the spring-forward hour in New York shows the clock on each side', () => {
    // 2027-03-14: 02:00 EST jumps to 03:00 EDT.
    expect(slotHours({ start: at('2027-03-14T06:00:00Z'), end: at('2027-03-14T08:00:00Z') }, 'America/New_York')).toBe('01:00–04:00');
  });
});
