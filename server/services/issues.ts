/** Creating issues and moving them through the workflow, with the append-only history. */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_REQUIREMENT,
  OWNER_SOURCES,
  actorOf,
  allowedActions,
  routeFor,
  applyIssueAction,
  deadlineFor,
  fixedBy,
  type Actor,
  type Category,
  type Issue,
  type IssueAction,
  type IssueActionRequest,
  type IssueView,
  type NoticeList,
  type IssueSource,
  type PhotoRef,
  type Severity,
  type IssueActionReceipt,
} from '../../shared/index.ts';
import { conflict, forbidden, invalid, notFound } from './refusals.ts';
import { actorAuthor } from '../photos/authors.ts';
import type { Deps } from '../context.ts';
import type { Membership, Reads, Writes } from '../storage/store.ts';
import { once } from './idempotency.ts';
import { announce } from './notices.ts';

export interface NewIssue {
  estateId: string;
  locationId: string | null;
  source: IssueSource;
  category: Category;
  severity: Severity;
  description: string;
  cause?: string | null;
  photos?: PhotoRef[];
  verified?: boolean;
  originId?: string | null;
  ownerContact?: string | null;
  /** Who cites the photos (photos/authors.ts); by default the actor. */
  photoAuthor?: string;
  /** Held for review (a flooded address or location). */
  held?: boolean;
  /** When the problem was found (the inspection's time); deadlines run from here. */
  at: number;
}

export async function createIssue(tx: Writes, input: NewIssue, actor: Actor, extra: Record<string, unknown> = {}): Promise<Issue> {
  const issue: Issue = {
    id: randomUUID(),
    estateId: input.estateId,
    locationId: input.locationId,
    source: input.source,
    category: input.category,
    severity: input.severity,
    description: input.description,
    cause: input.cause ?? null,
    photos: input.photos ?? [],
    status: 'reported',
    verified: input.verified ?? true,
    departmentId: null,
    assigneeId: null,
    requirement: null,
    deadline: deadlineFor(input.severity, input.at, await tx.getPolicy(input.estateId)),
    manualLevel: 0,
    reopenCount: 0,
    meToo: 0,
    duplicateOf: null,
    createdAt: input.at,
    rectifiedAt: null,
    firstRectifiedAt: null,
    firstDeadline: null,
    closedAt: null,
    afterPhotos: [],
  };
  await tx.insertIssue(issue, { originId: input.originId, ownerContact: input.ownerContact, held: input.held });
  await tx.linkPhotos(
    issue.id,
    issue.photos.map((p) => p.sha256),
    input.photoAuthor ?? actorAuthor(actor),
  );
  await tx.appendEvent({
    issueId: issue.id,
    type: 'created',
    actor,
    at: input.at,
    data: { source: issue.source, severity: issue.severity, category: issue.category, deadline: issue.deadline, ...extra },
  });
  if (input.held) return issue;
  // An owner's report waits for the quality team; anything else goes to its department, or waits for dispatch.
  if (!issue.verified) {
    // An estate that accepts owners' reports at once sends them on like any finding.
    const owners = OWNER_SOURCES.includes(issue.source);
    if (owners && (await tx.getPolicy(issue.estateId)).autoAccept) return actOnIssue(tx, issue, { type: 'accept' }, SYSTEM, input.at);
    if (owners) await announce(tx, 'ownerReport', issue, input.at);
    return issue;
  }
  return dispatch(tx, issue, input.at);
}

const SYSTEM: Actor = { kind: 'system' };

/**
 * Sends an accepted problem to the department the estate's rules name (shared/rules/dispatch.ts), as the system,
 * in the caller's transaction, with the deadline its severity gives. No rule: it waits in 待派单.
 */
