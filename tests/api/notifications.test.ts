import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API, pathOf, type BodyOf } from '../../shared/index.ts';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';
import { startRobots, type Robots } from '../support/robots.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let robots: Robots;
const params = { estateId: 'demo-gardens' };
const MINUTE = 60_000;

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  robots = await startRobots(() => server.clock.now);
  const admin = await server.login('admin');
  await server.call(API.setRouting, {
    params,
    token: admin,
    json: { rules: [{ id: 'hygiene', category: 'hygiene', locationKind: null, buildingId: null, departmentId: 'cleaning' }] },
  });
});
afterAll(async () => {
  await server.close();
  await robots.close();
});

const addChannel = async (input: BodyOf<typeof API.addChannel>) => {
  const r = await server.call(API.addChannel, { params, token: await server.login('admin'), json: input });
  expect(r.status, r.text).toBe(201);
  return r.body.id;
};
const drain = () => server.running.deps.deliveries.drain();
const removeAll = async () => {
  const admin = await server.login('admin');
  for (const c of (await server.call(API.channels, { params, token: admin })).body.channels)
    await server.call(API.removeChannel, { params: { ...params, id: c.id }, token: admin });
};

// Each test starts with no channel and the robots up, whatever the last one left.
afterEach(async () => {
  robots.down = false;
  robots.throttled = false;
  await removeAll();
});

/** A round at the Building 1 lobby with its floor failed (a hygiene problem), photo and all. */
async function dirtyLobby(note: string): Promise<string> {
  const token = await server.login('wang');
  const photo = await jpeg(24, 24, '#336699');
  await server.request('PUT', pathOf(API.uploadPhoto, { sha: sha256(photo) }), { token, body: photo });
  const r = await server.call(API.submitInspection, {
    token,
    json: inspection('lobby', 'b1-lobby', server.clock.now, failItem('floor', note, [{ sha256: sha256(photo), size: photo.length }])),
  });
  return r.body.issues[0];
}

async function ownerReport(description: string): Promise<string> {
  const code = (await server.running.deps.store.read.getLocation('carpark'))!.code;
  const r = await server.call(API.reportProblem, { json: { id: randomUUID(), locationCode: code, category: 'order', description } });
  return r.body.issueId;
}

