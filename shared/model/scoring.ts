import * as v from 'valibot';
import { Category, Id, IsoDate, LocalText, PhotoRefs, Severity, Uuid, trimmedText, finiteNumber } from './common.ts';

/** The monthly comprehensive inspection's deduction sheet (评分表): sections add up to 100. */
export const ScoringSheet = v.object({
  id: Id,
  version: v.pipe(finiteNumber(), v.integer(), v.minValue(1)),
  name: LocalText,
  sections: v.pipe(
    v.array(
      v.object({
        id: Id,
        name: LocalText,
        maxPoints: v.pipe(finiteNumber(), v.minValue(0)),
        items: v.array(
          v.object({
            id: Id,
            label: LocalText,
            category: Category,
            /** The most this item can take off its section. */
            maxDeduction: v.pipe(finiteNumber(), v.minValue(0)),
          }),
        ),
      }),
    ),
    v.minLength(1),
  ),
});
export type ScoringSheet = v.InferOutput<typeof ScoringSheet>;

export const Month = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a YYYY-MM month'));

export const Deduction = v.object({
  itemId: Id,
  points: v.pipe(finiteNumber('points must be a number'), v.minValue(0.5, 'points must be at least 0.5'), v.maxValue(100)),
  note: trimmedText(500, 'note'),
  locationId: v.optional(v.nullable(Id), null),
  photos: v.optional(PhotoRefs, []),
  /** Raise a rectification issue for this deduction. */
  raiseIssue: v.optional(v.boolean(), false),
  severity: v.optional(Severity, 'general'),
});
export type Deduction = v.InferOutput<typeof Deduction>;

export const MonthlyInspectionSubmission = v.object({
  id: Uuid,
  month: Month,
  sheetId: Id,
  sheetVersion: v.pipe(finiteNumber(), v.integer(), v.minValue(1)),
  inspectedOn: IsoDate,
  deductions: v.pipe(v.array(Deduction), v.maxLength(200)),
});
export type MonthlyInspectionSubmission = v.InferOutput<typeof MonthlyInspectionSubmission>;
