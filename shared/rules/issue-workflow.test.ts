import { describe, expect, it } from 'vitest';
import type { Actor, Issue, IssueAction } from '../model/issue.ts';
import { H, T0, makeIssue } from '../testing/fixtures.ts';
import { allowedActions, applyIssueAction } from './issue-workflow.ts';

const supervisor: Actor = { kind: 'user', id: 'u-sup', role: 'supervisor' };
const cleaner: Actor = { kind: 'user', id: 'u-clean', role: 'department', departmentId: 'cleaning' };
const engineer: Actor = { kind: 'user', id: 'u-eng', role: 'department', departmentId: 'engineering' };
const inspector: Actor = { kind: 'user', id: 'u-insp', role: 'inspector' };
const owner: Actor = { kind: 'owner' };

function run(issue: Issue, steps: [IssueAction, Actor, number][]): Issue {
  return steps.reduce((current, [action, actor, at]) => {
    const r = applyIssueAction(current, action, actor, at);
    if (!r.ok) throw new Error(r.message);
    return r.issue;
  }, issue);
}

const assign: IssueAction = {
  type: 'assign',
  departmentId: 'engineering',
  requirement: 'replace the sensor',
  deadline: null,
  assigneeId: null,
};
const rectify: IssueAction = { type: 'rectify', note: 'sensor replaced', photos: [{ sha256: 'a'.repeat(64), size: 1000 }] };

