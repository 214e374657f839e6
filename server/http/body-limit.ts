/**
 * Every body is capped while it streams, before anything buffers it: a JSON body at 256 KB, a photo at
 * 10 MB, and a GET carries none. A declared Content-Length over the cap is refused unread; a chunked body
 * is counted as it arrives and dropped at the first byte over. (Hono's bodyLimit does the same, but grows
 * one buffer by doubling, which costs a 10 MB photo cap ~25 MB of garbage; chunks are joined once here.)
 */
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_PHOTO_BYTES } from '../photos/blob-store.ts';

export const MAX_JSON_BYTES = 256 * 1024;

const tooLarge = (c: Context, message: string) => c.json({ error: message, fields: [] }, 413);

function capped(max: number, message: string): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) return Number(declared) > max ? tooLarge(c, message) : next();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      // What is left of the upload is drained and discarded by the server adapter once the 413 is sent.
      if (size > max) return tooLarge(c, message);
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}

export function capBodies(): MiddlewareHandler {
  const json = capped(MAX_JSON_BYTES, `body is too large (at most ${MAX_JSON_BYTES / 1024} KB)`);
  const photo = capped(MAX_PHOTO_BYTES, `photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      const declared = Number(c.req.header('content-length') ?? '0');
      if (!c.req.header('transfer-encoding') && !(declared > 0)) return next();
      // Node does not hand a GET's body to the app; let it flow to nowhere while the 413 goes out.
      (c.env as { incoming?: { resume(): void } } | undefined)?.incoming?.resume();
      return Promise.resolve(tooLarge(c, 'this request carries no body'));
    }
    return (method === 'PUT' && c.req.path.startsWith('/api/photos/') ? photo : json)(c, next);
  };
}
