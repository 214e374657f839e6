/** The quality figures that feed performance assessment (绩效考核), per person and per department. */
import type { Issue } from '../model/issue.ts';
import { firstFixOnTime } from './deadlines.ts';

export interface Rate {
  count: number;
  of: number;
  /** null when there is nothing to measure. */
  rate: number | null;
}

export function rate(count: number, of: number): Rate {
  return { count, of, rate: of ? count / of : null };
}

export interface PatrolKpi {
  inspectorId: string;
  /** Slots this person filled. */
  slotsFilled: number;
  onTime: Rate;
  /** Inspections that filled no slot: counted, never in rates. */
  voluntary: number;
}

/** A round of the period, as the KPI sees it: who made it, and whether it filled a slot of the period, in time or late. */
export interface RoundFill {
  inspectorId: string;
  filled: 'onTime' | 'late' | null;
}

/**
 * Per inspector: of the slots they filled, how many were on time; the rounds that filled none are voluntary. Added a
 * round at a time: the analysis of a large estate counts its month a slice of places at a time.
 */
export function patrolKpiTally(): { add(round: RoundFill): void; result(): PatrolKpi[] } {
  const byPerson = new Map<string, { filled: number; onTime: number; total: number }>();
  return {
    add(r) {
      let p = byPerson.get(r.inspectorId);
      if (!p) byPerson.set(r.inspectorId, (p = { filled: 0, onTime: 0, total: 0 }));
      p.total++;
      if (r.filled) {
        p.filled++;
        if (r.filled === 'onTime') p.onTime++;
      }
    },
    result: () =>
      [...byPerson].map(([inspectorId, p]) => ({
        inspectorId,
        slotsFilled: p.filled,
        onTime: rate(p.onTime, p.filled),
        voluntary: p.total - p.filled,
      })),
  };
}

export interface RectificationKpi {
  departmentId: string;
  /** Work whose (first) deadline falls in the period, rejected issues aside. */
  assigned: number;
  /** 整改按期率: first fixes by their deadline, of first fixes plus unfixed work past its deadline. */
  onTime: Rate;
  /** 整改重开率: fixes reopened at least once, of the work fixed at least once. */
  reopen: Rate;
  /** Still unfixed past the deadline at `now` (counted late in onTime). */
  overdueOpen: number;
}

/** Per department, at `now` (definitions in shared/rules/figures.ts). */
export function rectificationKpi(
  issues: readonly Pick<Issue, 'departmentId' | 'firstRectifiedAt' | 'firstDeadline' | 'deadline' | 'reopenCount'>[],
  now: number,
): RectificationKpi[] {
  const byDept = new Map<
    string,
    { assigned: number; judged: number; onTime: number; fixed: number; reopened: number; overdueOpen: number }
  >();
  for (const issue of issues) {
    if (!issue.departmentId) continue;
    const d = byDept.get(issue.departmentId) ?? { assigned: 0, judged: 0, onTime: 0, fixed: 0, reopened: 0, overdueOpen: 0 };
    d.assigned++;
    const onTime = firstFixOnTime(issue, now);
    if (onTime !== null) {
      d.judged++;
      if (onTime) d.onTime++;
    }
    if (issue.firstRectifiedAt !== null) {
      d.fixed++;
      if (issue.reopenCount > 0) d.reopened++;
    } else if (onTime === false) d.overdueOpen++;
    byDept.set(issue.departmentId, d);
  }
  return [...byDept].map(([departmentId, d]) => ({
    departmentId,
    assigned: d.assigned,
    onTime: rate(d.onTime, d.judged),
    reopen: rate(d.reopened, d.fixed),
    overdueOpen: d.overdueOpen,
  }));
}