async function dispatch(tx: Writes, issue: Issue, now: number): Promise<Issue> {
  if (issue.status !== 'reported' || !issue.verified) return issue;
  const rules = await tx.getRouting(issue.estateId);
  if (!rules.length) {
    await announce(tx, 'toDispatch', issue, now);
    return issue;
  }
  const location = issue.locationId ? await tx.getLocation(issue.locationId) : undefined;
  const rule = routeFor(rules, { category: issue.category, location: location ?? null });
  // A rule naming a department that is gone leaves the problem for a supervisor rather than failing its record.
  if (!rule || !(await tx.listDepartments(issue.estateId)).some((d) => d.id === rule.departmentId)) {
    await announce(tx, 'toDispatch', issue, now);
    return issue;
  }
  // A rule's person who has since left the department leaves the job to the department's lead.
  const assigneeId =
    rule.assigneeId && (await inDepartment(tx, issue.estateId, rule.departmentId, rule.assigneeId)) ? rule.assigneeId : null;
  const action: IssueAction = {
    type: 'assign',
    departmentId: rule.departmentId,
    requirement: DEFAULT_REQUIREMENT,
    deadline: null,
    assigneeId,
  };
  return actOnIssue(tx, issue, action, SYSTEM, now);
}

/** Whether the person works in that department of the estate, so a job can be theirs. */
async function inDepartment(tx: Reads, estateId: string, departmentId: string, userId: string): Promise<boolean> {
  const m = (await tx.membershipsOf(userId)).find((x) => x.estateId === estateId);
  return m?.role === 'department' && m.departmentId === departmentId;
}

/** Applies one workflow action. */
export async function actOnIssue(tx: Writes, issue: Issue, action: IssueAction, actor: Actor, now: number): Promise<Issue> {
  if (action.type === 'assign') {
    const departments = await tx.listDepartments(issue.estateId);
    if (!departments.some((d) => d.id === action.departmentId)) {
      throw invalid(`departmentId: no department ${action.departmentId} in this estate`, [
        { path: 'action.departmentId', message: 'unknown department', rule: 'unknown' },
      ]);
    }
  }
  // A job goes to someone of the department it is in.
  const person = action.type === 'assign' || action.type === 'handOver' ? action.assigneeId : null;
  const department = action.type === 'assign' ? action.departmentId : issue.departmentId;
  if (person && !(department && (await inDepartment(tx, issue.estateId, department, person)))) {
    throw invalid('assigneeId: that person is not in the department', [
      { path: 'action.assigneeId', message: 'not in the department', rule: 'unknown' },
    ]);
  }
  if (action.type === 'reject' && action.duplicateOf) {
    const original = await tx.getIssue(action.duplicateOf);
    if (!original || original.estateId !== issue.estateId || original.id === issue.id) {
      throw invalid('duplicateOf: no such other issue in this estate', [
        { path: 'action.duplicateOf', message: 'unknown issue', rule: 'unknown' },
      ]);
    }
  }
  const work = { fixedBy: action.type === 'verify' ? fixedBy(await tx.eventsOf(issue.id)) : null };
  const result = applyIssueAction(issue, action, actor, now, await tx.getPolicy(issue.estateId), work);
  if (!result.ok) {
    if (result.reason === 'invalid') throw invalid(result.message, [{ path: result.field, message: result.message }]);
    throw result.reason === 'forbidden' ? forbidden(result.message) : conflict(result.message);
  }
  await tx.updateIssue(result.issue);
  await tx.appendEvent(result.event);
  // An owner's report, once accepted, is dispatched like a finding.
  if (action.type === 'accept') return dispatch(tx, result.issue, now);
  if (action.type === 'assign') await announce(tx, 'assigned', result.issue, now);
  // The new owner of a job hears of it as an assignment (the key names them: a job handed back is news again).
  if (action.type === 'handOver' && result.issue.assigneeId)
    await announce(tx, 'assigned', result.issue, now, `assigned:${issue.id}:${result.issue.assigneeId}:${now}`);
  if (action.type === 'ownerNotFixed') await announce(tx, 'ownerNotFixed', result.issue, now);
  if (action.type === 'rectify')
    await tx.linkPhotos(
      issue.id,
      action.photos.map((p) => p.sha256),
      actorAuthor(actor),
    );
  if (action.type === 'reject' && action.duplicateOf) {
    const original = await tx.getIssue(action.duplicateOf);
    if (original) {
      await tx.updateIssue({ ...original, meToo: original.meToo + 1 + issue.meToo });
      await tx.appendEvent({ issueId: original.id, type: 'meToo', actor, at: now, data: { duplicate: issue.id } });
    }
  }
  return result.issue;
}

