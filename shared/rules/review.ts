/** 持续改进: the figure a measure should move, read from a quarter's facts, so "before" and "after" are the same count. */
import type { ReviewFacts } from '../model/answers.ts';
import type { MeasureTarget } from '../model/review.ts';

/** The figure in one quarter's facts; null when there is nothing to measure (no survey, no work for the department). */
export function figureOf(facts: ReviewFacts, target: MeasureTarget): number | null {
  switch (target.kind) {
    case 'areaSatisfaction':
      return facts.survey?.areas.find((a) => a.areaId === target.areaId)?.rate ?? null;
    case 'liftFaults':
      return facts.liftFaults.find((l) => l.key === target.locationId)?.count ?? 0;
    case 'complaints':
      return facts.complaints.find((c) => c.key === target.category)?.count ?? 0;
    case 'overdueRate':
      return facts.overdueDepartments.find((d) => d.departmentId === target.departmentId)?.overdue.rate ?? null;
    case 'missedSlots':
      return facts.missed.find((m) => m.locationId === target.locationId)?.total ?? 0;
  }
}

/** Lower is better for every figure but satisfaction. */
export function improved(target: MeasureTarget, before: number | null, after: number | null): boolean | null {
  if (before === null || after === null) return null;
  return target.kind === 'areaSatisfaction' ? after > before : after < before;
}
