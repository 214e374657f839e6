/**
 * Photo upload (content-addressed, before or after the record) and download. Sending the bytes makes the
 * sender an uploader, who may then cite the photo; a photo is shown to whoever may see a record that
 * rightly cites it (photos/authors.ts). Knowing a hash reveals nothing: an unknown and an unreadable photo
 * answer alike.
 */
import type { Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { PATROL, STAFF, requireAuth, type Auth, type Env } from '../http/auth.ts';
import { HttpError, badRequest } from '../http/errors.ts';
import { created, raw, route, type Raw } from '../http/contract.ts';
import { requestAuthor } from '../photos/authors.ts';
import { checkUpload } from '../photos/blob-store.ts';

const SHA = /^[0-9a-f]{64}$/;
const NOT_FOUND = () => new HttpError(404, 'photo not found (not uploaded yet?)');

export async function servePhoto(deps: Deps, sha: string): Promise<Raw> {
  const bytes = SHA.test(sha) ? await deps.blobs.get(sha) : null;
  if (!bytes) throw NOT_FOUND();
  return raw(
    new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': 'image/jpeg',
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
    }),
  );
}

/** Whether the caller may see a record: the same rules as reading the inspection or the issue itself. */
async function maySeeRecord(deps: Deps, auth: Auth, recordId: string): Promise<boolean> {
  const inspection = await deps.store.read.getInspection(recordId);
  if (inspection) return auth.memberships.some((m) => m.estateId === inspection.estateId && PATROL.includes(m.role));
  const issue = await deps.store.read.getIssue(recordId);
  if (!issue) return false;
  const m = auth.memberships.find((x) => x.estateId === issue.estateId);
  if (!m || !STAFF.includes(m.role)) return false;
  return m.role !== 'department' || issue.departmentId === m.departmentId;
}

async function mayAnySee(deps: Deps, auth: Auth, recordIds: readonly string[]): Promise<boolean> {
  for (const id of recordIds) if (await maySeeRecord(deps, auth, id)) return true;
  return false;
}

export function photoRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.uploadPhoto, async (c, { params: { sha } }) => {
    if (!SHA.test(sha)) throw badRequest('sha256: must be a lowercase hex SHA-256', [{ path: 'sha256', message: 'malformed' }]);
    // The body was capped as it streamed (http/body-limit.ts); anonymous uploads are counted per address.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    checkUpload(sha, bytes);
    const author = requestAuthor(c, deps);
    const existing = await deps.store.read.getPhoto(sha);
    // A row whose file went missing is repaired by writing the file again.
    const stored =
      existing && (await deps.blobs.has(sha))
        ? existing
        : { ...(await deps.blobs.put(sha, bytes)), receivedAt: existing?.receivedAt ?? deps.clock() };
    await deps.store.write(async (tx) => {
      await tx.insertPhoto(stored);
      await tx.addPhotoUploader(sha, author, deps.clock());
    });
    return created({ kind: 'photo', sha256: sha, size: stored.size, stored: true });
  });

  route(app, API.photo, async (c, { params: { sha } }) => {
    const auth = requireAuth(c);
    if (!SHA.test(sha) || !(await mayAnySee(deps, auth, await deps.store.read.recordsWithPhoto(sha)))) throw NOT_FOUND();
    return servePhoto(deps, sha);
  });
}
