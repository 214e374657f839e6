/**
 * Owners: report a problem at a location without an account, follow it through a private link,
 * confirm the fix or say it is not fixed, and rate the handling.
 */
import { createHmac } from 'node:crypto';
import {
  OPEN_STATUSES,
  referenceOf,
  OWNER_STATUS_LABELS,
  OWNER_EVENT_LABELS,
  type OwnerEventType,
  respondBy,
  type Issue,
  type IssueAction,
  type GeneralReport,
  type IssueEvent,
  type Location,
  type OwnerReport,
  type OwnerTracking,
  type OwnerReportReceipt,
  type MeTooReceipt,
  type MediaItem,
  type PhotoRef,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { conflict, forbidden, invalid, notFound } from './refusals.ts';
import { sha256Hex } from '../security/crypto.ts';
import type { Reads, TrackingRole } from '../storage/store.ts';
import { once } from './idempotency.ts';
import { actOnIssue, createIssue, requireIssue } from './issues.ts';
import { announce } from './notices.ts';

/** Derived from the report's UUID, so a retried report gets the same link without storing it. */
function trackingToken(deps: Deps, requestId: string): string {
  return createHmac('sha256', deps.secret).update(`track:${requestId}`).digest('base64url');
}

/** Open issues at this location in this category: offered to the owner as "me too". */
export async function similarOpen(store: Reads, location: Location, category?: string): Promise<Issue[]> {
  return (await store.openIssuesAt(location.id)).filter((i) => (!category || i.category === category) && i.status !== 'rectified');
}

export interface ReportContext {
  /** Who cites the report's photos: the owner's phone (photos/authors.ts). */
  author: string;
  /** The address or the location is flooded: accept, but hold for review. */
  held: boolean;
}

export async function reportProblem(deps: Deps, location: Location, r: OwnerReport, ctx: ReportContext): Promise<OwnerReportReceipt> {
  return report(deps, { estateId: location.estateId, location }, r, r.description, ctx);
}

/** A report with no location code: to the estate the owner chose, the place in their words before the problem. */
export async function reportToEstate(deps: Deps, r: GeneralReport, ctx: ReportContext): Promise<OwnerReportReceipt> {
  const estate = await deps.store.read.getEstate(r.estateId);
  if (!estate || estate.archivedAt !== null) throw notFound('estate');
  return report(deps, { estateId: estate.id, location: null }, r, `【${r.place}】${r.description}`, ctx);
}

async function report(
  deps: Deps,
  to: { estateId: string; location: Location | null },
  r: OwnerReport | GeneralReport,
  description: string,
  ctx: ReportContext,
): Promise<OwnerReportReceipt> {
  const now = deps.clock();
  const token = trackingToken(deps, r.id);
  const { location } = to;
  const { receipt } = await deps.store.write((tx) =>
    once<Omit<OwnerReportReceipt, 'trackingToken'>>(tx, to.estateId, r.id, 'ownerReport', r, now, async () => {
      const similar = location ? (await similarOpen(tx, location, r.category)).map((i) => i.id) : [];
      const issue = await createIssue(
        tx,
        {
          estateId: to.estateId,
          locationId: location?.id ?? null,
          source: 'owner',
          category: r.category,
          // Owners do not grade severity; staff re-grade when they accept.
          severity: 'general',
          description,
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
      await tx.insertTrackingToken(sha256Hex(token), issue.id, now, 'reporter');
      return { kind: 'ownerReport', id: r.id, issueId: issue.id, possibleDuplicateOf: similar, held: ctx.held };
    }),
  );
  return { ...receipt, trackingToken: token };
}

export async function meToo(deps: Deps, location: Location, requestId: string, issueId: string): Promise<MeTooReceipt> {
  const now = deps.clock();
  const token = trackingToken(deps, requestId);
  const { receipt } = await deps.store.write((tx) =>
    once<Omit<MeTooReceipt, 'trackingToken'>>(
      tx,
      location.estateId,
      requestId,
      'meToo',
      { issueId, location: location.id },
      now,
      async () => {
        const issue = await tx.getIssue(issueId);
        if (!issue || issue.locationId !== location.id || !OPEN_STATUSES.includes(issue.status)) {
          throw invalid('issueId: no open issue with that id at this location', [
            { path: 'issueId', message: 'unknown open issue here', rule: 'unknown' },
          ]);
        }
        await tx.updateIssue({ ...issue, meToo: issue.meToo + 1 });
        await tx.appendEvent({ issueId, type: 'meToo', actor: { kind: 'owner' }, at: now, data: {} });
        await tx.insertTrackingToken(sha256Hex(token), issueId, now, 'follower');
        return { kind: 'meToo', id: requestId, issueId };
      },
    ),
  );
  return { ...receipt, trackingToken: token };
}

export interface Tracked {
  issue: Issue;
  role: TrackingRole;
}

export async function issueByToken(store: Reads, token: string): Promise<Tracked> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFound('tracking link');
  const found = await store.trackingToken(sha256Hex(token));
  if (!found) throw notFound('tracking link');
  return { issue: await requireIssue(store, found.issueId), role: found.role };
}

/**
 * Confirming, reopening and rating belong to the owner who reported; a "me too" only follows. An archived estate's
 * issues are history: they are read, not answered.
 */
async function reporterOnly(tx: Reads, tracked: Tracked): Promise<Issue> {
  if (tracked.role !== 'reporter') throw forbidden('only the owner who reported this problem can answer for it; you are following it');
  if ((await tx.getEstate(tracked.issue.estateId))?.archivedAt != null) throw conflict(ARCHIVED);
  return tracked.issue;
}

const ARCHIVED = 'this estate no longer uses this service: please call the property service desk';

/** Owner-facing events in plain words; staff names and internal notes stay inside. */
const shownToOwners = (type: IssueEvent['type']): type is OwnerEventType => Object.hasOwn(OWNER_EVENT_LABELS, type);

/** 报事单号: the issue's id, short and easy to read out. */
/**
 * What a tracking link shows. The reporter sees their own words and photos and the staff's after-photos;
 * a follower sees the public status only: category, place, progress, never another person's words.
 */
export async function trackingView(store: Reads, { issue, role }: Tracked): Promise<OwnerTracking> {
  const reporter = role === 'reporter';
  const [origin, location, estate, received, events, policy, company] = await Promise.all([
    store.issueOrigin(issue.id),
    issue.locationId ? store.getLocation(issue.locationId) : undefined,
    store.getEstate(issue.estateId),
    reporter ? store.receivedPhotos(issue.id) : [],
    store.eventsOf(issue.id),
    store.getPolicy(issue.estateId),
    store.getOrganisation(),
  ]);
  const fix = events.filter((e) => e.type === 'rectify').at(-1);
  const visible = new Set(received);
  // What the reporter may still do: nothing once the estate is archived.
  const answers = reporter && estate?.archivedAt == null;
  return {
    reference: referenceOf(issue.id),
    respondBy: respondBy(issue, policy),
    fixNote: typeof fix?.data.note === 'string' ? fix.data.note : null,
    follower: !reporter,
    status: issue.status,
    statusLabel: OWNER_STATUS_LABELS[issue.status],
    category: issue.category,
    description: reporter ? issue.description : null,
    location: location ? { name: location.name, kind: location.kind } : null,
    estate: estate
      ? { name: estate.name, timeZone: estate.timeZone, company: company?.name ?? null, servicePhone: estate.servicePhone }
      : null,
    createdAt: issue.createdAt,
    deadline: issue.status === 'closed' || issue.status === 'rejected' ? null : issue.deadline,
    photos: mediaOf(issue.photos, visible),
    afterPhotos: mediaOf(issue.afterPhotos, visible),
    timeline: events.flatMap((e) => (shownToOwners(e.type) ? [{ type: e.type, at: e.at }] : [])),
    canConfirm: answers && issue.status === 'rectified',
    canSayNotFixed: answers && (issue.status === 'rectified' || (issue.status === 'closed' && origin?.rating === null)),
    canRate: answers && (issue.status === 'closed' || issue.status === 'rectified') && origin?.rating === null,
    rating: reporter ? (origin?.rating ?? null) : null,
    meToo: issue.meToo,
  };
}

export async function ownerAct(deps: Deps, token: string, action: IssueAction) {
  const now = deps.clock();
  return deps.store.write(async (tx) => {
    const issue = await reporterOnly(tx, await issueByToken(tx, token));
    // Once closed and rated the ticket is finished for the owner; a new problem is a new report.
    if (action.type === 'ownerNotFixed' && issue.status === 'closed' && (await tx.issueOrigin(issue.id))?.rating != null)
      throw conflict('you rated this closed report; for the same problem again, please make a new report');
    return actOnIssue(tx, issue, action, { kind: 'owner' }, now);
  });
}

export async function rateHandling(deps: Deps, token: string, rating: number, comment: string) {
  const now = deps.clock();
  await deps.store.write(async (tx) => {
    const issue = await reporterOnly(tx, await issueByToken(tx, token));
    const origin = await tx.issueOrigin(issue.id);
    if (issue.status !== 'closed' && issue.status !== 'rectified') throw conflict('you can rate once the problem has been fixed');
    if (origin?.rating !== null) throw conflict('this report has already been rated');
    await tx.setRating(issue.id, rating, comment);
    await tx.appendEvent({ issueId: issue.id, type: 'rated', actor: { kind: 'owner' }, at: now, data: { rating, comment } });
    // A dissatisfied rating (1–2) becomes a complaint, as field practice does.
    if (rating <= 2) {
      const complaint = await createIssue(
        tx,
        {
          estateId: issue.estateId,
          locationId: issue.locationId,
          source: 'owner',
          category: 'service',
          severity: 'important',
          description: `业主对处理结果不满意(${rating}/5 分)${comment ? `:${comment}` : ''}`,
          verified: true,
          originId: issue.id,
          at: now,
        },
        { kind: 'owner' },
        { complaintAbout: issue.id },
      );
      await announce(tx, 'lowRating', complaint, now);
    }
  });
  return trackingView(deps.store.read, await issueByToken(deps.store.read, token));
}

/** The photos and clips that have arrived, as the page shows them. */
const mediaOf = (refs: readonly PhotoRef[], arrived: ReadonlySet<string>): MediaItem[] =>
  refs.filter((p) => arrived.has(p.sha256)).map((p) => ({ sha256: p.sha256, video: p.kind === 'video' }));

/** The reporter sees a photo their report or its fix rightly cites; nobody else reaches it through the link. */
export async function assertPhotoOfIssue(store: Reads, { issue, role }: Tracked, sha256: string): Promise<void> {
  const cited = issue.photos.some((p) => p.sha256 === sha256) || issue.afterPhotos.some((p) => p.sha256 === sha256);
  if (role !== 'reporter' || !cited || !(await store.receivedPhotos(issue.id)).includes(sha256)) throw notFound('photo');
}
