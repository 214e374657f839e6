/**
 * Photos by content: storing an upload (checked, re-encoded, credited to whoever sent the bytes) and deciding
 * who may see one. A photo is shown to whoever may see a record that rightly cites it (photos/authors.ts).
 */
import { PATROL, STAFF, type Membership, type PhotoStored } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { checkUpload } from '../photos/blob-store.ts';

/** Stores one upload and credits `author` with it; a row whose file went missing is repaired by writing it again. */
export async function acceptPhoto(deps: Deps, sha: string, bytes: Uint8Array, author: string): Promise<PhotoStored> {
  checkUpload(sha, bytes);
  const existing = await deps.store.read.getPhoto(sha);
  const stored =
    existing && (await deps.blobs.has(sha))
      ? existing
      : { ...(await deps.blobs.put(sha, bytes)), receivedAt: existing?.receivedAt ?? deps.clock() };
  await deps.store.write(async (tx) => {
    await tx.insertPhoto(stored);
    await tx.addPhotoUploader(sha, author, deps.clock());
  });
  return { kind: 'photo', sha256: sha, size: stored.size, stored: true };
}

/** Whether someone may see a record: the same rules as reading the inspection or the issue itself. */
async function maySeeRecord(deps: Deps, memberships: readonly Membership[], recordId: string): Promise<boolean> {
  const inspection = await deps.store.read.getInspection(recordId);
  if (inspection) return memberships.some((m) => m.estateId === inspection.estateId && PATROL.includes(m.role));
  const issue = await deps.store.read.getIssue(recordId);
  if (!issue) return false;
  const m = memberships.find((x) => x.estateId === issue.estateId);
  if (!m || !STAFF.includes(m.role)) return false;
  return m.role !== 'department' || issue.departmentId === m.departmentId;
}

/** Whether someone may see a photo: some record citing it is one they may see. */
export async function maySeePhoto(deps: Deps, memberships: readonly Membership[], sha: string): Promise<boolean> {
  for (const id of await deps.store.read.recordsWithPhoto(sha)) if (await maySeeRecord(deps, memberships, id)) return true;
  return false;
}