describe("work-chat groups are told, through the robots' own APIs", () => {
  it("an assignment reaches the department's WeCom group once: Chinese first, the place, the deadline and a link", async () => {
    await addChannel({ kind: 'wecom', name: '保洁群', url: robots.wecom, audience: { kind: 'department', departmentId: 'cleaning' } });
    const before = robots.received.length;
    await dirtyLobby('water by the door');
    await drain();
    await drain();
    const mine = robots.received.slice(before);
    expect(mine).toHaveLength(1);
    expect(mine[0].provider).toBe('wecom');
    expect(mine[0].text.split('\n')[0]).toBe('【整改通知】Rectification notice');
    expect(mine[0].text).toContain('1号楼大堂 Building 1 lobby');
    expect(mine[0].text).toContain('water by the door');
    expect(mine[0].text).toMatch(/完成时限 Due: 2026-03-\d\d \d\d:\d\d\n/);
    expect(mine[0].text.endsWith('http://pqm.test/notices')).toBe(true);
  });

  it('a DingTalk robot that is down for ten minutes gets the new owner report after it recovers, once', async () => {
    const id = await addChannel({
      kind: 'dingtalk',
      name: '品质群',
      url: robots.dingtalk.url,
      secret: robots.dingtalk.secret,
      audience: { kind: 'quality' },
    });
    const before = robots.received.length;
    robots.down = true;
    await ownerReport('A van parked across the fire lane');
    for (let t = 0; t < 10; t++) {
      await drain();
      server.clock.advance(MINUTE);
    }
    expect(robots.received.length).toBe(before);
    const waiting = (await server.call(API.channels, { params, token: await server.login('supervisor') })).body;
    // The report waits (so may the hour's missed rounds, which the quality team hears of too).
    const report = (d: { channelId: string; title: string }) => d.channelId === id && d.title.startsWith('新业主报事');
    expect(waiting.channels.find((c) => c.id === id)?.pending).toBeGreaterThanOrEqual(1);
    expect(waiting.deliveries.find(report)).toMatchObject({ state: 'pending', lastError: 'HTTP 503' });

    robots.down = false;
    for (let t = 0; t < 40; t++) {
      await drain();
      server.clock.advance(MINUTE);
    }
    // Once, as the new report; it has waited past its response time by now, so that is said (once) too.
    const mine = robots.received.slice(before).filter((m) => m.text.includes('A van parked across the fire lane'));
    expect(mine.map((m) => [m.provider, m.text.split('\n')[0]])).toEqual([
      ['dingtalk', '【新业主报事】New owner report'],
      ['dingtalk', '【报事超时未受理】Owner report not accepted in time'],
    ]);
    const after = (await server.call(API.channels, { params, token: await server.login('supervisor') })).body;
    expect(after.deliveries.filter(report).map((d) => d.state)).toEqual(['sent']);
  });

  it("the department's group hears of its own assignments only; the quality team's hears what waits for it", async () => {
    await addChannel({
      kind: 'feishu',
      name: '品质群',
      url: robots.feishu.url,
      secret: robots.feishu.secret,
      audience: { kind: 'quality' },
    });
    await addChannel({ kind: 'wecom', name: '秩序群', url: robots.wecom, audience: { kind: 'department', departmentId: 'security' } });
    const before = robots.received.length;
    await dirtyLobby('muddy footprints'); // assigned to cleaning: neither group
    await ownerReport('Broken barrier arm'); // to the quality team
    await drain();
    // Only what this test made (reports from earlier tests, now late, are the quality team's news too).
    const mine = robots.received.slice(before).filter((m) => /muddy footprints|Broken barrier arm/.test(m.text));
    expect(mine.map((m) => m.provider)).toEqual(['feishu']);
    expect(mine[0].text).toContain('Broken barrier arm');
  });

  it('a robot that refuses the signature fails for good at once, shows on the channel, and is not retried', async () => {
    const id = await addChannel({
      kind: 'feishu',
      name: '错误密钥',
      url: robots.feishu.url,
      secret: 'not-the-secret',
      audience: { kind: 'quality' },
    });
    const before = robots.received.length;
    await ownerReport('Lights out in the car park');
    await drain();
    server.clock.advance(10 * MINUTE);
    await drain();
    const overview = (await server.call(API.channels, { params, token: await server.login('supervisor') })).body;
    // Every message to it (this report, and earlier reports now past their response time) failed once, for good.
    const channel = overview.channels.find((c) => c.id === id);
    expect(channel?.pending).toBe(0);
    const mine = overview.deliveries.filter((d) => d.channelId === id);
    expect(channel?.failing).toBe(mine.length);
    for (const d of mine) {
      expect(d).toMatchObject({ state: 'failed', attempts: 1 });
      expect(d.lastError).toContain('19021');
    }
    expect(robots.received.length).toBe(before);
  });

  it('a company webhook gets JSON signed with HMAC-SHA256, and the test button reaches it', async () => {
    const id = await addChannel({
      kind: 'webhook',
      name: 'OA',
      url: robots.webhook.url,
      secret: robots.webhook.secret,
      audience: { kind: 'quality' },
    });
    const tested = await server.call(API.testChannel, { params: { ...params, id }, token: await server.login('admin') });
    expect(tested.body).toEqual({ ok: true, error: null });
    expect(robots.received.some((m) => m.provider === 'webhook' && m.text.includes('测试消息'))).toBe(true);
  });
});

describe('channels are credentials', () => {
  it('are added only by an administrator, never shown back, and must be https unless the host is allowed', async () => {
    for (const who of ['supervisor', 'cleaning']) {
      const r = await server.call(API.addChannel, {
        params,
        token: await server.login(who),
        json: { kind: 'wecom', name: 'x', url: robots.wecom, audience: { kind: 'quality' } },
      });
      expect(r.status, who).toBe(403);
    }
    const plain = await server.call(API.addChannel, {
      params,
      token: await server.login('admin'),
      json: { kind: 'wecom', name: 'x', url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', audience: { kind: 'quality' } },
    });
    expect(plain.status).toBe(400);
    expect(plain.body.fields?.[0].path).toBe('url');
    const id = await addChannel({
      kind: 'dingtalk',
      name: '钉钉',
      url: robots.dingtalk.url,
      secret: robots.dingtalk.secret,
      audience: { kind: 'quality' },
    });
    const listed = await server.call(API.channels, { params, token: await server.login('supervisor') });
    expect(listed.text).not.toContain('ding-token');
    expect(listed.text).not.toContain(robots.dingtalk.secret);
    expect(listed.body.channels.find((c) => c.id === id)?.host).toBe(robots.url);
  });
});
