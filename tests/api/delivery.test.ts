/**
 * How the PWA reaches a phone on a slow network: precompressed, cached by hash, and a location page that
 * carries its own public data (safely) so the first paint needs one round trip.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

const DIST = join(projectRoot(), 'dist/kiosk');
let server: TestServer;
let code: string;
beforeAll(async () => {
  server = await startTestServer({ staticDir: DIST });
  code = (await server.running.deps.store.read.getLocation('b2-lobby'))!.code;
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { headers: { 'accept-encoding': 'br, gzip', ...headers } });

describe('the PWA over a slow network', () => {
  it('hashed assets come precompressed (brotli, else gzip) and cached for a year', async () => {
    const asset = readdirSync(join(DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
    const br = await get(`/assets/${asset}`);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gz = await get(`/assets/${asset}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toContain('import');
  });

  it('the shell is revalidated every time and answered 304 when unchanged', async () => {
    const first = await get('/');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get('/outbox', { 'if-none-match': tag })).status).toBe(304);
    expect((await get('/sw.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it("a location's page carries its public data, escaped so that no text can end the script tag", async () => {
    await server.call(API.reportProblem, {
      json: { id: randomUUID(), locationCode: code, category: 'hygiene', description: '</script><script>alert(1)</script>' },
    });
    const page = await get(`/l/${code}?q=1`, { 'accept-encoding': 'identity' });
    const html = await page.text();
    const data = /<script id="pqm-landing" type="application\/json">(.*?)<\/script>/.exec(html)?.[1];
    expect(data).toBeDefined();
    expect(data).not.toContain('<');
    const landing = JSON.parse(data!);
    expect(landing.location).toMatchObject({ code, name: { en: 'Building 2 lobby' } });
    expect(landing.openReports.length).toBeGreaterThan(0);
    // Public data only: never anyone's words.
    expect(html).not.toContain('alert(1)');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it("a location's page preloads what it needs and nothing it does not: no QR decoder, no kiosk page, no schemas", async () => {
    const html = await (await get(`/l/${code}`, { 'accept-encoding': 'identity' })).text();
    const loaded = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(loaded.some((f) => /\/index-.*\.js$/.test(f))).toBe(true);
    expect(loaded.filter((f) => /jsQR|KioskPage|SurveyPage|NoticesPage|workbox/.test(f))).toEqual([]);
    // The contract's schemas (and the validator under them) load with the outbox, after the first paint: a schema's
    // message such as "must be a UUID" is in none of the first scripts.
    const scripts = await Promise.all(
      loaded.filter((f) => f.endsWith('.js')).map(async (f) => (await get(f, { 'accept-encoding': 'identity' })).text()),
    );
    expect(scripts.filter((js) => js.includes('must be a UUID'))).toEqual([]);
  });

  it("a location's page names its first scripts and stylesheet in a Link header, so they are asked for with the headers", async () => {
    const page = await get(`/l/${code}`, { 'accept-encoding': 'identity' });
    const html = await page.text();
    const inHtml = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]).sort();
    const linked = [...(page.headers.get('link') ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]).sort();
    expect(linked).toEqual(inHtml);
    expect(page.headers.get('link')).toMatch(/rel=modulepreload/);
    expect((await get('/')).headers.get('link')).toBe(page.headers.get('link'));
  });

  it('an unknown code gets the plain shell, which says so itself', async () => {
    const html = await (await get('/l/aaaaaaaaaaaaaaaaaaaaaaaaaa', { 'accept-encoding': 'identity' })).text();
    expect(html).not.toContain('pqm-landing');
    expect(html).toContain('<div id="app">');
  });

  it('JSON answers over 1 KB travel gzipped, and an alerts poll still gets its 304 through the weak ETag', async () => {
    const token = await server.login('supervisor');
    const r = await fetch(`${server.url}/api/estates/demo-gardens/alerts`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    const tag = r.headers.get('etag')!;
    expect(tag.startsWith('W/')).toBe(true);
    const again = await fetch(`${server.url}/api/estates/demo-gardens/alerts`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip', 'if-none-match': tag },
    });
    expect(again.status).toBe(304);
  });

  it('an answer under 1 KB goes as it is with its length, and one over it arrives whole, gzipped', async () => {
    const token = await server.login('supervisor');
    const small = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    const smallBody = new Uint8Array(await small.arrayBuffer());
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(Number(small.headers.get('content-length'))).toBe(smallBody.length);
    expect(small.headers.get('vary')).toContain('Accept-Encoding');

    // A contract route's JSON over 1 KB: its length must be the gzipped one, or the reader waits for bytes that never come.
    const large = await fetch(`${server.url}/api/estates/demo-gardens/field-kit`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    expect([large.status, large.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    const text = await large.text();
    expect(text.length).toBeGreaterThan(1024);
    expect(JSON.parse(text).locations.length).toBeGreaterThan(0);
  });
});