describe('the rectification life cycle', () => {
  it('reported → assigned → rectified → verified closed', () => {
    const closed = run(makeIssue(), [
      [assign, supervisor, T0],
      [rectify, engineer, T0 + H],
      [{ type: 'verify', note: '' }, supervisor, T0 + 2 * H],
    ]);
    expect(closed).toMatchObject({ status: 'closed', departmentId: 'engineering', rectifiedAt: T0 + H, closedAt: T0 + 2 * H });
    expect(closed.afterPhotos).toHaveLength(1);
  });

  it('assigning without a deadline prefills it from the severity (important: 24 h from now)', () => {
    expect(run(makeIssue(), [[assign, supervisor, T0 + H]]).deadline).toBe(T0 + 25 * H);
  });

  it('refuses an assignment whose deadline has already passed', () => {
    const r = applyIssueAction(makeIssue(), { ...assign, deadline: T0 - 1 } as IssueAction, supervisor, T0);
    expect(r).toMatchObject({ ok: false, reason: 'conflict', message: 'deadline must be in the future' });
  });

  it('a reopened issue goes back to the department with a fresh deadline and counts a reopen', () => {
    const reopened = run(makeIssue(), [
      [assign, supervisor, T0],
      [rectify, engineer, T0 + H],
      [{ type: 'reopen', reason: 'still beeping' }, supervisor, T0 + 2 * H],
    ]);
    expect(reopened).toMatchObject({
      status: 'reopened',
      reopenCount: 1,
      rectifiedAt: null,
      deadline: T0 + 26 * H,
      departmentId: 'engineering',
    });
    expect(allowedActions(reopened, engineer)).toContain('rectify');
  });

  it('an owner saying "not fixed" reopens the issue and raises its level', () => {
    const r = run(makeIssue({ source: 'owner' }), [
      [assign, supervisor, T0],
      [rectify, engineer, T0 + H],
      [{ type: 'ownerNotFixed', reason: 'door still sticks' }, owner, T0 + 2 * H],
    ]);
    expect(r).toMatchObject({ status: 'reopened', manualLevel: 1, reopenCount: 1 });
  });

  it('an owner report is unverified until accepted; accepting twice is refused', () => {
    const report = makeIssue({ source: 'owner', verified: false });
    const accepted = run(report, [[{ type: 'accept' }, supervisor, T0]]);
    expect(accepted.verified).toBe(true);
    expect(applyIssueAction(accepted, { type: 'accept' }, supervisor, T0)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('escalation stops at level 2', () => {
    const twice = run(makeIssue(), [
      [{ type: 'escalate', reason: '' }, supervisor, T0],
      [{ type: 'escalate', reason: '' }, supervisor, T0],
    ]);
    expect(twice.manualLevel).toBe(2);
    expect(applyIssueAction(twice, { type: 'escalate', reason: '' }, supervisor, T0)).toMatchObject({ ok: false });
  });

  it('records who did each step and when, with what changed', () => {
    const r = applyIssueAction(makeIssue(), assign, supervisor, T0);
    expect(r.ok && r.event).toEqual({
      issueId: 'iss-1',
      type: 'assign',
      actor: supervisor,
      at: T0,
      data: { departmentId: 'engineering', requirement: 'replace the sensor', deadline: T0 + 24 * H, severity: 'important' },
    });
  });
});

describe('who may act', () => {
  const assigned = makeIssue({ status: 'assigned', departmentId: 'engineering' });

  it.each([
    ['the assigned department', engineer, true],
    ['another department', cleaner, false],
    ['an inspector', inspector, false],
    ['an owner', owner, false],
    ['a supervisor', supervisor, true],
  ] as const)('%s reporting a fix: allowed=%s', (_who, actor, allowed) => {
    expect(applyIssueAction(assigned, rectify, actor, T0).ok).toBe(allowed);
  });

  it('a department cannot verify its own fix', () => {
    const rectified = makeIssue({ status: 'rectified', departmentId: 'engineering' });
    expect(applyIssueAction(rectified, { type: 'verify', note: '' }, engineer, T0)).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('an owner cannot confirm an issue that is not yet fixed', () => {
    expect(applyIssueAction(assigned, { type: 'ownerConfirm' }, owner, T0)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('offers a supervisor accept, reject, assign and escalate on a fresh owner report', () => {
    expect(allowedActions(makeIssue({ verified: false }), supervisor)).toEqual(['accept', 'reject', 'assign', 'escalate']);
  });
});

describe('hand-over inside a department', () => {
  const lead: Actor = { kind: 'user', id: 'u-liu', role: 'department', departmentId: 'engineering', lead: true };
  const fitter: Actor = { kind: 'user', id: 'u-huang', role: 'department', departmentId: 'engineering' };
  const owned = () => run(makeIssue(), [[{ ...assign, assigneeId: 'u-huang' }, supervisor, T0]]);

  it("the lead hands on any of the department's jobs; a member only their own; no one another department's", () => {
    const unowned = run(makeIssue(), [[assign, supervisor, T0]]);
    expect(allowedActions(unowned, lead)).toContain('handOver');
    expect(allowedActions(unowned, engineer)).not.toContain('handOver');
    expect(allowedActions(owned(), fitter)).toContain('handOver');
    expect(allowedActions(owned(), cleaner)).toEqual([]);
  });

  it('a hand-over records from whom to whom, and keeps the department and the deadline', () => {
    const before = owned();
    const r = applyIssueAction(before, { type: 'handOver', assigneeId: null, note: 'off shift' }, fitter, T0 + H);
    if (!r.ok) throw new Error(r.message);
    expect(r.issue).toMatchObject({ assigneeId: null, departmentId: 'engineering', deadline: before.deadline, status: 'assigned' });
    expect(r.event.data).toEqual({ from: 'u-huang', to: null, note: 'off shift' });
  });

  it('a new assignment to another department leaves no one owning the job there', () => {
    const moved = run(owned(), [[{ ...assign, departmentId: 'cleaning' }, supervisor, T0 + H]]);
    expect(moved).toMatchObject({ departmentId: 'cleaning', assigneeId: null });
  });
});

describe('the first fix is kept for the figures', () => {
  it('a late fix that is reopened keeps its first fix time and the deadline it missed', () => {
    const assigned = makeIssue({ status: 'assigned', departmentId: 'engineering', deadline: T0 + 2 * H });
    const supervisor = { kind: 'user', id: 'sup', role: 'supervisor' } as const;
    const dept = { kind: 'user', id: 'e1', role: 'department', departmentId: 'engineering' } as const;
    const fixed = applyIssueAction(assigned, { type: 'rectify', note: 'done', photos: [] }, dept, T0 + 3 * H);
    if (!fixed.ok) throw new Error(fixed.message);
    const reopened = applyIssueAction(fixed.issue, { type: 'reopen', reason: 'still broken' }, supervisor, T0 + 4 * H);
    if (!reopened.ok) throw new Error(reopened.message);
    const again = applyIssueAction(reopened.issue, { type: 'rectify', note: 'really done', photos: [] }, dept, T0 + 5 * H);
    if (!again.ok) throw new Error(again.message);
    expect(again.issue).toMatchObject({ firstRectifiedAt: T0 + 3 * H, firstDeadline: T0 + 2 * H, rectifiedAt: T0 + 5 * H, reopenCount: 1 });
    expect(again.issue.deadline).toBeGreaterThan(T0 + 5 * H);
  });
});
