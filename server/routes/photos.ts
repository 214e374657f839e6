/** Photo upload (content-addressed, before or after the record) and download for those allowed to see it. */
import { Hono } from 'hono';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { clientIp } from '../http/client.ts';
import { HttpError, badRequest, forbidden } from '../http/errors.ts';
import { MAX_PHOTO_BYTES } from '../photos/blob-store.ts';

const SHA = /^[0-9a-f]{64}$/;

export async function servePhoto(deps: Deps, sha: string): Promise<Response> {
  const bytes = SHA.test(sha) ? await deps.blobs.get(sha) : null;
  if (!bytes) throw new HttpError(404, 'photo not found (not uploaded yet?)');
  return new Response(new Uint8Array(bytes), {
    headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
  });
}

/** Estates whose records refer to this photo. */
function estatesOfPhoto(deps: Deps, sha: string): Set<string> {
  const estates = new Set<string>();
  for (const id of deps.store.recordsWithPhoto(sha)) {
    const estate = deps.store.getInspection(id)?.estateId ?? deps.store.getIssue(id)?.estateId;
    if (estate) estates.add(estate);
  }
  return estates;
}

export function photoRoutes(deps: Deps) {
  return new Hono<Env>()
    .put('/:sha', async (c) => {
      const sha = c.req.param('sha');
      if (!SHA.test(sha)) throw badRequest('sha256: must be a lowercase hex SHA-256', [{ path: 'sha256', message: 'malformed' }]);
      // Owners upload without an account, so anonymous uploads are rate-limited per address.
      if (!c.get('auth')) deps.limiter.hit(`photo-ip:${clientIp(c, deps)}`, 30, 10 * 60_000, deps.clock(), 'too many photos from this device, try again later');
      const declared = Number(c.req.header('content-length') ?? '0');
      if (declared > MAX_PHOTO_BYTES) throw new HttpError(413, `photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
      const existing = deps.store.getPhoto(sha);
      if (existing) return c.json({ kind: 'photo', sha256: sha, size: existing.size, stored: true });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const stored = await deps.blobs.put(sha, bytes);
      deps.store.tx(() => deps.store.insertPhoto({ ...stored, receivedAt: deps.clock() }));
      return c.json({ kind: 'photo', sha256: sha, size: stored.size, stored: true }, 201);
    })
    .get('/:sha', async (c) => {
      const auth = requireAuth(c);
      const sha = c.req.param('sha');
      const estates = estatesOfPhoto(deps, sha);
      if (!auth.memberships.some((m) => estates.has(m.estateId))) throw forbidden('not a photo of your estates');
      return servePhoto(deps, sha);
    });
}
