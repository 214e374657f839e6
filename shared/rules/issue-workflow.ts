/**
 * The rectification life cycle as one pure transition function:
 * who may do what in which state, and what the issue becomes.
 * The caller stores the returned event in an append-only history.
 */
import type { Membership } from '../model/answers.ts';
import type { Actor, Issue, IssueAction, IssueActionType, IssueEvent, IssueStatus } from '../model/issue.ts';
import { DEFAULT_DEADLINE_POLICY, deadlineFor, type DeadlinePolicy } from './deadlines.ts';

/** The quality team (and the system), a member of the issue's department, its lead, the person who owns the job, an owner. */
/** A member of an estate acting in it. */
export function actorOf(m: Membership): Actor & { kind: 'user' } {
  return { kind: 'user', id: m.userId, role: m.role, departmentId: m.departmentId, lead: m.lead };
}

type Who = 'staff' | 'department' | 'lead' | 'assignee' | 'owner';
const IN_DEPARTMENT: readonly Who[] = ['department', 'lead', 'assignee'];

interface Rule {
  from: readonly IssueStatus[];
  who: readonly Who[];
}

const RULES: Record<IssueActionType, Rule> = {
  accept: { from: ['reported'], who: ['staff'] },
  reject: { from: ['reported', 'assigned', 'reopened'], who: ['staff'] },
  assign: { from: ['reported', 'assigned', 'reopened'], who: ['staff'] },
  rectify: { from: ['assigned', 'reopened'], who: ['staff', ...IN_DEPARTMENT] },
  handOver: { from: ['assigned', 'reopened'], who: ['staff', 'lead', 'assignee'] },
  verify: { from: ['rectified'], who: ['staff'] },
  reopen: { from: ['rectified', 'closed'], who: ['staff'] },
  escalate: { from: ['reported', 'assigned', 'reopened', 'rectified'], who: ['staff'] },
  ownerConfirm: { from: ['rectified'], who: ['owner'] },
  ownerNotFixed: { from: ['rectified', 'closed'], who: ['owner'] },
};

export type TransitionResult =
  | { ok: true; issue: Issue; event: IssueEvent }
  | { ok: false; reason: 'forbidden' | 'conflict'; message: string }
  | { ok: false; reason: 'invalid'; field: string; message: string };

/** What the issue's history says about who did the work, for the rules that depend on people. */
export interface WorkContext {
  /** The user who reported the latest fix. */
  fixedBy: string | null;
}

/** Who reported the latest fix, from the history. */
export function fixedBy(history: readonly Pick<IssueEvent, 'type' | 'actor'>[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i];
    if (e.type === 'rectify') return e.actor.kind === 'user' ? e.actor.id : null;
  }
  return null;
}

/** Separation of duties (on by default): whoever reported a fix does not verify it. */
function verifiesOwnFix(type: IssueActionType, actor: Actor, policy: DeadlinePolicy, work: WorkContext): boolean {
  return type === 'verify' && policy.separateDuties !== false && actor.kind === 'user' && work.fixedBy === actor.id;
}

function whoIs(actor: Actor, issue: Issue): Who | null {
  if (actor.kind === 'owner') return 'owner';
  if (actor.kind === 'system') return 'staff';
  if (actor.role === 'admin' || actor.role === 'supervisor') return 'staff';
  // Department staff act only on what is assigned to their own department.
  if (actor.role !== 'department' || !actor.departmentId || actor.departmentId !== issue.departmentId) return null;
  if (actor.lead) return 'lead';
  return issue.assigneeId === actor.id ? 'assignee' : 'department';
}

const NO_WORK: WorkContext = { fixedBy: null };

export function canAct(
  issue: Issue,
  type: IssueActionType,
  actor: Actor,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  work: WorkContext = NO_WORK,
): boolean {
  const rule = RULES[type];
  const who = whoIs(actor, issue);
  return (
    who !== null &&
    rule.who.includes(who) &&
    rule.from.includes(issue.status) &&
    !(type === 'accept' && issue.verified) &&
    !verifiesOwnFix(type, actor, policy, work)
  );
}

/** Actions the actor may take on the issue now, for showing buttons. */
export function allowedActions(
  issue: Issue,
  actor: Actor,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  work: WorkContext = NO_WORK,
): IssueActionType[] {
  return (Object.keys(RULES) as IssueActionType[]).filter((t) => canAct(issue, t, actor, policy, work));
}

