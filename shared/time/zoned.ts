/**
 * Wall-clock arithmetic in an IANA time zone using only ECMAScript Intl,
 * so it runs unchanged in the PWA, the extension worker and Node.
 * All instants are epoch milliseconds; all "local" values are wall-clock fields.
 */

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of an instant in a zone. */
export function toLocal(instant: number, timeZone: string): LocalDateTime {
  const d = new Date(instant + zoneOffset(instant, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The hour of the wall clock at an instant (0–23): the heat map's one field, without the rest of `toLocal`. */
export function hourIn(instant: number, timeZone: string): number {
  const local = instant + zoneOffset(instant, timeZone);
  return Math.floor((((local % DAY) + DAY) % DAY) / HOUR);
}

const QUARTER_HOUR = 15 * MINUTE;
const MAX_CACHED = 100_000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset at an instant, asked of Intl once per zone and quarter hour: every zone changes its offset on a
 * quarter hour of UTC, so one answer serves all fifteen minutes. (Asking Intl for every slot of a month made the
 * analysis of a large estate spend a third of its time here.)
 */
function zoneOffset(instant: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(instant / QUARTER_HOUR);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size >= MAX_CACHED) zone.clear();
    offset = offsetAt(quarter * QUARTER_HOUR, timeZone);
    zone.set(quarter, offset);
  }
  return offset;
}

/** Offset of the zone from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time.
 * A time skipped by a DST jump resolves to the same distance after the jump
 * (02:30 on a spring-forward day is 03:30); a repeated time resolves to its
 * first occurrence.
 */
export function fromLocal(date: LocalDate, minutesOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * MINUTE;
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  // Try the earlier offset first so a repeated hour picks its first occurrence.
  const candidates = before >= after ? [before, after] : [after, before];
  for (const offset of candidates) {
    const instant = wall - offset;
    if (zoneOffset(instant, timeZone) === offset) return instant;
  }
  // Skipped wall time: apply the offset in force before the jump.
  return wall - before;
}

/** Calendar arithmetic on local dates (no zone needed). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "HH:MM" → minutes since midnight; "24:00" is allowed as an end of day. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return minutes;
}

export function formatDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function parseDate(iso: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
