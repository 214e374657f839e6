/** Figures that must match a recount at the edges: capped lists, midnight, month ends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

const H = 3_600_000;
let server: TestServer;
beforeAll(async () => {
  // 10:00 on Sunday 29 November 2026 in Shanghai, the moment the estates were set up.
  server = await startTestServer({ now: Date.parse('2026-11-29T02:00:00Z'), estatesSince: Date.parse('2026-11-29T02:00:00Z') });
});
afterAll(() => server.close());

const alerts = async () =>
  (await server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: await server.login('supervisor') })).body;

describe('counts never come from a capped list', () => {
  it('60 findings left unfixed for five days are all counted escalated, though the list shows 50', async () => {
    const wang = await server.login('wang');
    for (let i = 0; i < 60; i++) {
      const r = await server.call(API.submitInspection, {
        token: wang,
        json: inspection('lift', 'b1-lift-a', server.clock.now - i * 60_000, failItem('certificate', `年检合格证过期 ${i}`)),
      });
      expect(r.status).toBe(201);
    }
    server.clock.advance(5 * 24 * H);
    const a = await alerts();
    expect(a.overdue).toHaveLength(50);
    expect(a.counts.overdue).toBe(60);
    expect(a.counts.escalated).toBe(60);
  });
});

describe('one boundary for "today"', () => {
  it("at 00:30 the fire points' 09:00 round that closed at midnight was yesterday's: missed today is 0 in the alerts and on the page", async () => {
    server.clock.now = Date.parse('2026-12-01T16:30:00Z'); // 00:30 on 2 December in Shanghai
    const a = await alerts();
    const fireMissed = a.missed.filter((m: { kind: string }) => m.kind === 'fire_point');
    expect(fireMissed).toEqual([]);
    const code = (await server.running.deps.store.read.getLocation('b1-fire'))!.code;
    const page = await server.request('GET', `/api/locations/by-code/${code}`, { token: await server.login('wang') });
    expect(page.body.staff.missedToday).toBe(0);
    expect(page.body.staff.slots.every((s: { start: number }) => s.start >= Date.parse('2026-12-01T16:00:00Z'))).toBe(true);
  });
});

describe('a past period is judged by what was in force then', () => {
  const patrols = async (query: string) =>
    (await server.request('GET', `/api/estates/demo-gardens/analysis/patrols?${query}`, { token: await server.login('supervisor') })).body;
  const fireRow = (data: { byLocation: { key: string; scheduled: number }[] }) => data.byLocation.find((r) => r.key === 'b1-fire');

  it('nothing is owed before the estate existed (it was created at 10:00 on 29 November)', async () => {
    expect((await patrols('from=2026-11-01&to=2026-11-28')).total.scheduled).toBe(0);
  });

  it("a schedule changed today leaves yesterday's figures as they were", async () => {
    server.clock.now = Date.parse('2026-12-01T02:00:00Z'); // 10:00 on 1 December
    const before = await patrols('from=2026-11-30&to=2026-11-30');
    expect(fireRow(before)?.scheduled).toBe(1);
    const admin = await server.login('admin');
    const loc = (await server.running.deps.store.read.getLocation('b1-fire'))!;
    const r = await server.call(API.changeLocation, {
      params: { estateId: 'demo-gardens', id: 'b1-fire' },
      token: admin,
      json: {
        buildingId: loc.buildingId,
        kind: loc.kind,
        name: loc.name,
        schedule: { kind: 'dailyAt', times: ['09:00', '13:00', '17:00'] },
      },
    });
    expect(r.status).toBe(200);
    expect(fireRow(await patrols('from=2026-11-30&to=2026-11-30'))?.scheduled).toBe(1);
    expect(await patrols('from=2026-11-30&to=2026-11-30')).toEqual(before);
    // On the day of the change: the old 09:00 round (before 10:00), then the new schedule's 13:00 and 17:00.
    server.clock.now = Date.parse('2026-12-01T16:00:00Z'); // midnight ending 1 December
    expect(fireRow(await patrols('from=2026-12-01&to=2026-12-01'))?.scheduled).toBe(3);
  });
});

describe('a location owes nothing from before it existed, on every screen', () => {
  it('a lobby added at 10:00 has not missed the 07:00 and 09:00 rounds: not in the alerts, not on its page', async () => {
    server.clock.now = Date.parse('2026-12-02T02:00:00Z'); // 10:00 on 2 December
    const admin = await server.login('admin');
    const created = await server.call(API.addLocation, {
      params: { estateId: 'demo-gardens' },
      token: admin,
      json: { buildingId: 'b1', kind: 'lobby', name: { zh: '1号楼侧门', en: 'Building 1 side door' } },
    });
    expect(created.status).toBe(201);
    const a = await alerts();
    expect(a.missed.filter((m: { locationId: string }) => m.locationId === created.body.id)).toEqual([]);
    const page = await server.request('GET', `/api/locations/by-code/${created.body.code}`, { token: await server.login('wang') });
    expect(page.body.staff.missedToday).toBe(0);
    expect(page.body.staff.slots.map((s: { start: number }) => s.start)[0]).toBeGreaterThanOrEqual(server.clock.now);
  });
});
