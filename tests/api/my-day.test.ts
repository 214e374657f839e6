import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/index.ts';
import { inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const params = { estateId: 'demo-gardens' };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("an inspector's day (我的今日)", () => {
  it("lists today's rounds across the estate, soonest first, with each one's status now", async () => {
    const r = await server.call(API.myDay, { params, token: await server.login('wang') });
    expect(r.status).toBe(200);
    const starts = r.body.rounds.map((x) => x.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Monday 09:00: the lobbies' 07:00 hygiene round is missed, their 09:00 one is due.
    const lobby = r.body.rounds.filter((x) => x.locationId === 'b1-lobby');
    expect(lobby.map((x) => x.status).slice(0, 2)).toEqual(['missed', 'due']);
    expect(new Set(r.body.rounds.map((x) => x.locationId)).size).toBeGreaterThan(10);
  });

  it('a round done now shows done', async () => {
    const token = await server.login('wang');
    await server.call(API.submitInspection, { token, json: inspection('lobby', 'b1-lobby', server.clock.now) });
    const lobby = (await server.call(API.myDay, { params, token })).body.rounds.filter((x) => x.locationId === 'b1-lobby');
    expect(lobby[1].status).toBe('done');
  });

  it('is for those who patrol: department staff and other estates are refused', async () => {
    expect((await server.call(API.myDay, { params, token: await server.login('cleaning') })).status).toBe(403);
    expect((await server.call(API.myDay, { params: { estateId: 'riverside' }, token: await server.login('wang') })).status).toBe(403);
  });

  it("at 00:30 in the estate's zone the day is the estate's new day, with last night's open round in it", async () => {
    const night = await startTestServer({ now: Date.parse('2026-03-01T16:30:00Z') }); // 00:30, 2 March, Shanghai
    try {
      const day = (await night.call(API.myDay, { params, token: await night.login('wang') })).body;
      expect(day.date).toBe('2026-03-02');
      const gate = day.rounds.filter((x) => x.locationId === 'main-gate');
      // The gate's 22:00 round of 1 March (due until 01:00) is still open at 00:30: it is today's first.
      expect(gate[0]).toMatchObject({ key: '2026-03-01#4', status: 'due' });
    } finally {
      await night.close();
    }
  });
});
