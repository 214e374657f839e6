/**
 * A group running several estates: the group overview sets them side by side with each estate's own figures, and
 * group roles decide who sees which estates. The demo estate has 60 days of history; a second estate joined
 * 45 days ago and has patrolled little.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed.ts';
import { createEstate } from '../../server/demo/setup.ts';
import { API, type EstateMonth, type GroupOverview } from '../../shared/index.ts';
import { ESTATE_B, PASSWORD, RIVERSIDE_SPEC } from '../support/estates.ts';
import { inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** 10:00 on Tuesday 1 December 2026 in Shanghai. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
const DAY = 86_400_000;
const DEMO = 'demo-gardens';

let server: TestServer;
const call: TestServer['call'] = (e, args) => server.call(e, args);
const login = (username: string, password = PASSWORD) => server.login(username, password);

let eastLake = '';
beforeAll(async () => {
  // The demo with its history, on this run's engine (SQLite, or PostgreSQL in the api-postgres project).
  server = await startTestServer({ now: NOW, empty: true });
  await seedDemo(server.running.deps);
  await createEstate(server.running.deps.store, RIVERSIDE_SPEC, NOW - 45 * DAY);
  // Riverside's inspector does this morning's lobby round.
  const round = await call(API.submitInspection, {
    token: await login('rs-inspector'),
    json: inspection('lobby', 'rs-lobby', NOW - 30 * 60_000),
  });
  expect(round.status, round.text).toBe(201);
  // A third estate, added by the group's administrator, with a regional manager who works there.
  const made = await call(API.createEstate, {
    token: await login('admin'),
    json: { name: { zh: '东湖名苑', en: 'East Lake' }, timeZone: 'Asia/Shanghai', households: 300 },
  });
  expect(made.status, made.text).toBe(201);
  eastLake = made.body.id;
  for (const [username, estateId] of [
    ['region-east', eastLake],
    ['group-qa', DEMO],
  ]) {
    const added = await call(API.addUser, {
      params: { estateId },
      token: await login('admin'),
      json: { username, displayName: username, role: 'supervisor', password: 'harbour-view-2026' },
    });
    expect(added.status, added.text).toBe(201);
  }
}, 120_000);
afterAll(() => server.close());

const userId = async (username: string) => {
  const people = (await call(API.groupPeople, { token: await login('admin') })).body.people;
  return people.find((p) => p.username === username)!.id;
};

/** What the estate's own pages say for the month, as the group overview should repeat it. */
async function ownFigures(token: string, estateId: string, month: string): Promise<Partial<EstateMonth>> {
  const params = { estateId };
  const query = { month };
  const patrols = (await call(API.patrolAnalysis, { params, query, token })).body.total;
  const rect = (await call(API.rectificationAnalysis, { params, query, token })).body;
  const issues = (await call(API.issueAnalysis, { params, query, token })).body;
  const monthly = (await call(API.monthly, { params, token })).body.inspections.filter((m) => m.month === month);
  const campaign = (await call(API.campaigns, { params, token })).body.campaigns
    .filter((c) => c.campaign.opensOn.slice(0, 7) <= month)
    .sort((a, b) => b.campaign.opensOn.localeCompare(a.campaign.opensOn))[0];
  const judged = rect.reduce((n, d) => n + d.onTime.of, 0);
  const onTime = rect.reduce((n, d) => n + d.onTime.count, 0);
  const fixed = rect.reduce((n, d) => n + d.reopen.of, 0);
  const reopened = rect.reduce((n, d) => n + d.reopen.count, 0);
  const closed = patrols.done + patrols.missed;
  return {
    score: monthly.sort((a, b) => b.createdAt - a.createdAt)[0]?.total ?? null,
    patrolCompletion: { count: patrols.done, of: closed, rate: patrols.completionRate },
    patrolOnTime: { count: patrols.onTime, of: closed, rate: patrols.onTimeRate },
    overdue: { count: judged - onTime, of: judged, rate: judged ? (judged - onTime) / judged : null },
    reopen: { count: reopened, of: fixed, rate: fixed ? reopened / fixed : null },
    complaints: issues.complaints.total,
    ...(campaign ? { satisfaction: { ...campaign.overall, campaign: campaign.campaign.name } } : {}),
  };
}

