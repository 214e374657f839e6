/**
 * Photo upload (content-addressed, before or after the record) and download. Sending the bytes makes the
 * sender an uploader, who may then cite the photo; a photo is shown to whoever may see a record that
 * rightly cites it (photos/authors.ts). Knowing a hash reveals nothing: an unknown and an unreadable photo
 * answer alike.
 */
import type { Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { HttpError, badRequest } from '../http/errors.ts';
import { created, raw, route, type Raw } from '../http/contract.ts';
import { requestAuthor } from '../photos/authors.ts';
import { acceptPhoto, maySeePhoto } from '../services/photos.ts';

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

export function photoRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.uploadPhoto, async (c, { params: { sha } }) => {
    if (!SHA.test(sha)) throw badRequest('sha256: must be a lowercase hex SHA-256', [{ path: 'sha256', message: 'malformed' }]);
    // The body was capped as it streamed (http/body-limit.ts); anonymous uploads are counted per address.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return created(await acceptPhoto(deps, sha, bytes, requestAuthor(c, deps)));
  });

  route(app, API.photo, async (c, { params: { sha } }) => {
    const auth = requireAuth(c);
    if (!SHA.test(sha) || !(await maySeePhoto(deps, auth.memberships, sha))) throw NOT_FOUND();
    return servePhoto(deps, sha);
  });
}
