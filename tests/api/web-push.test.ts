import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY, type IssueActionInput } from '../../shared/index.ts';
import { failItem, inspection } from '../support/payloads.ts';
import { startPushService, type Phone, type PushService } from '../support/push-service.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Web Push to people's phones, against a local push service that checks the VAPID signature and decrypts each
 * payload with the phone's own keys. Demo people: 刘芳 leads cleaning (`cleaning`), 张敏 works in it (`zhang`),
 * 陈静 is the quality manager (`supervisor`).
 */
let server: TestServer;
let push: PushService;
const params = { estateId: 'demo-gardens' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let lead: Phone;
let cleaner: Phone;
let manager: Phone;

const subscribe = async (user: string) => {
  const phone = push.phone();
  const r = await server.call(API.subscribePush, { params, token: await server.login(user), json: phone.subscription });
  expect(r.status, r.text).toBe(200);
  return phone;
};
const later = async (ms: number) => {
  server.clock.advance(ms);
  await server.running.deps.deliveries.drain();
};
const headlines = (phone: Phone) => phone.received.map((m) => m.title.split(' · ')[0]);
const finding = async (note: string) => {
  const r = await server.call(API.submitInspection, {
    token: await server.login('wang'),
    json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', note)),
  });
  return r.body.issues[0];
};
const act = async (user: string, id: string, action: IssueActionInput) =>
  server.call(API.actOnIssue, { params: { id }, token: await server.login(user), json: { id: randomUUID(), action } });
const phonesOf = async (person: string) =>
  (await server.call(API.channels, { params, token: await server.login('supervisor') })).body.channels.filter(
    (c) => c.kind === 'webpush' && c.person === person,
  ).length;
const forget = () => {
  for (const p of [lead, cleaner, manager]) p.received.length = 0;
};

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  push = await startPushService();
  lead = await subscribe('cleaning');
  cleaner = await subscribe('zhang');
  manager = await subscribe('supervisor');
});
afterAll(async () => {
  await server.close();
  await push.close();
});

