/**
 * Photo upload (content-addressed, before or after the record) and download. Sending the bytes makes the
 * sender an uploader, who may then cite the photo; a photo is shown to whoever may see a record that
 * rightly cites it (photos/authors.ts). Knowing a hash reveals nothing: an unknown and an unreadable photo
 * answer alike.
 */
import type { Context, Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { HttpError, badRequest } from '../http/errors.ts';
import { created, raw, route, type Raw } from '../http/contract.ts';
import { requestAuthor } from '../photos/authors.ts';
import { acceptPhoto, maySeePhoto } from '../services/photos.ts';
import { acceptVideoPart, videoProgress } from '../services/videos.ts';

const SHA = /^[0-9a-f]{64}$/;
const NOT_FOUND = () => new HttpError(404, 'photo not found (not uploaded yet?)');

/** A photo, or a clip with its own type; a clip answers byte ranges, which players ask for to seek. */
export async function servePhoto(deps: Deps, sha: string, range?: string): Promise<Raw> {
  const meta = SHA.test(sha) ? await deps.store.read.getPhoto(sha) : undefined;
  const mediaType = meta?.mediaType ?? 'image/jpeg';
  const bytes = SHA.test(sha) ? await deps.blobs.get(sha, mediaType) : null;
  if (!bytes) throw NOT_FOUND();
  const headers: Record<string, string> = {
    'content-type': mediaType,
    'cache-control': 'private, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
  };
  const span = range ? byteRange(range, bytes.length) : null;
  if (span === 'unsatisfiable') return raw(new Response(null, { status: 416, headers: { 'content-range': `bytes */${bytes.length}` } }));
  if (!span) return raw(new Response(new Uint8Array(bytes), { headers }));
  const [start, end] = span;
  headers['content-range'] = `bytes ${start}-${end}/${bytes.length}`;
  return raw(new Response(new Uint8Array(bytes.subarray(start, end + 1)), { status: 206, headers }));
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range, inclusive; null (the whole file) for anything else. */
export function byteRange(header: string, length: number): [number, number] | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const [start, end] =
    m[1] === ''
      ? [Math.max(0, length - Number(m[2])), length - 1]
      : [Number(m[1]), m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1)];
  return start > end || start >= length ? 'unsatisfiable' : [start, end];
}

/** Where a part goes: its first byte and the whole clip's size, both in the query. */
function placeOf(c: Context<Env>): { from: number; size: number } {
  const from = c.req.query('from');
  const size = c.req.query('size');
  if (from === undefined || size === undefined)
    throw badRequest("from and size: each part says its first byte and the whole clip's size (?from=&size=)", [
      { path: from === undefined ? 'from' : 'size', message: 'missing' },
    ]);
  return { from: Number(from), size: Number(size) };
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
    return servePhoto(deps, sha, c.req.header('range'));
  });

  // A clip, part by part; the body was capped at a part's size as it streamed (http/body-limit.ts).
  route(app, API.uploadVideoPart, async (c, { params: { sha } }) => {
    if (!SHA.test(sha)) throw badRequest('sha256: must be a lowercase hex SHA-256', [{ path: 'sha256', message: 'malformed' }]);
    const place = placeOf(c);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return acceptVideoPart(deps, sha, { ...place, bytes }, requestAuthor(c, deps));
  });

  route(app, API.videoProgress, async (c, { params: { sha } }) => {
    if (!SHA.test(sha)) throw badRequest('sha256: must be a lowercase hex SHA-256', [{ path: 'sha256', message: 'malformed' }]);
    return videoProgress(deps, sha, requestAuthor(c, deps));
  });
}
