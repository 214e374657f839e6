import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY, deadlineFor, pathOf, type RoutingRule } from '../../shared/index.ts';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const estateId = 'demo-gardens';
const params = { estateId };
const rule = (id: string, departmentId: string, patch: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  category: null,
  locationKind: null,
  buildingId: null,
  departmentId,
  assigneeId: null,
  ...patch,
});
// Hygiene to cleaning, order to security, lifts in building 2 to engineering; nothing for greening.
const RULES = [
  rule('hygiene', 'cleaning', { category: 'hygiene' }),
  rule('order', 'security', { category: 'order' }),
  rule('b2-lifts', 'engineering', { locationKind: 'lift', buildingId: 'b2' }),
];

beforeAll(async () => {
  server = await startTestServer();
  const saved = await server.call(API.setRouting, { params, token: await server.login('admin'), json: { rules: RULES } });
  expect(saved.status, saved.text).toBe(200);
});
afterAll(() => server.close());

/** A round at a location with one item failed, with its photo (some items need one). */
const patrol = async (kind: Parameters<typeof inspection>[0], locationId: string, itemId: string) => {
  const token = await server.login('wang');
  const photo = await jpeg(
    32,
    32,
    `#${Math.floor(Math.random() * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`,
  );
  await server.request('PUT', pathOf(API.uploadPhoto, { sha: sha256(photo) }), { token, body: photo });
  const r = await server.call(API.submitInspection, {
    token,
    json: inspection(
      kind,
      locationId,
      server.clock.now,
      failItem(itemId, 'found on the round', [{ sha256: sha256(photo), size: photo.length }]),
    ),
  });
  expect(r.status, r.text).toBe(201);
  return r.body.issues[0];
};
const issue = async (id: string) => (await server.call(API.issue, { params: { id }, token: await server.login('supervisor') })).body;
const alerts = async () => (await server.call(API.alerts, { params, token: await server.login('supervisor') })).body;

describe('work reaches the department without anyone watching', () => {
  it("an inspector's dirty-floor finding goes to cleaning at once, with the deadline its severity gives", async () => {
    const id = await patrol('lobby', 'b1-lobby', 'floor');
    const view = await issue(id);
    expect(view.issue).toMatchObject({ status: 'assigned', departmentId: 'cleaning' });
    expect(view.issue.deadline).toBe(deadlineFor(view.issue.severity, server.clock.now, DEFAULT_DEADLINE_POLICY));
    expect(view.history.map((e) => [e.type, e.actor.kind])).toEqual([
      ['created', 'user'],
      ['assign', 'system'],
    ]);
    const notices = await server.call(API.notices, { params, token: await server.login('cleaning') });
    expect(notices.body.notices.map((n) => n.id)).toContain(id);
  });

  it('the most specific rule wins: a lift fault in building 2 goes to engineering, one in building 1 waits', async () => {
    expect((await issue(await patrol('lift', 'b2-lift-a', 'car-light'))).issue.departmentId).toBe('engineering');
    expect((await issue(await patrol('lift', 'b1-lift-a', 'car-light'))).issue).toMatchObject({ status: 'reported', departmentId: null });
  });

  it('a finding no rule matches waits in 待派单, and the badge counts it', async () => {
    const id = await patrol('green_area', 'south-lawn', 'trim');
    const a = await alerts();
    expect(a.awaitingDispatch.map((i) => i.id)).toContain(id);
    expect(a.counts.awaitingDispatch).toBe(a.awaitingDispatch.length);
    expect(a.counts.badge).toBe(a.counts.overdue + a.counts.missed + a.counts.awaitingDispatch);

    // A supervisor dispatches it by hand; it leaves the queue.
    const assigned = await server.call(API.actOnIssue, {
      params: { id },
      token: await server.login('supervisor'),
      json: { id: randomUUID(), action: { type: 'assign', departmentId: 'greening', requirement: 'Trim the hedge' } },
    });
    expect(assigned.status).toBe(201);
    expect((await alerts()).awaitingDispatch.map((i) => i.id)).not.toContain(id);
  });

  it("an owner's report waits to be accepted, and once accepted is dispatched by the same rules", async () => {
    const code = (await server.running.deps.store.read.getLocation('carpark'))!.code;
    const report = await server.call(API.reportProblem, {
      json: { id: randomUUID(), locationCode: code, category: 'order', description: 'A van parked in the fire lane' },
    });
    expect(report.status).toBe(201);
    expect((await issue(report.body.issueId)).issue).toMatchObject({ status: 'reported', verified: false, departmentId: null });
    const accepted = await server.call(API.actOnIssue, {
      params: { id: report.body.issueId },
      token: await server.login('supervisor'),
      json: { id: randomUUID(), action: { type: 'accept' } },
    });
    expect(accepted.body.issue).toMatchObject({ status: 'assigned', departmentId: 'security' });
  });
});

describe('the rules themselves', () => {
  it('the set-up lists them in their order', async () => {
    const setup = await server.call(API.setup, { params, token: await server.login('supervisor') });
    expect(setup.body.routing).toEqual(RULES);
  });

  it('a rule naming a department or building this estate does not have is refused, naming it, and nothing is saved', async () => {
    const r = await server.call(API.setRouting, {
      params,
      token: await server.login('admin'),
      json: { rules: [RULES[0], rule('x', 'plumbers'), rule('y', 'cleaning', { buildingId: 'b9' })] },
    });
    expect(r.status).toBe(400);
    expect(r.body.fields?.map((f) => f.path)).toEqual(['rules.1.departmentId', 'rules.2.buildingId']);
    const setup = await server.call(API.setup, { params, token: await server.login('supervisor') });
    expect(setup.body.routing).toEqual(RULES);
  });

  it('only an administrator of the estate changes them', async () => {
    for (const who of ['supervisor', 'wang', 'cleaning']) {
      const r = await server.call(API.setRouting, { params, token: await server.login(who), json: { rules: [] } });
      expect(r.status, who).toBe(403);
    }
    // Riverside's administrator (not the group's) has no say in the demo estate.
    const elsewhere = await server.call(API.setRouting, {
      params,
      token: await server.login('rs-admin'),
      json: { rules: [] },
    });
    expect(elsewhere.status).toBe(403);
  });
});