describe('Web Push to the people whose work it is', () => {
  it("a job given to a person reaches that person's phone once, signed with the server's key and readable only with the phone's keys", async () => {
    forget();
    const id = await finding('pump log not filled');
    await act('supervisor', id, { type: 'assign', departmentId: 'cleaning', requirement: 'fill in the log', assigneeId: 'u-cleaner' });
    await later(0);
    await later(MINUTE);
    expect(push.refused).toEqual([]);
    expect(cleaner.received).toHaveLength(1);
    expect(cleaner.received[0]).toMatchObject({ link: '/notices' });
    expect(cleaner.received[0].title).toMatch(/^整改通知 · 水泵房/);
    expect(cleaner.received[0].body).toContain('pump log not filled');
    // The job is the cleaner's: the lead and the quality manager are not disturbed by it.
    expect(lead.received).toEqual([]);
    // The quality manager heard only that it waited for dispatch (this estate has no rules).
    expect(headlines(manager)).toEqual(['待派单']);
    const key = (await server.call(API.pushKey, { token: await server.login('zhang') })).body.publicKey;
    expect([...push.senders]).toEqual([key]);
  });

  it('work no one owns yet reaches the whole department; the lead hands it on and the new owner hears of it', async () => {
    forget();
    const id = await finding('valve label missing');
    await act('supervisor', id, { type: 'assign', departmentId: 'cleaning', requirement: 'label it' });
    await later(0);
    expect(headlines(lead)).toEqual(['整改通知']);
    expect(headlines(cleaner)).toEqual(['整改通知']);
    await act('cleaning', id, { type: 'handOver', assigneeId: 'u-cleaner' });
    await later(0);
    expect(headlines(cleaner)).toEqual(['整改通知', '整改通知']);
    expect(headlines(lead)).toEqual(['整改通知']);
  });

  it('a new owner report reaches the supervisors’ phones and no department’s', async () => {
    forget();
    const locationCode = (await server.call(API.setup, { params, token: await server.login('admin') })).body.locations[0].code;
    const r = await server.call(API.reportProblem, {
      json: { id: randomUUID(), locationCode, category: 'hygiene', description: '楼道有垃圾 · rubbish in the hall' },
    });
    expect(r.status, r.text).toBe(201);
    await later(0);
    expect(headlines(manager)).toEqual(['新业主报事']);
    expect(lead.received).toEqual([]);
    expect(cleaner.received).toEqual([]);
  });

  it('a phone that dropped its subscription (410) is told nothing more, and its channel is gone', async () => {
    const before = await phonesOf('保洁员 张敏 Zhang Min');
    const phone = await subscribe('zhang');
    expect(await phonesOf('保洁员 张敏 Zhang Min')).toBe(before + 1);
    phone.gone = true;
    const id = await finding('drain cover loose');
    await act('supervisor', id, { type: 'assign', departmentId: 'cleaning', requirement: 'fix it', assigneeId: 'u-cleaner' });
    await later(0);
    expect(await phonesOf('保洁员 张敏 Zhang Min')).toBe(before);
    const overview = (await server.call(API.channels, { params, token: await server.login('supervisor') })).body;
    expect(overview.deliveries.filter((d) => d.state === 'failed' && d.lastError?.includes('unsubscribed'))).toHaveLength(1);
    // The phone that still listens had the message.
    expect(cleaner.received.at(-1)?.body).toContain('drain cover loose');
  });

  it('a phone that subscribes again replaces its old channel: one message, not two', async () => {
    const phone = await subscribe('zhang');
    const again = await server.call(API.subscribePush, { params, token: await server.login('zhang'), json: phone.subscription });
    expect(again.status).toBe(200);
    expect(await phonesOf('保洁员 张敏 Zhang Min')).toBe(2); // this phone and the one from the first test
    const off = await server.call(API.unsubscribePush, {
      params,
      token: await server.login('zhang'),
      json: { endpoint: phone.subscription.endpoint },
    });
    expect(off.status).toBe(200);
    // Someone else's phone cannot be turned off.
    const theirs = await server.call(API.unsubscribePush, {
      params,
      token: await server.login('zhang'),
      json: { endpoint: manager.subscription.endpoint },
    });
    expect(theirs.status).toBe(404);
  });

  it('a subscription with a malformed key, or to a plain-http host not allowed, is refused naming the field', async () => {
    const token = await server.login('zhang');
    const phone = push.phone();
    const bad = await server.call(API.subscribePush, {
      params,
      token,
      json: { ...phone.subscription, keys: { ...phone.subscription.keys, p256dh: 'not-a-key' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.[0]?.path).toBe('keys.p256dh');
    const plain = await server.call(API.subscribePush, {
      params,
      token,
      json: { ...phone.subscription, endpoint: 'http://push.example.com/x' },
    });
    expect(plain.status).toBe(400);
    expect(plain.body.fields?.[0]?.path).toBe('endpoint');
    expect((await server.call(API.pushKey, {})).status).toBe(401);
  });
  it("overdue is level 1, for the department's lead as well as the job's owner; level 2 reaches the quality manager's phone", async () => {
    const id = await finding('gauge unread');
    await act('supervisor', id, {
      type: 'assign',
      departmentId: 'cleaning',
      requirement: 'read the gauge',
      assigneeId: 'u-cleaner',
      deadline: server.clock.now + 30 * MINUTE,
    });
    await later(0);
    forget();
    await later(45 * MINUTE);
    expect(headlines(cleaner)).toContain('整改已超期');
    expect(headlines(lead)).toEqual(['整改已超期']);
    expect(headlines(manager)).not.toContain('超期升级');
    await later(DEFAULT_DEADLINE_POLICY.level2AfterHours.general * HOUR);
    expect(headlines(manager)).toContain('超期升级');
    expect(headlines(lead)).not.toContain('超期升级');
  });
});
