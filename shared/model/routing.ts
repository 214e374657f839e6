/**
 * Dispatch rules (派单规则): which department a problem goes to, by its category and where it is. An estate keeps
 * an ordered list; shared/rules/dispatch.ts picks the rule for an issue.
 */
import * as v from 'valibot';
import { Category, Id } from './common.ts';
import { LocationKind } from './estate.ts';

export const RoutingRule = v.object({
  id: Id,
  /** null: any category. */
  category: v.nullable(Category),
  /** null: any kind of location. */
  locationKind: v.nullable(LocationKind),
  /** null: any building (and places in no building). */
  buildingId: v.nullable(Id),
  departmentId: Id,
  /** A person in that department who takes these jobs; none: the department's lead hands them on. */
  assigneeId: v.optional(v.nullable(Id), null),
});
export type RoutingRule = v.InferOutput<typeof RoutingRule>;

/** An estate's whole list, replaced at once (PUT /api/estates/:id/routing). */
export const RoutingInput = v.object({
  rules: v.pipe(v.array(RoutingRule), v.maxLength(500, 'at most 500 rules')),
});
export type RoutingInput = v.InferOutput<typeof RoutingInput>;
