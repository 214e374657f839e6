/**
 * API answers of 1 KB or more go out gzipped. Hono's compress middleware streams every answer whose length it does
 * not know (all of c.json's) through a CompressionStream, even a 200-byte sync receipt: 7 % of the server's CPU
 * under ingest. Our answers are in memory already, so we look at the size and gzip only what is worth it.
 */
import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';

// A large answer (a CSV export) is gzipped on libuv's thread pool, so it never stalls the requests behind it. A small
// one (a supervisor's alerts: 48 KB in 0.4 ms) is gzipped at once: the trip to the pool and back costs more than that.
const gzipLarge = promisify(gzipCallback);
const AT_ONCE_BELOW = 128 * 1024;
const gzip = (body: Uint8Array) => (body.length < AT_ONCE_BELOW ? gzipSync(body, { level: 6 }) : gzipLarge(body, { level: 6 }));

const TEXTUAL = /^(application\/(json|javascript)|text\/)/i;

export function compressAnswers(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (
      c.req.method === 'HEAD' ||
      res.headers.has('content-encoding') ||
      !TEXTUAL.test(type) ||
      /no-transform/i.test(res.headers.get('cache-control') ?? '')
    )
      return;
    const length = res.headers.get('content-length');
    // Reading an answer's body back costs more than a sync receipt's whole answer: one known to be small goes as it is.
    if (length !== null && Number(length) < threshold) {
      res.headers.append('vary', 'Accept-Encoding');
      return;
    }
    if (!res.body) return;
    // Read after the body: reading it makes the answer anew, with headers of its own. Changed on those, as Hono copies
    // the old answer's headers onto the one that replaces it.
    const headers = res.headers;
    headers.append('vary', 'Accept-Encoding');
    let body = new Uint8Array(await res.arrayBuffer());
    if (body.length >= threshold && /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
      body = new Uint8Array(await gzip(body));
      headers.set('content-encoding', 'gzip');
      // The bytes differ from the identity answer's: the tag becomes weak, as HTTP asks.
      const tag = headers.get('etag');
      if (tag && !tag.startsWith('W/')) headers.set('etag', `W/${tag}`);
    }
    headers.set('content-length', String(body.length));
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
