/**
 * The estate's calendar, for people and for query strings. An estate lives in its own zone, and
 * every "today", "this month", date filter and deadline typed into a form is read in that zone,
 * never in the zone (or at the date) of the device or the server.
 */
import { addDays, formatDate, fromLocal, toLocal, type LocalDate } from './zoned.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (so 2026-02-31, 2026-99-99 and 0000-00-00 are not dates). */
export function isCalendarDate(iso: string): boolean {
  const m = DATE.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A real month written YYYY-MM. */
export function isCalendarMonth(iso: string): boolean {
  return isCalendarDate(`${iso}-01`);
}

function localDate(iso: string): LocalDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

/** The estate's date at an instant, YYYY-MM-DD. */
export function dateIn(now: number, timeZone: string): string {
  return formatDate(toLocal(now, timeZone));
}

/** The estate's month at an instant, YYYY-MM. */
export function monthIn(now: number, timeZone: string): string {
  return dateIn(now, timeZone).slice(0, 7);
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A YYYY-MM-DD date moved by whole days. */
export function shiftDate(iso: string, days: number): string {
  return formatDate(addDays(localDate(iso), days));
}

/** The instant a local date starts in the zone (its local midnight). */
export function startOfDate(iso: string, timeZone: string): number {
  return fromLocal(localDate(iso), 0, timeZone);
}

export interface Period {
  /** First instant in the period. */
  from: number;
  /** First instant after it. */
  to: number;
}

/** A calendar month as the estate lives it: local midnight of the 1st up to local midnight of the next 1st. */
export function monthPeriod(month: string, timeZone: string): Period {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: startOfDate(`${month}-01`, timeZone), to: startOfDate(next, timeZone) };
}

/** The estate's wall clock at an instant, "HH:MM". */
export function wallClock(instant: number, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/**
 * A slot's hours on the estate's wall clock, "09:00–12:00". Sent with each slot, so a phone shows them without
 * building a date formatter on its first paint (the first Intl call of a page costs a phone tens of ms).
 */
export function slotHours(slot: { start: number; end: number }, timeZone: string): string {
  return `${wallClock(slot.start, timeZone)}–${wallClock(slot.end, timeZone)}`;
}

/** An instant as a `datetime-local` input shows it, in the estate's zone. */
export function toDateTimeInput(instant: number, timeZone: string): string {
  return `${formatDate(toLocal(instant, timeZone))}T${wallClock(instant, timeZone)}`;
}

/** A `datetime-local` value (YYYY-MM-DDTHH:MM) read as a wall-clock time in the estate's zone; null when it is not one. */
export function fromDateTimeInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m || !isCalendarDate(m[1])) return null;
  return fromLocal(localDate(m[1]), Number(m[2]) * 60 + Number(m[3]), timeZone);
}

export type TimeQuery = { ok: true; at: number } | { ok: false; message: string };

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/**
 * A time in a query string (`from`, `to`): epoch milliseconds, an ISO instant with its offset,
 * or a calendar date in the estate's zone. A date used as the start of a range means that day's
 * local midnight; used as the end, the local midnight that ends it, so `from=2026-11-01&to=2026-11-30`
 * is the whole of November in the estate. A time with no offset is refused: whose 09:00 would it be?
 */
export function parseTimeQuery(value: string, timeZone: string, edge: 'start' | 'end'): TimeQuery {
  if (/^\d{1,15}$/.test(value)) return { ok: true, at: Number(value) };
  if (DATE.test(value)) {
    if (!isCalendarDate(value)) return { ok: false, message: `${value} is not a calendar date` };
    return { ok: true, at: startOfDate(edge === 'end' ? shiftDate(value, 1) : value, timeZone) };
  }
  const m = INSTANT.exec(value);
  if (m) {
    const at = Date.parse(value);
    if (!isCalendarDate(m[1]) || Number.isNaN(at)) return { ok: false, message: `${value} is not a real time` };
    return { ok: true, at };
  }
  if (LOCAL_TIME.test(value))
    return { ok: false, message: "a time needs its offset (Z or +08:00); or give a date (YYYY-MM-DD), read in the estate's zone" };
  return { ok: false, message: 'must be a date (YYYY-MM-DD), an ISO time with its offset, or epoch milliseconds' };
}

let deviceZone: { zone: string | undefined } | null = null;

/**
 * The zone the device runs in, where the runtime says (so a screen can say when it differs from the estate's).
 * Read once: making a formatter to ask costs a slow phone milliseconds, on every time a page shows.
 */
export function deviceTimeZone(): string | undefined {
  if (!deviceZone) {
    try {
      deviceZone = { zone: new Intl.DateTimeFormat().resolvedOptions().timeZone };
    } catch {
      deviceZone = { zone: undefined };
    }
  }
  return deviceZone.zone;
}

/**
 * An instant as people read it, always on the estate's wall clock: "2026-11-30 23:30".
 * When the device is in another zone, the zone is named, so nobody misreads it as their own time.
 */
export function formatEstateTime(instant: number, timeZone: string, opts: { seconds?: boolean; deviceZone?: string } = {}): string {
  const l = toLocal(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  let text = `${formatDate(l)} ${pad(l.hour)}:${pad(l.minute)}`;
  if (opts.seconds) text += `:${pad(Math.floor((instant / 1000) % 60))}`;
  return text + zoneNote(instant, timeZone, opts.deviceZone);
}

/** " (Asia/Shanghai)" when the device's clock shows another time than the estate's at that instant; "" when they agree. */
export function zoneNote(instant: number, timeZone: string, deviceZone = deviceTimeZone()): string {
  return deviceZone && deviceZone !== timeZone && offsetName(instant, deviceZone) !== offsetName(instant, timeZone) ? ` (${timeZone})` : '';
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** "GMT+08:00": equal names mean the two zones show the same wall clock at that instant. */
function offsetName(instant: number, timeZone: string): string {
  try {
    let f = offsetFormats.get(timeZone);
    if (!f) offsetFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
    return f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The quarter a YYYY-MM month is in, written YYYY-Qn (the plan's 总结评估 is quarterly). */
export function quarterOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

export function isQuarter(q: string): boolean {
  return /^\d{4}-Q[1-4]$/.test(q) && Number(q.slice(0, 4)) > 0;
}

/** The quarter after (or, by -1, before) a YYYY-Qn quarter. */
export function shiftQuarter(q: string, by: 1 | -1): string {
  const n = Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1 + by;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

/** A YYYY-Qn quarter's first and last months, YYYY-MM. */
export function quarterMonths(q: string): { first: string; last: string } {
  const month = (m: number) => `${q.slice(0, 4)}-${String(m).padStart(2, '0')}`;
  const n = Number(q.slice(6));
  return { first: month(n * 3 - 2), last: month(n * 3) };
}

/** A quarter as the estate lives it: local midnight of its first day up to that of the next quarter's. */
export function quarterPeriod(q: string, timeZone: string): Period {
  return {
    from: startOfDate(`${quarterMonths(q).first}-01`, timeZone),
    to: startOfDate(`${quarterMonths(shiftQuarter(q, 1)).first}-01`, timeZone),
  };
}
