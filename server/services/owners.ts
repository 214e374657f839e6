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
import { HttpError, badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { sha256Hex } from '../security/crypto.ts';
import type { TrackingRole } from '../storage/store.ts';
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

export interface ReportContext {
  /** Who cites the report's photos: the owner's phone (photos/authors.ts). */
  author: string;
  /** The address or the location is flooded: accept, but hold for review. */
  held: boolean;
}

export function reportProblem(deps: Deps, location: Location, r: OwnerReport, ctx: ReportContext) {
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
        photoAuthor: ctx.author,
        held: ctx.held,
        at: now,
      },
      { kind: 'owner' },
      { possibleDuplicateOf: similar, ...(ctx.held ? { held: true } : {}) },
    );
    deps.store.insertTrackingToken(sha256Hex(token), issue.id, now, 'reporter');
    return { kind: 'ownerReport', id: r.id, issueId: issue.id, possibleDuplicateOf: similar, held: ctx.held };
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
    deps.store.insertTrackingToken(sha256Hex(token), issueId, now, 'follower');
    return { kind: 'meToo', id: requestId, issueId };
  });
  return { ...receipt, trackingToken: token };
}

export interface Tracked {
  issue: Issue;
  role: TrackingRole;
}

export function issueByToken(deps: Deps, token: string): Tracked {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound('tracking link');
  const found = deps.store.trackingToken(sha256Hex(token));
  if (!found) throw notFound('tracking link');
  return { issue: requireIssue(deps.store, found.issueId), role: found.role };
}

/** Confirming, reopening and rating belong to the owner who reported; a "me too" only follows. */
function reporterOnly(tracked: Tracked): Issue {
  if (tracked.role !== 'reporter') throw forbidden('only the owner who reported this problem can answer for it; you are following it');
  return tracked.issue;
}

/** Owner-facing events in plain words; staff names and internal notes stay inside. */
const OWNER_VISIBLE: ReadonlySet<IssueEvent['type']> = new Set(['created', 'accept', 'assign', 'rectify', 'verify', 'reopen', 'ownerConfirm', 'ownerNotFixed', 'reject', 'rated']);

/**
 * What a tracking link shows. The reporter sees their own words and photos and the staff's after-photos;
 * a follower sees the public status only: category, place, progress, never another person's words.
 */
export function trackingView(deps: Deps, { issue, role }: Tracked) {
  const origin = deps.store.issueOrigin(issue.id);
  const location = issue.locationId ? deps.store.getLocation(issue.locationId) : undefined;
  const estate = deps.store.getEstate(issue.estateId);
  const reporter = role === 'reporter';
  const visible = reporter ? new Set(deps.store.receivedPhotos(issue.id)) : new Set<string>();
  return {
    follower: !reporter,
    status: issue.status,
    statusLabel: OWNER_STATUS_LABELS[issue.status],
    category: issue.category,
    description: reporter ? issue.description : null,
    location: location ? { name: location.name, kind: location.kind } : null,
    estate: estate ? { name: estate.name, timeZone: estate.timeZone } : null,
    createdAt: issue.createdAt,
    deadline: issue.status === 'closed' || issue.status === 'rejected' ? null : issue.deadline,
    photos: issue.photos.map((p) => p.sha256).filter((h) => visible.has(h)),
    afterPhotos: issue.afterPhotos.map((p) => p.sha256).filter((h) => visible.has(h)),
    timeline: deps.store
      .eventsOf(issue.id)
      .filter((e) => OWNER_VISIBLE.has(e.type))
      .map((e) => ({ type: e.type, at: e.at })),
    canConfirm: reporter && issue.status === 'rectified',
    canSayNotFixed: reporter && (issue.status === 'rectified' || issue.status === 'closed'),
    canRate: reporter && (issue.status === 'closed' || issue.status === 'rectified') && origin?.rating === null,
    rating: reporter ? (origin?.rating ?? null) : null,
    meToo: issue.meToo,
  };
}

export function ownerAct(deps: Deps, token: string, action: IssueAction) {
  const now = deps.clock();
  return deps.store.tx(() => {
    const issue = reporterOnly(issueByToken(deps, token));
    return actOnIssue(deps.store, issue, action, { kind: 'owner' }, now);
  });
}

export function rateHandling(deps: Deps, token: string, rating: number, comment: string) {
  const now = deps.clock();
  deps.store.tx(() => {
    const issue = reporterOnly(issueByToken(deps, token));
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

/** The reporter sees a photo their report or its fix rightly cites; nobody else reaches it through the link. */
export function assertPhotoOfIssue(deps: Deps, { issue, role }: Tracked, sha256: string): void {
  const cited = issue.photos.some((p) => p.sha256 === sha256) || issue.afterPhotos.some((p) => p.sha256 === sha256);
  if (role !== 'reporter' || !cited || !deps.store.receivedPhotos(issue.id).includes(sha256)) throw new HttpError(404, 'photo not found');
}
