/**
 * Owners' personal data under PIPL: their contact and their words (a report's description, "not fixed" reasons,
 * rating comments, what they said at the service desk) are masked a set time after the issue closes (the estate's
 * `retentionDays`, 180 by default), and the figures stay. An administrator exports or erases one report's owner data on the owner's request.
 */
import { DAY, DEFAULT_RETENTION_DAYS, type Estate, type Issue, type OwnerData } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { audit } from './audit.ts';

const BATCH = 200;

/** Masks what has passed its time in one estate; the number of issues masked. */
export async function applyRetention(deps: Pick<Deps, 'store'>, estate: Estate, now: number): Promise<number> {
  const days = (await deps.store.read.getPolicy(estate.id)).retentionDays ?? DEFAULT_RETENTION_DAYS;
  let masked = 0;
  for (;;) {
    const ids = await deps.store.read.issuesToRedact(estate.id, now - days * DAY, BATCH);
    if (ids.length)
      await deps.store.write(async (tx) => {
        for (const id of ids) await tx.redactOwnerData(id, now);
      });
    masked += ids.length;
    if (ids.length < BATCH) break;
  }
  // What owners said at the service desk goes the same way, once its issue (if it became one) is masked.
  await deps.store.write((tx) => tx.redactDeskEntries(estate.id, now - days * DAY));
  return masked;
}

/** Everything the server keeps that an owner gave with this report, for their request to see it. */
export async function ownerDataOf(deps: Deps, issue: Issue, by: string): Promise<OwnerData> {
  const r = deps.store.read;
  const [origin, history] = await Promise.all([r.issueOrigin(issue.id), r.eventsOf(issue.id)]);
  const words = history
    .filter((e) => e.actor.kind === 'owner' && (typeof e.data.reason === 'string' || typeof e.data.comment === 'string'))
    .map((e) => ({ at: e.at, type: e.type, text: String(e.data.reason ?? e.data.comment ?? '') }))
    .filter((w) => w.text);
  await deps.store.write((tx) => audit(tx, by, { estateId: issue.estateId, action: 'owner.export', target: issue.id }, deps.clock()));
  return {
    issueId: issue.id,
    contact: origin?.ownerContact ?? null,
    description: issue.source === 'owner' ? issue.description : null,
    photos: issue.source === 'owner' ? issue.photos.map((p) => p.sha256) : [],
    rating: origin?.rating ?? null,
    ratingComment: origin?.ratingComment || null,
    words,
  };
}

/** Erases this report's owner data now, as the scheduled masking would. */
export async function eraseOwnerData(deps: Deps, issue: Issue, by: string): Promise<void> {
  await deps.store.write(async (tx) => {
    await tx.redactOwnerData(issue.id, deps.clock());
    await audit(tx, by, { estateId: issue.estateId, action: 'owner.erase', target: issue.id }, deps.clock());
  });
}
