/**
 * Owners: report a problem at a location without an account, follow it through a private link,
 * confirm the fix or say it is not fixed, and rate the handling.
 */
import { createHmac } from 'node:crypto';
import {
  OPEN_STATUSES,
  OWNER_STATUS_LABELS,
  type Issue,
  type IssueAction,
  type IssueEvent,
  type Location,
  type OwnerReport,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { HttpError, badRequest, conflict, notFound } from '../http/errors.ts';
import { sha256Hex } from '../security/crypto.ts';
import { once } from './idempotency.ts';
import { actOnIssue, createIssue, requireIssue } from './issues.ts';

/** Derived from the report's UUID, so a retried report gets the same link without storing it. */
function trackingToken(deps: Deps, requestId: string): string {
  return createHmac('sha256', deps.secret).update(`track:${requestId}`).digest('base64url');
}

/** Open issues at this location in this category: offered to the owner as "me too". */
export function similarOpen(deps: Deps, location: Location, category?: string): Issue[] {
  return deps.store.openIssuesAt(location.id).filter((i) => (!category || i.category === category) && i.status !== 'rectified');
}

export function reportProblem(deps: Deps, location: Location, r: OwnerReport) {
  const now = deps.clock();
  const token = trackingToken(deps, r.id);
  const { receipt } = once(deps.store, r.id, 'ownerReport', r, now, () => {
    const similar = similarOpen(deps, location, r.category).map((i) => i.id);
    const issue = createIssue(
      deps.store,
      {
        estateId: location.estateId,
        locationId: location.id,
        source: 'owner',
        category: r.category,
        // Owners do not grade severity; staff re-grade when they accept.
        severity: 'general',
        description: r.description,
        photos: r.photos,
        verified: false,
        ownerContact: r.contact || null,
        at: now,
      },
      { kind: 'owner' },
      { possibleDuplicateOf: similar },
    );
    deps.store.insertTrackingToken(sha256Hex(token), issue.id, now);
    return { kind: 'ownerReport', id: r.id, issueId: issue.id, possibleDuplicateOf: similar };
  });
  return { ...receipt, trackingToken: token };
}

export function meToo(deps: Deps, location: Location, requestId: string, issueId: string) {
  const now = deps.clock();
  const token = trackingToken(deps, requestId);
  const { receipt } = once(deps.store, requestId, 'meToo', { issueId, location: location.id }, now, () => {
    const issue = deps.store.getIssue(issueId);
    if (!issue || issue.locationId !== location.id || !OPEN_STATUSES.includes(issue.status)) {
      throw badRequest('issueId: no open issue with that id at this location', [{ path: 'issueId', message: 'unknown open issue here' }]);
    }
    deps.store.updateIssue({ ...issue, meToo: issue.meToo + 1 });
    deps.store.appendEvent({ issueId, type: 'meToo', actor: { kind: 'owner' }, at: now, data: {} });
    deps.store.insertTrackingToken(sha256Hex(token), issueId, now);
    return { kind: 'meToo', id: requestId, issueId };
  });
  return { ...receipt, trackingToken: token };
}

export function issueByToken(deps: Deps, token: string): Issue {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound('tracking link');
  const id = deps.store.issueIdByTrackingToken(sha256Hex(token));
  if (!id) throw notFound('tracking link');
  return requireIssue(deps.store, id);
}

/** Owner-facing events in plain words; staff names and internal notes stay inside. */
const OWNER_VISIBLE: ReadonlySet<IssueEvent['type']> = new Set(['created', 'accept', 'assign', 'rectify', 'verify', 'reopen', 'ownerConfirm', 'ownerNotFixed', 'reject', 'rated']);

export function trackingView(deps: Deps, issue: Issue) {
  const origin = deps.store.issueOrigin(issue.id);
  const location = issue.locationId ? deps.store.getLocation(issue.locationId) : undefined;
  const estate = deps.store.getEstate(issue.estateId);
  return {
    status: issue.status,
    statusLabel: OWNER_STATUS_LABELS[issue.status],
    category: issue.category,
    description: issue.description,
    location: location ? { name: location.name, kind: location.kind } : null,
    estate: estate ? { name: estate.name, timeZone: estate.timeZone } : null,
    createdAt: issue.createdAt,
    deadline: issue.status === 'closed' || issue.status === 'rejected' ? null : issue.deadline,
    photos: issue.photos.map((p) => p.sha256),
    afterPhotos: issue.afterPhotos.map((p) => p.sha256),
    timeline: deps.store
      .eventsOf(issue.id)
      .filter((e) => OWNER_VISIBLE.has(e.type))
      .map((e) => ({ type: e.type, at: e.at })),
    canConfirm: issue.status === 'rectified',
    canSayNotFixed: issue.status === 'rectified' || issue.status === 'closed',
    canRate: (issue.status === 'closed' || issue.status === 'rectified') && origin?.rating === null,
    rating: origin?.rating ?? null,
    meToo: issue.meToo,
  };
}

export function ownerAct(deps: Deps, token: string, action: IssueAction) {
  const now = deps.clock();
  return deps.store.tx(() => {
    const issue = issueByToken(deps, token);
    return actOnIssue(deps.store, issue, action, { kind: 'owner' }, now);
  });
}

export function rateHandling(deps: Deps, token: string, rating: number, comment: string) {
  const now = deps.clock();
  deps.store.tx(() => {
    const issue = issueByToken(deps, token);
    const origin = deps.store.issueOrigin(issue.id);
    if (issue.status !== 'closed' && issue.status !== 'rectified') throw conflict('you can rate once the problem has been fixed');
    if (origin?.rating !== null) throw conflict('this report has already been rated');
    deps.store.setRating(issue.id, rating, comment);
    deps.store.appendEvent({ issueId: issue.id, type: 'rated', actor: { kind: 'owner' }, at: now, data: { rating, comment } });
    // A dissatisfied rating (1–2) becomes a complaint, as field practice does.
    if (rating <= 2) {
      createIssue(
        deps.store,
        {
          estateId: issue.estateId,
          locationId: issue.locationId,
          source: 'owner',
          category: 'service',
          severity: 'important',
          description: `业主对处理结果不满意 · Owner dissatisfied with the handling (${rating}/5)${comment ? `: ${comment}` : ''}`,
          verified: true,
          originId: issue.id,
          at: now,
        },
        { kind: 'owner' },
        { complaintAbout: issue.id },
      );
    }
  });
  return trackingView(deps, issueByToken(deps, token));
}

export function assertPhotoOfIssue(issue: Issue, sha256: string): void {
  if (!issue.photos.some((p) => p.sha256 === sha256) && !issue.afterPhotos.some((p) => p.sha256 === sha256)) {
    throw new HttpError(404, 'photo not found');
  }
}
