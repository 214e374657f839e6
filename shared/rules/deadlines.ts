/** Severity → deadline, overdue and escalation. Pure; `now` is always passed in. */
import type { Severity } from '../model/common.ts';
import { OPEN_STATUSES, type Issue } from '../model/issue.ts';
import { HOUR } from '../time/zoned.ts';

export interface DeadlinePolicy {
  /** Hours to finish, by severity (plan default: urgent 2 h, important 24 h, general 72 h). */
  hours: Record<Severity, number>;
  /** Level 2 (manager) once an issue is still open this many hours past its deadline, by severity. */
  level2AfterHours: Record<Severity, number>;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  hours: { urgent: 2, important: 24, general: 72 },
  level2AfterHours: { urgent: 2, important: 24, general: 72 },
};

export function deadlineFor(severity: Severity, from: number, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): number {
  return from + policy.hours[severity] * HOUR;
}

export function isOpen(issue: Pick<Issue, 'status'>): boolean {
  return OPEN_STATUSES.includes(issue.status);
}

/**
 * Still waiting for the department: open and not yet rectified.
 * A rectified issue waits for verification, which is the supervisor's clock, not the department's.
 */
export function awaitsRectification(issue: Pick<Issue, 'status'>): boolean {
  return issue.status === 'reported' || issue.status === 'assigned' || issue.status === 'reopened';
}

/** How long past its deadline an issue is at `now` (0 when not overdue). The deadline instant itself is still on time. */
export function overdueBy(issue: Pick<Issue, 'status' | 'deadline'>, now: number): number {
  return awaitsRectification(issue) && now > issue.deadline ? now - issue.deadline : 0;
}

export function isOverdue(issue: Pick<Issue, 'status' | 'deadline'>, now: number): boolean {
  return overdueBy(issue, now) > 0;
}

/**
 * 0: within deadline; 1: past the deadline (supervisor chases); 2: still open well past it (manager).
 * A manual escalation or an owner's "not fixed" raises the floor.
 */
export function escalationLevel(
  issue: Pick<Issue, 'status' | 'deadline' | 'severity' | 'manualLevel'>,
  now: number,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): number {
  if (!isOpen(issue)) return issue.manualLevel;
  const late = overdueBy(issue, now);
  const byClock = late === 0 ? 0 : late > policy.level2AfterHours[issue.severity] * HOUR ? 2 : 1;
  return Math.min(2, Math.max(byClock, issue.manualLevel));
}

/** Rectified by the deadline (inclusive). */
export function rectifiedOnTime(issue: Pick<Issue, 'rectifiedAt' | 'deadline'>): boolean | null {
  return issue.rectifiedAt === null ? null : issue.rectifiedAt <= issue.deadline;
}
