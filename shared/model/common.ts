import * as v from 'valibot';
import { isCalendarDate } from '../time/calendar.ts';
import { CATEGORIES, type LOCALES, ROLES, SEVERITIES, VIDEO_LIMITS } from './vocabulary.ts';

/** Bilingual text: every user-facing default string exists in zh-CN and English. */
export const LocalText = v.object({
  zh: v.pipe(v.string(), v.trim(), v.minLength(1, 'zh text is required'), v.maxLength(200)),
  en: v.pipe(v.string(), v.trim(), v.minLength(1, 'en text is required'), v.maxLength(200)),
});
export type LocalText = v.InferOutput<typeof LocalText>;

/**
 * A number that is one: JSON's 1e309 parses to Infinity, which valibot's number() accepts and
 * JSON.stringify would store as null. Every numeric field in a payload goes through this.
 */
export function finiteNumber(message = 'must be a number') {
  return v.pipe(v.number(message), v.finite(message));
}

export const Uuid = v.pipe(v.string(), v.uuid('must be a UUID'));
export const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -'));
export const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a HH:MM time'));
/** A real calendar day, YYYY-MM-DD: 2026-02-31 and 0000-00-00 are refused. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date'),
  v.check(isCalendarDate, 'must be a real calendar date'),
);
/** Epoch milliseconds, limited to years 2000–2100 so a unit mix-up (seconds) is caught. */
export const Instant = v.pipe(
  finiteNumber('must be a time in epoch milliseconds'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(946_684_800_000, 'must be after 2000-01-01 (epoch milliseconds)'),
  v.maxValue(4_102_444_800_000, 'must be before 2100-01-01'),
);
export const Sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'));

/**
 * Photos and clips travel as references; the bytes are uploaded separately, content-addressed. A record's
 * `photos` hold both: a clip is marked `kind: 'video'` (absent: a photo), and the same access rules cover both.
 */
export const PhotoRef = v.object({
  sha256: Sha256,
  /** A photo's bytes are refused over 10 MB when they are uploaded; this caps what any reference may claim. */
  size: v.pipe(
    finiteNumber(),
    v.integer(),
    v.minValue(1, 'photo size must be positive'),
    v.maxValue(VIDEO_LIMITS.bytes, `larger than ${VIDEO_LIMITS.bytes / 1024 / 1024} MB`),
  ),
  kind: v.optional(v.literal('video', 'must be "video", or absent for a photo')),
});
export type PhotoRef = v.InferOutput<typeof PhotoRef>;

export const PhotoRefs = v.pipe(
  v.array(PhotoRef),
  v.maxLength(6, 'at most 6 photos'),
  v.check((refs) => refs.filter((r) => r.kind === 'video').length <= 1, 'at most one video clip'),
);

export const Severity = v.picklist(SEVERITIES, 'must be general, important or urgent');
export type Severity = (typeof SEVERITIES)[number];

export const Category = v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`);
export type Category = (typeof CATEGORIES)[number];

export const Role = v.picklist(ROLES, `must be one of ${ROLES.join(', ')}`);
export type Role = (typeof ROLES)[number];
/** Who may do what: every staff role; the quality team (supervisors and administrators); those who patrol. */
export const STAFF: readonly Role[] = [...ROLES];
export const SUPERVISORS: readonly Role[] = ['admin', 'supervisor'];
export const PATROL: readonly Role[] = ['admin', 'supervisor', 'inspector'];

export type Locale = (typeof LOCALES)[number];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/** Text a person typed: no control characters or broken UTF-16, and not only invisible characters. */
export function wellFormedText(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'contains a broken character (a lone surrogate)';
  if (CONTROL.test(value)) return 'contains control characters';
  if (value !== '' && value.replace(INVISIBLE, '') === '') return 'has no visible characters';
  return null;
}

export function trimmedText(max: number, label: string) {
  return v.pipe(
    v.string(`${label} must be text`),
    v.trim(),
    v.maxLength(max, `${label} is longer than ${max} characters`),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? wellFormedText(dataset.value) : null;
      if (problem) addIssue({ message: `${label} ${problem}` });
    }),
  );
}
export function requiredText(max: number, label: string) {
  return v.pipe(trimmedText(max, label), v.minLength(1, `${label} is required`));
}
