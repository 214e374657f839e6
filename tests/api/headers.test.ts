/** Headers that keep the PWA's pages from being framed or running injected script, as headers and not only <meta>. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ staticDir: join(projectRoot(), 'dist/kiosk') });
});
afterAll(() => server.close());

describe('security headers', () => {
  it("the PWA's pages carry its Content-Security-Policy as a header, which also forbids framing", async () => {
    const r = await server.request('GET', '/l/abcdefghijklmnopqrstuvwxyz');
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.text).toContain(csp.replace("; frame-ancestors 'none'", ''));
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("the shell's one inline script (the early landing request) runs by its hash, and no other inline script may", async () => {
    const r = await server.request('GET', '/l/abcdefghijklmnopqrstuvwxyz');
    const csp = r.headers.get('content-security-policy') ?? '';
    const inline = [...r.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('/api/locations/by-code/');
    const allowed = /script-src ([^;]+)/.exec(csp)?.[1].split(' ');
    expect(allowed).toEqual(["'self'", `'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`]);
  });

  it('API answers allow nothing to load and no framing', async () => {
    const r = await server.call(API.estates, {});
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('no HSTS over plain HTTP (browsers ignore it there, and a test origin must not be pinned)', async () => {
    expect((await server.request('GET', '/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});
