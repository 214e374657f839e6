/**
 * 持续改进: each quarter the quality team reviews the quarter's facts (总结评估), takes measures (改进措施) from them,
 * each with an owner, a due date and the figure it should move, and the next review shows that figure before and
 * after. A lift with repeat faults of one cause is proposed for more frequent checks; the decision is recorded.
 */
import * as v from 'valibot';
import { Category, Id, IsoDate, Uuid, requiredText, trimmedText } from './common.ts';

/** The figure a measure should move: one row of the review's facts. */
export const MeasureTarget = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('areaSatisfaction'), areaId: Id }),
    v.object({ kind: v.literal('liftFaults'), locationId: Id }),
    v.object({ kind: v.literal('complaints'), category: Category }),
    v.object({ kind: v.literal('overdueRate'), departmentId: Id }),
    v.object({ kind: v.literal('missedSlots'), locationId: Id }),
  ],
  'must be one of the review’s figures',
);
export type MeasureTarget = v.InferOutput<typeof MeasureTarget>;

export const MeasureInput = v.object({
  id: Uuid,
  title: requiredText(200, 'title'),
  /** Who answers for it: a department, a person, or both. */
  departmentId: v.optional(v.nullable(Id), null),
  assigneeId: v.optional(v.nullable(Id), null),
  dueOn: IsoDate,
  target: MeasureTarget,
  /** For a proposed maintenance-plan change (repeat lift faults of one cause): the cause, and what was decided. */
  maintenance: v.optional(
    v.nullable(
      v.object({
        cause: Id,
        decision: v.picklist(['accepted', 'declined'], 'must be accepted or declined'),
        note: v.optional(trimmedText(300, 'note'), ''),
      }),
    ),
    null,
  ),
});
export type MeasureInput = v.InferOutput<typeof MeasureInput>;

export const MeasureStatusChange = v.object({ status: v.picklist(['open', 'done'], 'must be open or done') });

export interface Measure extends MeasureInput {
  estateId: string;
  /** The review it was taken in. */
  quarter: string;
  status: 'open' | 'done';
  createdBy: string;
  createdAt: number;
  doneAt: number | null;
}
