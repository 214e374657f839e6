import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY } from '../../shared/index.ts';
import { startRobots, type Robots } from '../support/robots.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let robots: Robots;
const params = { estateId: 'demo-gardens' };
const MINUTE = 60_000;

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  robots = await startRobots(() => server.clock.now);
  const json = {
    kind: 'dingtalk' as const,
    name: '品质群',
    url: robots.dingtalk.url,
    secret: robots.dingtalk.secret,
    audience: { kind: 'quality' as const },
  };
  expect((await server.call(API.addChannel, { params, token: await server.login('admin'), json })).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await robots.close();
});

const report = async (description: string) => {
  const code = (await server.running.deps.store.read.getLocation('carpark'))!.code;
  const r = await server.call(API.reportProblem, { json: { id: randomUUID(), locationCode: code, category: 'order', description } });
  expect(r.status).toBe(201);
  return r.body;
};
const track = async (token: string) => (await server.call(API.tracking, { params: { token } })).body;
const badge = async () => (await server.call(API.alerts, { params, token: await server.login('supervisor') })).body.counts;
const drain = async (ms: number) => {
  server.clock.advance(ms);
  await server.running.deps.deliveries.drain();
};

describe("an owner's report is taken up in time (受理时限)", () => {
  it('the owner sees a reference number and the promised time: 30 minutes for a general report', async () => {
    const { trackingToken, issueId } = await report('A car blocks the ramp');
    const t = await track(trackingToken);
    expect(t.reference).toBe(issueId.replace(/-/g, '').slice(0, 8).toUpperCase());
    expect(t.respondBy).toBe(server.clock.now + 30 * MINUTE);
  });

  it('past its response time it counts in the badge, and the quality team is told once', async () => {
    const { issueId } = await report('Barrier arm stuck up');
    const before = await badge();
    await drain(31 * MINUTE);
    await drain(5 * MINUTE);
    const after = await badge();
    expect(after.acceptLate).toBeGreaterThan(before.acceptLate);
    expect(after.badge - after.acceptLate).toBe(after.overdue + after.missed + after.awaitingDispatch);
    const told = robots.received.filter((m) => m.text.startsWith('【报事超时未受理】') && m.text.includes('Barrier arm stuck up'));
    expect(told).toHaveLength(1);
    // Once accepted, it no longer waits.
    await server.call(API.actOnIssue, {
      params: { id: issueId },
      token: await server.login('supervisor'),
      json: { id: randomUUID(), action: { type: 'accept' } },
    });
    expect((await badge()).acceptLate).toBe(after.acceptLate - 1);
  });

  it('an estate that accepts reports at once sends them straight to the department its rules name', async () => {
    const admin = await server.login('admin');
    await server.call(API.setPolicy, { params, token: admin, json: { ...DEFAULT_DEADLINE_POLICY, autoAccept: true } });
    await server.call(API.setRouting, {
      params,
      token: admin,
      json: { rules: [{ id: 'order', category: 'order', locationKind: null, buildingId: null, departmentId: 'security' }] },
    });
    const { trackingToken, issueId } = await report('Motorbikes parked in the lobby');
    expect(await server.running.deps.store.read.getIssue(issueId)).toMatchObject({
      status: 'assigned',
      departmentId: 'security',
      verified: true,
    });
    const t = await track(trackingToken);
    expect(t.respondBy).toBeNull();

    // The department's note on its fix is on the owner's page.
    await server.call(API.actOnIssue, {
      params: { id: issueId },
      token: await server.login('security'),
      json: { id: randomUUID(), action: { type: 'rectify', note: '已清走摩托车 · motorbikes moved out', photos: [] } },
    });
    expect((await track(trackingToken)).fixNote).toBe('已清走摩托车 · motorbikes moved out');
  });
});
