/**
 * API answers of 1 KB or more go out gzipped. Hono's compress middleware streams every answer whose length it does
 * not know (all of c.json's) through a CompressionStream, even a 200-byte sync receipt: 7 % of the server's CPU
 * under ingest. Our answers are in memory already, so we look at the size and gzip only what is worth it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';

/** Smaller answers go as they are: gzip's header and the work cost more than they save. */
const WORTH_IT = 1024;

// A large answer (a CSV export) is gzipped on libuv's thread pool, so it never stalls the requests behind it. A small
// one (a supervisor's alerts: 48 KB in 0.4 ms) is gzipped at once: the trip to the pool and back costs more than that.
const gzipLarge = promisify(gzipCallback);
const AT_ONCE_BELOW = 128 * 1024;
const gzip = (body: Uint8Array) => (body.length < AT_ONCE_BELOW ? gzipSync(body, { level: 6 }) : gzipLarge(body, { level: 6 }));

const TEXTUAL = /^(application\/(json|javascript)|text\/)/i;
/** A gzipped answer's bytes differ from the identity answer's: its tag becomes weak, as HTTP asks. */
const weak = (tag: string) => (tag.startsWith('W/') ? tag : `W/${tag}`);
const takesGzip = (c: Context) => /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
const strong = (tag: string) => tag.replace(/^W\//, '');
/** The caller holds this answer already (If-None-Match, compared weakly): it gets a bodiless 304 from etag(). */
const holds = (c: Context, tag: string) =>
  (c.req.header('if-none-match') ?? '').split(',').some((t) => t.trim() === '*' || strong(t.trim()) === strong(tag));

/**
 * A text answer made in memory (JSON, a CSV), gzipped here when it is worth it and the caller takes gzip, with its
 * length. Its bytes then go straight to the socket: an answer left to compressAnswers was read back through a stream
 * and made anew (about 0.4 ms of a supervisor's 41 KB poll).
 */
export async function textAnswer(
  c: Context,
  text: string,
  status: ContentfulStatusCode,
  headers: Record<string, string>,
): Promise<Response> {
  const out: Record<string, string> = { ...headers, vary: 'Accept-Encoding' };
  // Measured, not copied: a sync receipt goes out as the text it is.
  const length = Buffer.byteLength(text);
  const zip = length >= WORTH_IT && takesGzip(c);
  // A gzipped answer's tag is weak, and its 304 carries the same tag.
  if (zip && out.etag) out.etag = weak(out.etag);
  // An unchanged poll: its body is thrown away for the 304, so it is not gzipped first.
  if (!zip || (out.etag && holds(c, out.etag))) {
    out['content-length'] = String(length);
    return c.body(text, status, out);
  }
  const zipped = new Uint8Array(await gzip(Buffer.from(text)));
  out['content-encoding'] = 'gzip';
  out['content-length'] = String(zipped.length);
  return c.body(zipped, status, out);
}

/** What no route made with textAnswer (an error's JSON, a 404): read back, and gzipped the same way when worth it. */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (
      c.req.method === 'HEAD' ||
      // Stated already: textAnswer's (compressed if it was worth it), or a file's.
      res.headers.has('content-encoding') ||
      res.headers.has('content-length') ||
      !TEXTUAL.test(type) ||
      /no-transform/i.test(res.headers.get('cache-control') ?? '') ||
      !res.body
    )
      return;
    // Read after the body: reading it makes the answer anew, with headers of its own. Changed on those, as Hono copies
    // the old answer's headers onto the one that replaces it.
    const headers = res.headers;
    headers.append('vary', 'Accept-Encoding');
    let body = new Uint8Array(await res.arrayBuffer());
    if (body.length >= WORTH_IT && takesGzip(c)) {
      body = new Uint8Array(await gzip(body));
      headers.set('content-encoding', 'gzip');
      const tag = headers.get('etag');
      if (tag) headers.set('etag', weak(tag));
    }
    headers.set('content-length', String(body.length));
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
