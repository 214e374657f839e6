/** Creating issues and moving them through the workflow, with the append-only history. */
import { randomUUID } from 'node:crypto';
import {
  applyIssueAction,
  deadlineFor,
  fixedBy,
  type Actor,
  type Category,
  type Issue,
  type IssueAction,
  type IssueSource,
  type PhotoRef,
  type Severity,
} from '../../shared/index.ts';
import { HttpError, badRequest, conflict, forbidden } from '../http/errors.ts';
import { actorAuthor } from '../photos/authors.ts';
import type { Store } from '../storage/store.ts';

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

/** Must run inside a transaction. */
export function createIssue(store: Store, input: NewIssue, actor: Actor, extra: Record<string, unknown> = {}): Issue {
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
    requirement: null,
    deadline: deadlineFor(input.severity, input.at, store.getPolicy(input.estateId)),
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
  store.insertIssue(issue, { originId: input.originId, ownerContact: input.ownerContact, held: input.held });
  store.linkPhotos(issue.id, issue.photos.map((p) => p.sha256), input.photoAuthor ?? actorAuthor(actor));
  store.appendEvent({
    issueId: issue.id,
    type: 'created',
    actor,
    at: input.at,
    data: { source: issue.source, severity: issue.severity, category: issue.category, deadline: issue.deadline, ...extra },
  });
  return issue;
}

/** Applies one workflow action. Must run inside a transaction. */
export function actOnIssue(store: Store, issue: Issue, action: IssueAction, actor: Actor, now: number): Issue {
  if (action.type === 'assign') {
    const departments = store.listDepartments(issue.estateId);
    if (!departments.some((d) => d.id === action.departmentId)) {
      throw badRequest(`departmentId: no department ${action.departmentId} in this estate`, [{ path: 'action.departmentId', message: 'unknown department' }]);
    }
  }
  if (action.type === 'reject' && action.duplicateOf) {
    const original = store.getIssue(action.duplicateOf);
    if (!original || original.estateId !== issue.estateId || original.id === issue.id) {
      throw badRequest('duplicateOf: no such other issue in this estate', [{ path: 'action.duplicateOf', message: 'unknown issue' }]);
    }
  }
  const work = { fixedBy: action.type === 'verify' ? fixedBy(store.eventsOf(issue.id)) : null };
  const result = applyIssueAction(issue, action, actor, now, store.getPolicy(issue.estateId), work);
  if (!result.ok) {
    if (result.reason === 'invalid') throw badRequest(result.message, [{ path: result.field, message: result.message }]);
    throw result.reason === 'forbidden' ? forbidden(result.message) : conflict(result.message);
  }
  store.updateIssue(result.issue);
  store.appendEvent(result.event);
  if (action.type === 'rectify') store.linkPhotos(issue.id, action.photos.map((p) => p.sha256), actorAuthor(actor));
  if (action.type === 'reject' && action.duplicateOf) {
    const original = store.getIssue(action.duplicateOf);
    if (original) {
      store.updateIssue({ ...original, meToo: original.meToo + 1 + issue.meToo });
      store.appendEvent({ issueId: original.id, type: 'meToo', actor, at: now, data: { duplicate: issue.id } });
    }
  }
  return result.issue;
}

export function requireIssue(store: Store, id: string): Issue {
  const issue = store.getIssue(id);
  if (!issue) throw new HttpError(404, 'issue not found');
  return issue;
}
