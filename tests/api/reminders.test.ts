import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY } from '../../shared/index.ts';
import { failItem, inspection } from '../support/payloads.ts';
import { startRobots, type Robots } from '../support/robots.ts';
import { MONDAY_0900, startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let robots: Robots;
const params = { estateId: 'demo-gardens' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  robots = await startRobots(() => server.clock.now);
  const admin = await server.login('admin');
  for (const json of [
    { kind: 'wecom' as const, name: '保洁群', url: robots.wecom, audience: { kind: 'department' as const, departmentId: 'cleaning' } },
    {
      kind: 'dingtalk' as const,
      name: '品质群',
      url: robots.dingtalk.url,
      secret: robots.dingtalk.secret,
      audience: { kind: 'quality' as const },
    },
  ])
    expect((await server.call(API.addChannel, { params, token: admin, json })).status).toBe(201);
});
afterAll(async () => {
  await server.close();
  await robots.close();
});

/** Drains the outbox as the server's timer would, after moving the clock. */
const later = async (ms: number) => {
  server.clock.advance(ms);
  await server.running.deps.deliveries.drain();
};
const heard = (provider: 'wecom' | 'dingtalk', headline: string) =>
  robots.received.filter((m) => m.provider === provider && m.text.startsWith(`【${headline}】`));

describe('what the clock makes news of', () => {
  it('work due within the hour is "due soon" to its department; overdue goes to the department, escalated to the quality team; each once', async () => {
    const r = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', 'log not filled')),
    });
    const issueId = r.body.issues[0];
    await server.call(API.actOnIssue, {
      params: { id: issueId },
      token: await server.login('supervisor'),
      json: {
        id: randomUUID(),
        action: { type: 'assign', departmentId: 'cleaning', requirement: 'fill in the log', deadline: server.clock.now + 90 * MINUTE },
      },
    });
    await later(0);
    expect(heard('wecom', '整改通知')).toHaveLength(1);
    expect(heard('wecom', '整改即将到期')).toHaveLength(0);

    await later(40 * MINUTE); // 50 min left
    await later(5 * MINUTE);
    expect(heard('wecom', '整改即将到期')).toHaveLength(1);

    await later(60 * MINUTE); // 15 min overdue
    await later(5 * MINUTE);
    expect(heard('wecom', '整改已超期')).toHaveLength(1);
    expect(heard('dingtalk', '超期升级')).toHaveLength(0);

    await later(DEFAULT_DEADLINE_POLICY.level2AfterHours.general * HOUR); // past level 2
    await later(5 * MINUTE);
    expect(heard('dingtalk', '超期升级')).toHaveLength(1);
    expect(heard('wecom', '超期升级')).toHaveLength(0);
    expect(heard('wecom', '整改已超期')).toHaveLength(1);
  });

  it('the morning digest reaches the quality team once, in the hour after 08:00 estate time, and not before', async () => {
    const days = Math.ceil((server.clock.now - MONDAY_0900) / (24 * HOUR)) + 1;
    // 07:55 in Shanghai on a later day (UTC+8): nothing yet.
    server.clock.now = MONDAY_0900 + days * 24 * HOUR - 65 * MINUTE;
    await later(0);
    expect(heard('dingtalk', '每日简报')).toHaveLength(0);
    await later(10 * MINUTE); // 08:05
    await later(20 * MINUTE); // 08:25
    const digests = heard('dingtalk', '每日简报');
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toMatch(/昨日漏检 Missed yesterday: \d+\n今日待巡查 Rounds due today: \d+\n超期未整改 Overdue: [1-9]/);
    expect(heard('wecom', '每日简报')).toHaveLength(0);
  });

  it("missed rounds are told in one message an hour at most, with today's count so far and the places", async () => {
    const before = heard('dingtalk', '今日漏检').length;
    await later(95 * MINUTE); // 10:00 estate time: the 07:00 hygiene round closed unfilled at 09:00
    await later(10 * MINUTE);
    await later(10 * MINUTE);
    const told = heard('dingtalk', '今日漏检').slice(before);
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(/^【今日漏检】Missed rounds today · 示范花园 Demo Gardens · [1-9]\d*\n.+: [1-9]/);
    expect(heard('wecom', '今日漏检')).toHaveLength(0);
  });
});
