/** A code or link that leads nowhere still tells an owner whom to call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, formatShortCode } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('help when a code leads nowhere', () => {
  it('a replaced sticker names its estate and service phone; an unknown code, with two estates in service, lists both to choose from', async () => {
    const admin = await server.login('admin');
    const params = { estateId: 'demo-gardens' };
    await server.call(API.updateEstate, {
      params,
      token: admin,
      json: { name: { zh: '示范花园', en: 'Demo Gardens' }, timeZone: 'Asia/Shanghai', households: 412, servicePhone: '021-5555 0100' },
    });
    const old = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
    expect((await server.call(API.revokeCode, { params: { ...params, id: 'b1-lobby' }, token: admin })).status).toBe(200);
    expect((await server.call(API.landing, { params: { code: old } })).status).toBe(404);
    const help = await server.call(API.serviceHelp, { query: { code: old } });
    expect(help.body).toEqual({
      company: null,
      estates: [{ id: 'demo-gardens', name: { zh: '示范花园', en: 'Demo Gardens' }, servicePhone: '021-5555 0100' }],
    });
    // No estate to name: the owner picks theirs (each in service, by name and phone), for a call or a report with no code.
    const inService = (await server.running.deps.store.read.listEstates()).filter((e) => e.archivedAt === null);
    expect(inService.length).toBeGreaterThanOrEqual(2);
    for (const code of ['a'.repeat(26), '<script>']) {
      const listed = (await server.call(API.serviceHelp, { query: { code } })).body.estates;
      expect(listed.map((e) => e.id).sort()).toEqual(inService.map((e) => e.id).sort());
    }
  });

  it('the ten characters printed under a label find its location; ten that match none are not found', async () => {
    const loc = (await server.running.deps.store.read.getLocation('pump-room'))!;
    const found = await server.call(API.byShortCode, { params: { short: formatShortCode(loc.code) } });
    expect(found.body).toEqual({ code: loc.code });
    expect((await server.call(API.byShortCode, { params: { short: 'zzzzz-zzzzz' } })).status).toBe(404);
    expect((await server.call(API.byShortCode, { params: { short: 'abc' } })).status).toBe(404);
  });
});