export async function requireIssue(store: Reads, id: string): Promise<Issue> {
  const issue = await store.getIssue(id);
  if (!issue) throw notFound('issue');
  return issue;
}

/** One workflow action, once per device-generated id; re-read inside the transaction (another may have landed). */
export async function submitIssueAction(
  deps: Deps,
  estateId: string,
  issueId: string,
  request: IssueActionRequest,
  actor: Actor & { kind: 'user' },
) {
  const now = deps.clock();
  const body = { ...request, issueId, by: actor.id };
  const { receipt, replayed } = await deps.store.write((tx) =>
    once<IssueActionReceipt>(tx, estateId, request.id, 'issueAction', body, now, async () => {
      const next = await actOnIssue(tx, await requireIssue(tx, issueId), request.action, actor, now);
      const photos = request.action.type === 'rectify' ? request.action.photos.map((p) => p.sha256) : [];
      return { kind: 'issueAction', id: request.id, issueId: next.id, status: next.status, photos };
    }),
  );
  return { receipt: { ...receipt, issue: await deps.store.read.getIssue(issueId) }, replayed };
}

/** An issue as staff see it: its history, where it came from, and what this person may do next. */
export async function issueDetail(deps: Deps, issue: Issue, m: Membership): Promise<IssueView> {
  const r = deps.store.read;
  const [origin, location, history, policy] = await Promise.all([
    r.issueOrigin(issue.id),
    issue.locationId ? r.getLocation(issue.locationId) : undefined,
    r.eventsOf(issue.id),
    r.getPolicy(issue.estateId),
  ]);
  // For a patrol finding: the round it came from, and how presence there was confirmed.
  const inspection = origin?.originId ? await r.getInspection(origin.originId) : undefined;
  return {
    inspection: inspection
      ? { id: inspection.id, inspectorId: inspection.inspectorId, finishedAt: inspection.finishedAt, confirmedBy: inspection.confirmedBy }
      : null,
    issue,
    location: location ? { id: location.id, name: location.name, kind: location.kind, code: location.code } : null,
    history,
    // An owner's contact goes to the supervisors who call back, not to patrol or department staff (PIPL).
    origin:
      m.role === 'department' || !origin
        ? null
        : m.role === 'admin' || m.role === 'supervisor'
          ? origin
          : { ...origin, ownerContact: null },
    actions: allowedActions(issue, actorOf(m), policy, {
      fixedBy: fixedBy(history),
    }),
  };
}

/** Rectification notices for a department, soonest deadline first, with who owns each and who could take one. */
export async function departmentNotices(deps: Deps, estateId: string, departmentId: string): Promise<NoticeList> {
  const [{ issues }, locationList, members] = await Promise.all([
    deps.store.read.listIssues({ estateId, departmentId, status: ['assigned', 'reopened'], limit: 500 }),
    deps.store.read.listLocations(estateId),
    deps.store.read.membersOf(estateId),
  ]);
  const locations = new Map(locationList.map((l) => [l.id, l]));
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const people = members
    .filter((m) => m.role === 'department' && m.departmentId === departmentId && !m.disabled)
    .map((m) => ({ id: m.userId, displayName: m.displayName }));
  const notices = issues
    .sort((a, b) => a.deadline - b.deadline)
    .map((i) => ({
      ...i,
      location: i.locationId ? { name: locations.get(i.locationId)?.name, kind: locations.get(i.locationId)?.kind } : null,
      assignee: i.assigneeId ? { id: i.assigneeId, displayName: names.get(i.assigneeId) ?? '—' } : null,
    }));
  return { notices, people };
}
