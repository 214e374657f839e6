/**
 * A real customer's first start: the one-time setup link creates the organisation, the first administrator and the
 * first estate (which starts from editable defaults); later estates are added the same way from the console.
 */
import * as v from 'valibot';
import { LocalText, finiteNumber, requiredText, trimmedText } from './common.ts';
import { Phone, TimeZone } from './estate.ts';

/**
 * The first administrator's password holds the whole organisation: at least 12 characters, with letters and digits
 * (or 16 and more of anything: a pass phrase).
 */
export const StrongPassword = v.pipe(
  v.string('password must be text'),
  v.maxLength(200, 'password is longer than 200 characters'),
  v.check(
    (p) => p.length >= 16 || (p.length >= 12 && /\p{L}/u.test(p) && /\d/.test(p)),
    'password: at least 12 characters with letters and digits, or a pass phrase of 16 or more',
  ),
);

export const Username = v.pipe(v.string(), v.trim(), v.regex(/^[a-zA-Z0-9_.-]{2,40}$/, 'username: 2–40 letters, digits, _ . -'));

/** What an estate is called and where it is; its defaults (departments, checklists …) come with it. */
export const EstateInput = v.object({
  name: LocalText,
  address: v.optional(trimmedText(200, 'address'), ''),
  timeZone: v.optional(TimeZone, 'Asia/Shanghai'),
  households: v.optional(
    v.pipe(finiteNumber('households must be a number'), v.integer('households must be whole'), v.minValue(0), v.maxValue(1_000_000)),
    0,
  ),
  servicePhone: v.optional(Phone, ''),
});
export type EstateInput = v.InferOutput<typeof EstateInput>;

/** POST /api/setup: the one-time link's token and what the first start creates. */
export const SetupRequest = v.object({
  token: v.pipe(v.string('token must be text'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'token: this is not a setup link')),
  organisation: v.object({ name: requiredText(100, 'organisation.name') }),
  admin: v.object({ username: Username, displayName: requiredText(80, 'admin.displayName'), password: StrongPassword }),
  estate: EstateInput,
});
export type SetupRequest = v.InferOutput<typeof SetupRequest>;

/** GET /api/setup: whether this server still waits for its first administrator. */
export interface SetupStatus {
  needed: boolean;
}

/** POST /api/estates/:id/labels/printed: the locations whose labels were just printed. */
export const LabelsPrinted = v.object({
  locationIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(10_000, 'at most 10,000 locations')),
});

export const READINESS_STEPS = ['locations', 'labels', 'staff', 'invitations', 'schedules', 'channels'] as const;
export type ReadinessStep = (typeof READINESS_STEPS)[number];

/**
 * GET /api/estates/:id/readiness: what is left before the first patrol (开通清单). `count` is what is done,
 * `missing` what is still to do (locations without a printed label, invitations not yet opened …).
 */
export interface Readiness {
  steps: { step: ReadinessStep; done: boolean; count: number; missing: number }[];
}
