/** 接待与咨询: the service desk's log of owners' visits and calls, over real HTTP on both engines. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY, deadlineFor, deskFigures, respondBy, type DeskEntrySubmission } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const params = { estateId: 'demo-gardens' };
const MIN = 60_000;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const entry = (patch: Partial<DeskEntrySubmission> = {}): DeskEntrySubmission => ({
  id: randomUUID(),
  locationId: 'service-desk',
  topic: 'consultation',
  channel: 'visit',
  receivedAt: server.clock.now - 12 * MIN,
  answeredAt: server.clock.now - 10 * MIN,
  resolved: true,
  summary: '咨询停车月卡办理 asked about a monthly parking card',
  household: '2-1-1502',
  category: 'service',
  ...patch,
});

describe('the service desk log (接待与咨询)', () => {
  it('a consultation answered at the desk is logged and becomes no issue; a retry is one entry', async () => {
    const token = await server.login('service');
    const body = entry();
    const first = await server.call(API.logDeskEntry, { token, json: body });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toEqual({ kind: 'deskEntry', id: body.id, issueId: null });
    expect((await server.call(API.logDeskEntry, { token, json: body })).body).toEqual(first.body);
    const logged = await server.running.deps.store.read.deskEntries('demo-gardens', 0, server.clock.now + MIN);
    expect(logged.filter((e) => e.id === body.id)).toHaveLength(1);
  });

  it("a complaint logged at the desk becomes an issue with an owner report's workflow and deadlines, from when the owner came", async () => {
    const token = await server.login('service');
    const body = entry({ topic: 'complaint', channel: 'call', resolved: false, category: 'hygiene', summary: '垃圾房异味严重' });
    const r = await server.call(API.logDeskEntry, { token, json: body });
    expect(r.status, r.text).toBe(201);
    const issue = (await server.running.deps.store.read.getIssue(r.body.issueId!))!;
    expect(issue).toMatchObject({
      source: 'desk',
      status: 'reported',
      verified: false,
      category: 'hygiene',
      locationId: 'service-desk',
      description: '【来电 · 2-1-1502】垃圾房异味严重',
      createdAt: body.receivedAt,
      deadline: deadlineFor('general', body.receivedAt, DEFAULT_DEADLINE_POLICY),
    });
    expect(respondBy(issue)).toBe(body.receivedAt + 30 * MIN);
    // It waits in the supervisors' acceptance list, as an owner's report does.
    const alerts = await server.call(API.alerts, { params, token: await server.login('supervisor') });
    expect(alerts.body.awaitingAcceptance.map((a) => a.id)).toContain(issue.id);
  });

  it('a request settled at once is no issue; one left open is', async () => {
    const token = await server.login('service');
    const settled = await server.call(API.logDeskEntry, { token, json: entry({ topic: 'request', resolved: true }) });
    const open = await server.call(API.logDeskEntry, { token, json: entry({ topic: 'request', resolved: false, category: 'facilities' }) });
    expect(settled.body.issueId).toBeNull();
    expect(open.body.issueId).toEqual(expect.any(String));
  });

  it('refuses by name: an answer before the owner came, a complaint "settled" at the desk, a place that is not the desk', async () => {
    const token = await server.login('service');
    const cases: [Partial<DeskEntrySubmission>, string][] = [
      [{ answeredAt: server.clock.now - 20 * MIN }, 'answeredAt'],
      [{ topic: 'complaint', resolved: true }, 'resolved'],
      [{ locationId: 'b1-lobby' }, 'locationId'],
    ];
    for (const [patch, field] of cases) {
      const r = await server.call(API.logDeskEntry, { token, json: entry(patch) });
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect((r.body.fields ?? []).map((f) => f.path)).toContain(field);
    }
  });

  it("a phone an hour fast: its times are put on the server's clock, not refused", async () => {
    const token = await server.login('service');
    const fast = server.clock.now + 60 * MIN;
    const body = entry({ receivedAt: fast - 5 * MIN, answeredAt: fast - 2 * MIN });
    const r = await server.call(API.logDeskEntry, { token, json: body, headers: { 'x-pqm-device-time': String(fast) } });
    expect(r.status, r.text).toBe(201);
    const logged = (await server.running.deps.store.read.deskEntries('demo-gardens', 0, server.clock.now + 2 * 60 * MIN)).find(
      (e) => e.id === body.id,
    );
    expect(logged).toMatchObject({ receivedAt: server.clock.now - 5 * MIN, answeredAt: server.clock.now - 2 * MIN });
    // Sent again a moment later (the answer was lost): the same entry, though the phone's offset moved by the delay.
    const again = await server.call(API.logDeskEntry, { token, json: body, headers: { 'x-pqm-device-time': String(fast + 1500) } });
    expect(again.body).toEqual(r.body);
  });

  it('owners cannot log, and staff log only at the desks of their own estate', async () => {
    expect((await server.call(API.logDeskEntry, { json: entry() })).status).toBe(401);
    const other = await server.call(API.createEstate, {
      token: await server.login('admin'),
      json: { name: { zh: '别处花园', en: 'Elsewhere' }, timeZone: 'Asia/Shanghai', households: 100, address: '', servicePhone: '' },
    });
    expect(other.status, other.text).toBe(201);
    const theirDesk = await server.call(API.addLocation, {
      params: { estateId: other.body.id },
      token: await server.login('admin'),
      json: { kind: 'service_desk', name: { zh: '别处前台', en: 'Their desk' } },
    });
    expect(theirDesk.status, theirDesk.text).toBe(201);
    const r = await server.call(API.logDeskEntry, { token: await server.login('service'), json: entry({ locationId: theirDesk.body.id }) });
    expect(r.status).toBe(403);
    expect(await server.running.deps.store.read.deskEntries(other.body.id, 0, server.clock.now + MIN)).toEqual([]);
  });

  it('the figures (response time, settled at first contact) are a recount of the log, by topic and by person', async () => {
    const sup = await server.login('supervisor');
    const from = server.clock.now - 86_400_000;
    const to = server.clock.now + MIN;
    const answer = await server.call(API.deskAnalysis, { params, query: { from: String(from), to: String(to) }, token: sup });
    expect(answer.status, answer.text).toBe(200);
    const entries = await server.running.deps.store.read.deskEntries('demo-gardens', from, to);
    const recount = deskFigures(entries);
    expect(answer.body.total).toEqual(recount.total);
    expect(answer.body.byTopic).toEqual(recount.byTopic);
    expect(answer.body.byPerson.map((p) => [p.name, p.count])).toEqual(recount.byPerson.map((p) => ['客服主管 郑丽 Zheng Li', p.count]));
    expect(answer.body.total.count).toBeGreaterThanOrEqual(4);
  });
});
