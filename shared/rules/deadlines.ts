/** Severity → deadline, overdue and escalation. Pure; `now` is always passed in. */
import type { Severity } from '../model/common.ts';
import { OPEN_STATUSES, type Issue } from '../model/issue.ts';
import { HOUR } from '../time/zoned.ts';

export interface DeadlinePolicy {
  /** Hours to finish, by severity (plan default: urgent 2 h, important 24 h, general 72 h). */
  hours: Record<Severity, number>;
  /** Level 2 (manager) once an issue is still open this many hours past its deadline, by severity. */
  level2AfterHours: Record<Severity, number>;
  /** Separation of duties: whoever reported a fix may not verify it. On unless an estate turns it off. */
  separateDuties?: boolean;
  /** 受理时限: minutes to accept an owner's report, by severity (field default: urgent 5, important 15, general 30). */
  responseMinutes?: Record<Severity, number>;
  /** Owners' reports are accepted at once (and dispatched) instead of waiting for a supervisor. Off by default. */
  autoAccept?: boolean;
  /** PIPL: days after an issue closes that its owner's contact and words are kept before they are masked (default 180). */
  retentionDays?: number;
}

export const DEFAULT_RETENTION_DAYS = 180;

export const DEFAULT_RESPONSE_MINUTES: Record<Severity, number> = { urgent: 5, important: 15, general: 30 };

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  hours: { urgent: 2, important: 24, general: 72 },
  level2AfterHours: { urgent: 2, important: 24, general: 72 },
};

/** When an owner's report must have been accepted by (the promise the owner sees); null once it no longer waits. */
export function respondBy(
  issue: Pick<Issue, 'status' | 'verified' | 'severity' | 'createdAt'>,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): number | null {
  if (issue.status !== 'reported' || issue.verified) return null;
  return issue.createdAt + (policy.responseMinutes ?? DEFAULT_RESPONSE_MINUTES)[issue.severity] * 60_000;
}

/** For each severity, reports created before this instant are past their response time at `now`. */
export function acceptLateBefore(now: number, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Record<Severity, number> {
  const minutes = policy.responseMinutes ?? DEFAULT_RESPONSE_MINUTES;
  return { general: now - minutes.general * 60_000, important: now - minutes.important * 60_000, urgent: now - minutes.urgent * 60_000 };
}

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

/**
 * Whether the department's first fix met the deadline in force then (inclusive), at `now`:
 * true or false once judged, null while the work is neither fixed nor due. Unfixed work past its
 * deadline is late; a reopen does not wipe a late first fix (shared/rules/figures.ts: 整改按期率).
 */
export function firstFixOnTime(issue: Pick<Issue, 'firstRectifiedAt' | 'firstDeadline' | 'deadline'>, now: number): boolean | null {
  const deadline = issue.firstDeadline ?? issue.deadline;
  if (issue.firstRectifiedAt !== null) return issue.firstRectifiedAt <= deadline;
  return now > deadline ? false : null;
}

/** The instant per severity before which an overdue issue's deadline puts it at escalation level 2 (escalationLevel's clock rule). */
export function level2DeadlineBefore(now: number, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Record<Severity, number> {
  return {
    general: now - policy.level2AfterHours.general * HOUR,
    important: now - policy.level2AfterHours.important * HOUR,
    urgent: now - policy.level2AfterHours.urgent * HOUR,
  };
}
