import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, clockOffset } from './http.ts';

const HOUR = 3_600_000;
/** The phone's localStorage, in memory (the tests run in Node). */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, String(v)), removeItem: (k) => void m.delete(k) };
}
beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe("the phone's clock offset", () => {
  it("is measured from our server's Date header, and sent with every request as the phone's time", async () => {
    const sent: Record<string, string>[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init.headers as Record<string, string>);
      return Response.json({ ok: true }, { headers: { date: new Date(Date.now() - HOUR).toUTCString() } });
    });
    expect(clockOffset()).toBeNull();
    await api('/api/auth/me');
    expect(Math.abs((clockOffset() ?? 0) + HOUR)).toBeLessThan(2000);
    expect(Math.abs(Number(sent[0]['x-pqm-device-time']) - Date.now())).toBeLessThan(2000);
  });

  it("a proxy's HTML page does not set it", async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response('<html></html>', { status: 403, headers: { 'content-type': 'text/html', date: new Date(0).toUTCString() } }),
    );
    await api('/api/auth/me').catch(() => null);
    expect(clockOffset()).toBeNull();
  });
});