export function applyIssueAction(
  issue: Issue,
  action: IssueAction,
  actor: Actor,
  now: number,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  work: WorkContext = NO_WORK,
): TransitionResult {
  const rule = RULES[action.type];
  const who = whoIs(actor, issue);
  if (who === null || !rule.who.includes(who)) {
    return { ok: false, reason: 'forbidden', message: `not allowed to ${action.type} this issue` };
  }
  if (verifiesOwnFix(action.type, actor, policy, work)) {
    return { ok: false, reason: 'forbidden', message: 'you reported this fix; someone else must verify it' };
  }
  if (!rule.from.includes(issue.status) || (action.type === 'accept' && issue.verified)) {
    return { ok: false, reason: 'conflict', message: `cannot ${action.type} an issue that is ${issue.status}` };
  }

  const next: Issue = { ...issue };
  let data: Record<string, unknown> = {};
  switch (action.type) {
    case 'accept':
      next.verified = true;
      break;
    case 'reject':
      next.status = 'rejected';
      next.duplicateOf = action.duplicateOf;
      next.closedAt = now;
      data = { reason: action.reason, duplicateOf: action.duplicateOf };
      break;
    case 'assign': {
      const severity = action.severity ?? issue.severity;
      if (action.deadline !== null && action.deadline <= now) {
        return { ok: false, reason: 'conflict', message: 'deadline must be in the future' };
      }
      next.status = issue.status === 'reopened' ? 'reopened' : 'assigned';
      next.verified = true;
      next.severity = severity;
      next.departmentId = action.departmentId;
      next.assigneeId = action.assigneeId ?? null;
      next.requirement = action.requirement;
      next.deadline = action.deadline ?? deadlineFor(severity, now, policy);
      data = { departmentId: next.departmentId, requirement: next.requirement, deadline: next.deadline, severity };
      if (next.assigneeId) data.assigneeId = next.assigneeId;
      break;
    }
    case 'handOver':
      if (action.assigneeId === issue.assigneeId) return { ok: false, reason: 'conflict', message: 'the job is already theirs' };
      next.assigneeId = action.assigneeId;
      data = { from: issue.assigneeId, to: action.assigneeId, note: action.note };
      break;
    case 'rectify':
      // A problem shown with a photo is shown fixed with one, or the fixer says why not.
      if (issue.photos.length > 0 && action.photos.length === 0 && !action.noPhotoReason) {
        return {
          ok: false,
          reason: 'invalid',
          field: 'action.noPhotoReason',
          message: 'noPhotoReason: the problem was reported with a photo; add an "after" photo or say why there is none',
        };
      }
      next.status = 'rectified';
      next.rectifiedAt = now;
      if (issue.firstRectifiedAt === null) {
        next.firstRectifiedAt = now;
        next.firstDeadline = issue.deadline;
      }
      next.afterPhotos = action.photos;
      data = action.noPhotoReason
        ? { note: action.note, photos: action.photos, noPhotoReason: action.noPhotoReason }
        : { note: action.note, photos: action.photos };
      break;
    case 'verify':
    case 'ownerConfirm':
      next.status = 'closed';
      next.closedAt = now;
      data = action.type === 'verify' ? { note: action.note } : {};
      break;
    case 'reopen':
    case 'ownerNotFixed': {
      next.status = 'reopened';
      next.reopenCount = issue.reopenCount + 1;
      next.rectifiedAt = null;
      next.closedAt = null;
      next.deadline = deadlineFor(issue.severity, now, policy);
      // An owner's "not fixed" is a complaint about the fix: it raises the level.
      if (action.type === 'ownerNotFixed') next.manualLevel = Math.min(2, issue.manualLevel + 1);
      data = { reason: action.reason, deadline: next.deadline, level: next.manualLevel };
      break;
    }
    case 'escalate':
      if (issue.manualLevel >= 2) return { ok: false, reason: 'conflict', message: 'already escalated to the manager' };
      next.manualLevel = issue.manualLevel + 1;
      data = { reason: action.reason, level: next.manualLevel };
      break;
  }
  return { ok: true, issue: next, event: { issueId: issue.id, type: action.type, actor, at: now, data } };
}
