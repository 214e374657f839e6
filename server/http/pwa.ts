/**
 * Serving the built PWA so a phone on a slow network opens a location fast:
 * - hashed assets (/assets/*) precompressed (brotli, gzip) and cached for a year as immutable;
 * - the shell (index.html, and every app route such as /l/<code>) `no-cache` with an ETag, so a revisit is a 304
 *   (Hono's etag middleware answers it), and with a `Link` header naming its first scripts and stylesheet, so a phone
 *   asks for them as the headers arrive, before it has parsed the page;
 * - /l/<code> carries the location's public data in the page itself, so the first paint needs no second
 *   round trip. It is JSON in a non-executed script tag, escaped so no text can close the tag.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Deps } from '../context.ts';
import { sha256Hex } from '../security/crypto.ts';
import { publicLanding } from '../services/landing.ts';
import type { Env } from './auth.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The built PWA's shell, read once: its HTML, and its Content-Security-Policy (the <meta> tag is the one source). */
export interface Pwa {
  dir: string;
  html: string;
  csp: string | null;
  /** The shell's first scripts and stylesheet as a `Link` header, so a browser asks for them with the headers. */
  preload: string;
}

export function loadPwa(dir: string | null): Pwa | null {
  if (!dir || !existsSync(join(dir, 'index.html'))) return null;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="(\/assets\/[^"]+\.js)"/g)];
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]* href="(\/assets\/[^"]+\.css)"/g)];
  const preload = [
    ...scripts.map((m) => `<${m[1]}>; rel=modulepreload; crossorigin`),
    ...styles.map((m) => `<${m[1]}>; rel=preload; as=style; crossorigin`),
  ].join(', ');
  return { dir, html, csp: /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? null, preload };
}

/** JSON that is safe inside <script>: nothing in it can end the tag or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Encoding = 'br' | 'gzip' | 'identity';

const chosen = (c: Context): Encoding => {
  const accepts = c.req.header('accept-encoding') ?? '';
  return /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : 'identity';
};

/** Compressed once for the shell (best ratio), per request for a location's page (quickly, in the one encoding asked). */
function encode(bytes: Uint8Array, encoding: Encoding, quality: number): Uint8Array {
  if (encoding === 'br') return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } });
  return encoding === 'gzip' ? gzipSync(bytes) : bytes;
}

function sendHtml(c: Context, pwa: Pwa, etagValue: string, encoding: Encoding, body: Uint8Array): Response {
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    etag: etagValue,
    vary: 'Accept-Encoding',
  };
  if (pwa.preload) headers.link = pwa.preload;
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}

export function servePwa(app: Hono<Env>, deps: Deps, pwa: Pwa): void {
  const identity = new TextEncoder().encode(pwa.html);
  const shellTag = `"${sha256Hex(identity).slice(0, 32)}"`;
  const shell: Record<Encoding, Uint8Array> = { identity, br: encode(identity, 'br', 11), gzip: encode(identity, 'gzip', 9) };
  const sendShell = (c: Context) => {
    const encoding = chosen(c);
    return sendHtml(c, pwa, shellTag, encoding, shell[encoding]);
  };

  app.use(
    '/assets/*',
    serveStatic({ root: pwa.dir, precompressed: true, onFound: (_path, c) => void c.header('cache-control', IMMUTABLE) }),
  );
  // Everything else (the shell, the service worker, the manifest, the icons) is revalidated each time: a 304 when unchanged.
  app.use('/*', etag());
  // The shell itself always comes from memory, with the same ETag at every address it answers.
  for (const path of ['/', '/index.html']) app.get(path, sendShell);
  app.use('/*', serveStatic({ root: pwa.dir, precompressed: true, onFound: (_path, c) => void c.header('cache-control', 'no-cache') }));
  app.get('/l/:code', async (c) => {
    const code = c.req.param('code');
    const loc = /^[a-z2-7]{26}$/.test(code) ? await deps.store.read.getLocationByCode(code) : undefined;
    if (!loc?.active) return sendShell(c);
    const data = `<script id="pqm-landing" type="application/json">${scriptJson(await publicLanding(deps, loc))}</script>`;
    const page = new TextEncoder().encode(pwa.html.replace('</head>', `${data}</head>`));
    const encoding = chosen(c);
    return sendHtml(c, pwa, `"${sha256Hex(page).slice(0, 32)}"`, encoding, encode(page, encoding, 5));
  });
  // Every other app route opens the shell.
  app.get('*', sendShell);
}
