/** 巡更路线: routes, rounds judged as they arrive, and the route figures, over real HTTP on both engines. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, fromLocal, routeFigures, routeSlots, toLocal, type RouteInput, type ScanMethod } from '../../shared/index.ts';
import { sweep } from '../../server/services/reminders.ts';
import { startRobots } from '../support/robots.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const estateId = 'demo-gardens';
const TZ = 'Asia/Shanghai';
const MIN = 60_000;
const NIGHT: RouteInput = {
  name: { zh: '夜间巡更', en: 'Night round' },
  checkpoints: ['main-gate', 'carpark', 'pump-room', 'b2-stairs'],
  schedule: { kind: 'interval', everyHours: 2, from: '22:00', to: '06:00' },
  legMinutes: { min: 2, max: 20 },
  active: true,
};
let lastNight: number;

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  // 22:00 on the estate's evening before the test's clock.
  const today = toLocal(server.clock.now, TZ);
  lastNight = fromLocal(today, 22 * 60, TZ) - 86_400_000;
});
afterAll(() => server.close());

const round = (offsets: [string, number][], method: ScanMethod = 'printed_code') => ({
  id: randomUUID(),
  scans: offsets.map(([locationId, m]) => ({ locationId, at: lastNight + m * MIN, method })),
});

describe('guard patrol routes (巡更路线)', () => {
  it('the quality team sets a route up; checkpoints must be places of the estate, each once; guards cannot', async () => {
    const sup = await server.login('supervisor');
    const params = { estateId, id: 'night' };
    const saved = await server.call(API.saveRoute, { params, token: sup, json: NIGHT });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ id: 'night', estateId, checkpoints: NIGHT.checkpoints });
    const unknown = await server.call(API.saveRoute, { params, token: sup, json: { ...NIGHT, checkpoints: ['main-gate', 'moon'] } });
    expect(unknown).toMatchObject({ status: 400, body: { fields: [{ path: 'checkpoints[1]', rule: 'unknown' }] } });
    const twice = await server.call(API.saveRoute, { params, token: sup, json: { ...NIGHT, checkpoints: ['main-gate', 'main-gate'] } });
    expect(twice.status).toBe(400);
    expect((await server.call(API.saveRoute, { params, token: await server.login('wang'), json: NIGHT })).status).toBe(403);
    const listed = await server.call(API.routes, { params: { estateId }, token: await server.login('wang') });
    expect(listed.body.routes.map((r) => r.id)).toEqual(['night']);
  });

  it('a round walked in order is complete; one with a checkpoint skipped is flagged and names it; a retry is one round', async () => {
    const wang = await server.login('wang');
    const params = { estateId, id: 'night' };
    const good = round([
      ['main-gate', 5],
      ['carpark', 10],
      ['pump-room', 16],
      ['b2-stairs', 22],
    ]);
    const first = await server.call(API.submitRound, { params, token: wang, json: good });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toEqual({ kind: 'routeRound', id: good.id, complete: true, skipped: [], flags: [] });
    expect((await server.call(API.submitRound, { params, token: wang, json: good })).body).toEqual(first.body);
    const skipped = round(
      [
        ['main-gate', 125],
        ['pump-room', 131],
        ['b2-stairs', 132],
      ],
      'nfc',
    );
    const flagged = await server.call(API.submitRound, { params, token: wang, json: skipped });
    expect(flagged.body).toMatchObject({ complete: false, skipped: ['carpark'], flags: ['skipped', 'tooFast'] });
    expect(
      (await server.call(API.submitRound, { params: { estateId, id: 'nowhere' }, token: wang, json: round([['main-gate', 1]]) })).status,
    ).toBe(404);
    expect(
      (await server.call(API.submitRound, { params, token: await server.login('cleaning'), json: round([['main-gate', 1]]) })).status,
    ).toBe(403);
  });

  it("the route's figures are a recount of its rounds against its slots, with skips by checkpoint and by guard", async () => {
    const sup = await server.login('supervisor');
    const from = lastNight;
    const to = server.clock.now;
    const answer = await server.call(API.routeAnalysis, {
      params: { estateId },
      query: { from: String(from), to: String(to) },
      token: sup,
    });
    expect(answer.status, answer.text).toBe(200);
    const night = answer.body.routes.find((r) => r.route.id === 'night')!;
    const rounds = (await server.running.deps.store.read.roundsBetween(estateId, from, to)).filter((r) => r.routeId === 'night');
    const recount = routeFigures(routeSlots(night.route, TZ, rounds, from, to, server.clock.now), rounds);
    expect(night.figures.completion).toEqual(recount.completion);
    expect(night.figures).toMatchObject({ rounds: 2, flagged: 1, skipsByCheckpoint: [{ locationId: 'carpark', skips: 1 }] });
    expect(night.figures.completion).toMatchObject({ scheduled: 4, done: 1, missed: 3 });
    expect(night.figures.byGuard).toEqual([
      { guardId: 'u-wang', name: expect.stringContaining('王'), rounds: 2, complete: { count: 1, of: 2, rate: 0.5 }, flagged: 1 },
    ]);
  });

  it("the supervisors' alerts count today's missed rounds in the badge and list them by route", async () => {
    const alerts = (await server.call(API.alerts, { params: { estateId }, token: await server.login('supervisor') })).body;
    // Last night: 22:00–00:00 was walked whole; 00:00–02:00 had a checkpoint skipped; 02:00–06:00 nobody came. The first
    // closed at midnight, yesterday; the other three are today's.
    expect(alerts.counts.missedRounds).toBe(3);
    expect(alerts.missedRounds?.map((r) => [r.routeId, r.start - lastNight])).toEqual([
      ['night', 120 * MIN],
      ['night', 240 * MIN],
      ['night', 360 * MIN],
    ]);
    expect(alerts.counts.badge).toBeGreaterThanOrEqual(3);
  });

  it("a round from a phone an hour fast is put on the server's clock, so it fills the slot it was walked in", async () => {
    const wang = await server.login('wang');
    const fast = 60 * MIN;
    const walked = round([
      ['main-gate', 365 + 60],
      ['carpark', 370 + 60],
      ['pump-room', 375 + 60],
      ['b2-stairs', 380 + 60],
    ]);
    const r = await server.call(API.submitRound, {
      params: { estateId, id: 'night' },
      token: wang,
      json: walked,
      headers: { 'x-pqm-device-time': String(server.clock.now + fast) },
    });
    expect(r.body).toMatchObject({ complete: true });
    const stored = (await server.running.deps.store.read.roundsBetween(estateId, lastNight, server.clock.now)).find(
      (x) => x.id === walked.id,
    );
    expect(stored?.startedAt).toBe(lastNight + 365 * MIN);
  });
});

describe('missed guard rounds are news', () => {
  it("the quality team's hourly missed-rounds message names each guard round missed today, by route and hour", async () => {
    const robots = await startRobots(() => server.clock.now);
    try {
      const admin = await server.login('admin');
      const json = {
        kind: 'dingtalk',
        name: '品质群',
        url: robots.dingtalk.url,
        secret: robots.dingtalk.secret,
        audience: { kind: 'quality' },
      } as const;
      expect((await server.call(API.addChannel, { params: { estateId }, token: admin, json })).status).toBe(201);
      await sweep(server.running.deps, server.clock.now);
      await server.running.deps.deliveries.drain();
      const told = robots.received.filter((m) => m.text.startsWith('【今日漏检】'));
      expect(told).toHaveLength(1);
      // Today's: the 00:00 round had a checkpoint skipped and the 02:00 one nobody walked (04:00's was walked late
      // by the phone an hour fast, above).
      expect(told[0].text).toContain('巡更漏巡 Guard rounds missed: 2\n夜间巡更 Night round 00:00\n夜间巡更 Night round 02:00\n');
    } finally {
      await robots.close();
    }
  });
});
