/** Headers that keep the PWA's pages from being framed or running injected script, as headers and not only <meta>. */
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

  it('API answers allow nothing to load and no framing', async () => {
    const r = await server.call(API.estates, {});
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('no HSTS over plain HTTP (browsers ignore it there, and a test origin must not be pinned)', async () => {
    expect((await server.request('GET', '/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});
