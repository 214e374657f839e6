import * as v from 'valibot';
import { Category, Id, Instant, LocalText, PhotoRefs, Severity, Uuid, trimmedText, finiteNumber } from './common.ts';
import { LocationKind } from './estate.ts';
import { Schedule } from './schedule.ts';

export const ChecklistItem = v.pipe(
  v.object({
    id: Id,
    label: LocalText,
    category: Category,
    answer: v.variant('kind', [
      v.object({ kind: v.literal('passFail') }),
      v.object({ kind: v.literal('number'), min: finiteNumber(), max: finiteNumber(), unit: v.pipe(v.string(), v.maxLength(12)) }),
      v.object({ kind: v.literal('text') }),
      v.object({ kind: v.literal('photo') }),
    ]),
    photoOnFail: v.optional(v.boolean(), false),
    severity: v.optional(Severity, 'general'),
  }),
  v.check((i) => i.answer.kind !== 'number' || i.answer.min <= i.answer.max, 'number limits: min must not exceed max'),
);
export type ChecklistItem = v.InferOutput<typeof ChecklistItem>;

/** A template version is immutable once used: editing makes version n+1, so past inspections keep their meaning. */
export const ChecklistTemplate = v.object({
  id: Id,
  version: v.pipe(finiteNumber(), v.integer(), v.minValue(1)),
  kind: LocationKind,
  name: LocalText,
  schedule: v.nullable(Schedule),
  items: v.pipe(v.array(ChecklistItem), v.minLength(1, 'a checklist needs at least one item'), v.maxLength(60)),
});
export type ChecklistTemplate = v.InferOutput<typeof ChecklistTemplate>;

export const AnswerValue = v.union(
  [v.picklist(['pass', 'fail', 'na']), finiteNumber(), v.pipe(v.string(), v.maxLength(1000)), v.null()],
  'must be pass, fail, na, a number, text or null',
);

export const Answer = v.object({
  itemId: Id,
  value: AnswerValue,
  note: v.optional(trimmedText(500, 'note'), ''),
  photos: v.optional(PhotoRefs, []),
  /** Passed with "其余合格" (the rest passed, after the list was gone through), not item by item: kept so it shows. */
  quick: v.optional(v.literal(true, 'quick must be true or left out')),
});
export type Answer = v.InferOutput<typeof Answer>;

/** How the inspector proved presence at the location. */
export const CONFIRMATIONS = ['kiosk_code', 'printed_code', 'link'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export const InspectionSubmission = v.pipe(
  v.object({
    /** Generated on the device; also the idempotency key. */
    id: Uuid,
    locationId: Id,
    templateId: Id,
    templateVersion: v.pipe(finiteNumber(), v.integer(), v.minValue(1)),
    startedAt: Instant,
    finishedAt: Instant,
    confirmedBy: v.picklist(CONFIRMATIONS, 'must be kiosk_code, printed_code or link'),
    kioskCode: v.optional(v.pipe(v.string(), v.regex(/^\d{6}$/, 'must be a 6-digit kiosk code'))),
    /** Server − phone clock in ms, as the phone measured it when it saved the record (shared/rules/device-clock.ts). */
    deviceClockOffset: v.optional(v.nullable(v.pipe(finiteNumber(), v.integer()))),
    answers: v.pipe(v.array(Answer), v.minLength(1, 'answers must not be empty'), v.maxLength(60)),
  }),
  v.forward(
    v.check((s) => s.finishedAt >= s.startedAt, 'must not be before startedAt'),
    ['finishedAt'],
  ),
);
export type InspectionSubmission = v.InferOutput<typeof InspectionSubmission>;
