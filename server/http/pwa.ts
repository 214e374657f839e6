/**
 * Serving the built PWA so a phone on a slow network opens a location fast:
 * - hashed assets (/assets/*) precompressed (brotli, gzip) and cached for a year as immutable;
 * - the shell (index.html, and every app route such as /l/<code>) `no-cache` with an ETag, so a revisit is a 304;
 * - /l/<code> carries the location's public data in the page itself, so the first paint needs no second
 *   round trip. It is JSON in a non-executed script tag, escaped so no text can close the tag.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Deps } from '../context.ts';
import { sha256Hex } from '../security/crypto.ts';
import { publicLanding } from '../services/landing.ts';
import type { Env } from './auth.ts';
import { etagMatches } from './etag.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** JSON that is safe inside <script>: nothing in it can end the tag or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Page {
  etag: string;
  identity: Uint8Array;
  br: Uint8Array;
  gzip: Uint8Array;
}

function page(html: string): Page {
  const identity = new TextEncoder().encode(html);
  return { etag: `"${sha256Hex(identity).slice(0, 32)}"`, identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) };
}

function sendPage(c: Context, p: Page): Response {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', etag: p.etag, vary: 'Accept-Encoding' };
  if (etagMatches(c.req.header('if-none-match'), p.etag)) return c.body(null, 304, headers);
  const accepts = c.req.header('accept-encoding') ?? '';
  if (/\bbr\b/.test(accepts)) return c.body(p.br as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'br' });
  if (/\bgzip\b/.test(accepts)) return c.body(p.gzip as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
  return c.body(p.identity as Uint8Array<ArrayBuffer>, 200, headers);
}

export function servePwa(app: Hono<Env>, deps: Deps, dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) return;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const shell = page(html);

  app.use('/assets/*', serveStatic({ root: dir, precompressed: true, onFound: (_path, c) => void c.header('cache-control', IMMUTABLE) }));
  // The shell itself always comes from memory, with the same ETag at every address it answers.
  for (const path of ['/', '/index.html']) app.get(path, (c) => sendPage(c, shell));
  // The service worker, the manifest and the icons: revalidated each time, answered 304 when unchanged.
  app.use('/*', etag(), serveStatic({ root: dir, precompressed: true, onFound: (_path, c) => void c.header('cache-control', 'no-cache') }));
  app.get('/l/:code', (c) => {
    const code = c.req.param('code');
    const loc = /^[a-z2-7]{26}$/.test(code) ? deps.store.getLocationByCode(code) : undefined;
    if (!loc || !loc.active) return sendPage(c, shell);
    const data = `<script id="pqm-landing" type="application/json">${scriptJson(publicLanding(deps, loc))}</script>`;
    return sendPage(c, page(html.replace('</head>', `${data}</head>`)));
  });
  // Every other app route opens the shell.
  app.get('*', (c) => sendPage(c, shell));
}
