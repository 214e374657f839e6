import { describe, expect, it } from 'vitest';
import { H, T0, makeIssue } from '../testing/fixtures.ts';
import { DEFAULT_DEADLINE_POLICY, deadlineFor, escalationLevel, isOverdue, overdueBy, firstFixOnTime } from './deadlines.ts';

describe('deadlines by severity', () => {
  it.each([
    ['urgent', 2],
    ['important', 24],
    ['general', 72],
  ] as const)('a %s issue must be fixed within %i hours', (severity, hours) => {
    expect(deadlineFor(severity, T0)).toBe(T0 + hours * H);
  });

  it('an estate can shorten the urgent deadline to one hour', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, hours: { ...DEFAULT_DEADLINE_POLICY.hours, urgent: 1 } };
    expect(deadlineFor('urgent', T0, policy)).toBe(T0 + H);
  });
});

describe('overdue', () => {
  const issue = makeIssue({ status: 'assigned', deadline: T0 + 2 * H, severity: 'urgent' });

  it('exactly at the deadline an issue is not yet overdue; one millisecond later it is', () => {
    expect(isOverdue(issue, T0 + 2 * H)).toBe(false);
    expect(overdueBy(issue, T0 + 2 * H + 1)).toBe(1);
  });

  it("a rectified issue waiting for verification is not the department's overdue", () => {
    expect(isOverdue({ ...issue, status: 'rectified' }, T0 + 10 * H)).toBe(false);
  });

  it('a closed issue is never overdue', () => {
    expect(isOverdue({ ...issue, status: 'closed' }, T0 + 100 * H)).toBe(false);
  });

  it('a first fix reported exactly at the deadline is on time; a millisecond later is late', () => {
    const fix = (at: number | null) => ({ firstRectifiedAt: at, firstDeadline: at === null ? null : T0 + 2 * H, deadline: T0 + 2 * H });
    expect(firstFixOnTime(fix(T0 + 2 * H), T0 + 9 * H)).toBe(true);
    expect(firstFixOnTime(fix(T0 + 2 * H + 1), T0 + 9 * H)).toBe(false);
  });

  it('unfixed work is not judged before its deadline, and is late after it', () => {
    const open = { firstRectifiedAt: null, firstDeadline: null, deadline: T0 + 2 * H };
    expect(firstFixOnTime(open, T0 + 2 * H)).toBeNull();
    expect(firstFixOnTime(open, T0 + 2 * H + 1)).toBe(false);
  });

  it('a late first fix stays late after a reopen gives the issue a new deadline', () => {
    const reopened = { firstRectifiedAt: T0 + 3 * H, firstDeadline: T0 + 2 * H, deadline: T0 + 30 * H };
    expect(firstFixOnTime(reopened, T0 + 4 * H)).toBe(false);
  });
});

describe('escalation', () => {
  const urgent = makeIssue({ status: 'assigned', severity: 'urgent', deadline: T0 + 2 * H });

  it('goes to level 1 (supervisor) past the deadline and level 2 (manager) when still open well past it', () => {
    expect(escalationLevel(urgent, T0 + H)).toBe(0);
    expect(escalationLevel(urgent, T0 + 2 * H + 1)).toBe(1);
    expect(escalationLevel(urgent, T0 + 4 * H)).toBe(1);
    expect(escalationLevel(urgent, T0 + 4 * H + 1)).toBe(2);
  });

  it('a manual escalation sets a floor the clock cannot lower', () => {
    expect(escalationLevel({ ...urgent, manualLevel: 1 }, T0)).toBe(1);
  });

  it('never goes above level 2', () => {
    expect(escalationLevel({ ...urgent, manualLevel: 2 }, T0 + 100 * H)).toBe(2);
  });
});