const rowOf = (o: GroupOverview, estateId: string) => o.estates.find((e) => e.estateId === estateId);

describe('the group overview', () => {
  it("sets the estates side by side with each estate's own figures, for November and for this month so far", async () => {
    const admin = await login('admin');
    for (const month of ['2026-11', '2026-12']) {
      const overview = await call(API.groupOverview, { query: { month }, token: admin });
      expect(overview.status, overview.text).toBe(200);
      expect(overview.body.estates.map((e) => e.estateId).sort()).toEqual([DEMO, eastLake, ESTATE_B].sort());
      for (const estateId of [DEMO, ESTATE_B, eastLake])
        expect(rowOf(overview.body, estateId)).toMatchObject(await ownFigures(admin, estateId, month));
    }
    const november = (await call(API.groupOverview, { query: { month: '2026-11' }, token: admin })).body;
    const gardens = rowOf(november, DEMO)!;
    // The demo's history is real work: a score, patrols, complaints per 100 of its 412 households.
    expect(gardens.score).not.toBeNull();
    expect(gardens.patrolCompletion.of).toBeGreaterThan(1000);
    expect(gardens.complaintsPer100).toBe(Math.round((gardens.complaints * 100 * 100) / 412) / 100);
    expect(gardens.scoreTrend.map((t) => t.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // Riverside missed every November round: it ranks below the demo, and the ranks run 1, 2, 3.
    expect(rowOf(november, ESTATE_B)!.patrolCompletion.rate).toBe(0);
    expect(november.estates.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(november.estates[0].estateId).toBe(DEMO);
  });

  it('exports to CSV with the figures’ Chinese names, one row per estate', async () => {
    const r = await call(API.groupOverview, { query: { month: '2026-11', format: 'csv' }, token: await login('admin') });
    expect(r.status).toBe(200);
    const lines = r.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('月度考评得分');
    expect(lines[0]).toContain('每百户投诉');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1,示范花园/);
  });

  it('a month that is not YYYY-MM is refused by name', async () => {
    const r = await call(API.groupOverview, { query: { month: '2026-13' }, token: await login('admin') });
    expect(r.status).toBe(400);
    expect(r.body.fields?.[0]?.path).toBe('month');
  });
});

describe('group roles', () => {
  it('a regional manager sees only the estates of their region (and their own), reads them and changes nothing there', async () => {
    const admin = await login('admin');
    const set = await call(API.setGroupAccess, {
      params: { userId: await userId('region-east') },
      token: admin,
      json: { role: 'regional', estateIds: [ESTATE_B] },
    });
    expect(set.status, set.text).toBe(200);
    const token = await login('region-east', 'harbour-view-2026');
    expect((await call(API.estates, { token })).body.map((e) => e.id).sort()).toEqual([eastLake, ESTATE_B].sort());
    const me = (await call(API.me, { token })).body;
    expect(me.user.groupRole).toBe('regional');
    expect(me.memberships.find((m) => m.estateId === ESTATE_B)).toMatchObject({ role: 'supervisor', viaGroup: true });
    // The overview covers the region.
    expect((await call(API.groupOverview, { query: { month: '2026-11' }, token })).body.estates.map((e) => e.estateId)).toEqual([ESTATE_B]);
    // Reads the region's pages; not another estate's.
    expect((await call(API.patrolAnalysis, { params: { estateId: ESTATE_B }, token })).status).toBe(200);
    expect((await call(API.alerts, { params: { estateId: ESTATE_B }, token })).status).toBe(200);
    expect((await call(API.patrolAnalysis, { params: { estateId: DEMO }, token })).status).toBe(403);
    // A change in the region is refused, with nothing written.
    const before = (await call(API.issues, { params: { estateId: ESTATE_B }, token })).body.total;
    const report = await call(API.raiseIssue, {
      params: { estateId: ESTATE_B },
      token,
      json: {
        id: randomUUID(),
        source: 'patrol',
        locationId: 'rs-lobby',
        category: 'hygiene',
        severity: 'general',
        description: '大堂地面有水渍',
      },
    });
    expect(report.status).toBe(403);
    expect(report.body).toMatchObject({ code: 'role', error: expect.stringMatching(/group role/) });
    expect((await call(API.issues, { params: { estateId: ESTATE_B }, token })).body.total).toBe(before);
    // Not a group administrator: no estates added, no group roles given, no group people listed.
    expect((await call(API.createEstate, { token, json: { name: { zh: '西湖', en: 'West Lake' } } })).status).toBe(403);
    expect((await call(API.groupPeople, { token })).status).toBe(403);
  });

  it('a group quality manager reads every estate, and their extension follows them all', async () => {
    const admin = await login('admin');
    await call(API.setGroupAccess, { params: { userId: await userId('group-qa') }, token: admin, json: { role: 'groupQuality' } });
    const token = await login('group-qa', 'harbour-view-2026');
    const me = (await call(API.me, { token })).body;
    expect(me.estates.map((e) => e.id).sort()).toEqual([DEMO, eastLake, ESTATE_B].sort());
    // Their own role in the demo estate stays what it was given.
    expect(me.memberships.find((m) => m.estateId === DEMO)).toMatchObject({ role: 'supervisor' });
    expect(me.memberships.find((m) => m.estateId === DEMO)?.viaGroup).toBeUndefined();
    for (const estateId of [DEMO, ESTATE_B, eastLake]) expect((await call(API.alerts, { params: { estateId }, token })).status).toBe(200);
    expect((await call(API.groupOverview, { query: { month: '2026-11' }, token })).body.estates).toHaveLength(3);
    expect((await call(API.auditLog, { params: { estateId: ESTATE_B }, token })).status).toBe(403);
  });

  it('an estate administrator who is not the group’s adds no estate and cannot take over a group role holder’s account', async () => {
    const rsAdmin = await login('rs-admin');
    const made = await call(API.createEstate, { token: rsAdmin, json: { name: { zh: '西湖', en: 'West Lake' } } });
    expect(made.status).toBe(403);
    expect(made.body.error).toMatch(/groupAdmin/);
    // region-east reads Riverside through the group; Riverside's administrator cannot reset their password.
    const regionalInRiverside = await call(API.addUser, {
      params: { estateId: ESTATE_B },
      token: await login('admin'),
      json: { username: 'rs-night', displayName: '夜班主管', role: 'supervisor', password: 'harbour-view-2026' },
    });
    expect(regionalInRiverside.status).toBe(201);
    await call(API.setGroupAccess, {
      params: { userId: regionalInRiverside.body.id },
      token: await login('admin'),
      json: { role: 'regional', estateIds: [ESTATE_B, DEMO] },
    });
    const reset = await call(API.resetPassword, {
      params: { estateId: ESTATE_B, userId: regionalInRiverside.body.id },
      token: rsAdmin,
      json: { password: 'taken-over-2026' },
    });
    expect(reset.status).toBe(403);
    expect(reset.body.error).toMatch(/group administrator/);
  });

  it('the group keeps an administrator, refuses unknown estates by name, and every change is in the audit log', async () => {
    const admin = await login('admin');
    const me = (await call(API.me, { token: admin })).body.user;
    const last = await call(API.setGroupAccess, { params: { userId: me.id }, token: admin, json: { role: null } });
    expect(last.status).toBe(409);
    const unknown = await call(API.setGroupAccess, {
      params: { userId: await userId('region-east') },
      token: admin,
      json: { role: 'regional', estateIds: ['atlantis'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields?.[0]?.path).toBe('estateIds');
    const empty = await call(API.setGroupAccess, {
      params: { userId: await userId('region-east') },
      token: admin,
      json: { role: 'regional' },
    });
    expect(empty.status).toBe(400);
    const log = (await call(API.auditLog, { params: { estateId: DEMO }, query: { action: 'group.access' }, token: admin })).body;
    expect(log.entries.map((e) => [e.target, (e.after as { role: string }).role])).toEqual([
      ['夜班主管 (rs-night)', 'regional'],
      ['group-qa (group-qa)', 'groupQuality'],
      ['region-east (region-east)', 'regional'],
    ]);
    expect(log.entries[0].before).toEqual({ role: null, estateIds: [] });
  });
});
