/**
 * API answers of 1 KB or more go out gzipped. Hono's compress middleware streams every answer whose length it does
 * not know (all of c.json's) through a CompressionStream, even a 200-byte sync receipt: 7 % of the server's CPU
 * under ingest. Our answers are in memory already, so we look at the size and gzip only what is worth it.
 */
import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

// On libuv's thread pool: a large CSV export never stalls the requests behind it.
const gzip = promisify(gzipCallback);

const TEXTUAL = /^(application\/(json|javascript)|text\/)/i;

export function compressAnswers(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (
      !res.body ||
      c.req.method === 'HEAD' ||
      res.headers.has('content-encoding') ||
      !TEXTUAL.test(type) ||
      /no-transform/i.test(res.headers.get('cache-control') ?? '')
    )
      return;
    // Changed on the answer's own headers: Hono copies the old answer's headers onto the one that replaces it.
    const headers = res.headers;
    headers.append('vary', 'Accept-Encoding');
    let body = new Uint8Array(await res.arrayBuffer());
    if (body.length >= threshold && /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) {
      body = new Uint8Array(await gzip(body, { level: 6 }));
      headers.set('content-encoding', 'gzip');
      // The bytes differ from the identity answer's: the tag becomes weak, as HTTP asks.
      const tag = headers.get('etag');
      if (tag && !tag.startsWith('W/')) headers.set('etag', `W/${tag}`);
    }
    headers.set('content-length', String(body.length));
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
