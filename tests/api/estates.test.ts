import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_TEMPLATES } from '../../shared/index.ts';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Administrators add, edit, archive and restore estates; an archived estate keeps its history, read-only. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const riverside = {
  name: { zh: '江畔名邸', en: 'Riverside Residences' },
  address: '杭州市滨江区 8 号',
  timeZone: 'Asia/Shanghai',
  households: 540,
  servicePhone: '0571-8888 6666',
};

describe('estates', () => {
  it('an administrator adds an estate, which starts from the defaults with them as its administrator; others may not', async () => {
    expect((await server.call(API.createEstate, { token: await server.login('supervisor'), json: riverside })).status).toBe(403);
    const admin = await server.login('admin');
    const r = await server.call(API.createEstate, { token: admin, json: riverside });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ ...riverside, archivedAt: null });
    const setup = (await server.call(API.setup, { params: { estateId: r.body.id }, token: admin })).body;
    expect(setup.templates).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(setup.members.map((m) => [m.username, m.role])).toEqual([['admin', 'admin']]);
    expect((await server.call(API.estates, { token: admin })).body.map((e) => e.id)).toContain(r.body.id);
  });

  it('renames an estate and changes its details; a bad phone number is refused by name', async () => {
    const admin = await server.login('admin');
    const [estate] = (await server.call(API.estates, { token: admin })).body.filter((e) => e.name.zh === '江畔名邸');
    const renamed = await server.call(API.updateEstate, {
      params: { estateId: estate.id },
      token: admin,
      json: { ...riverside, name: { zh: '江畔名邸(二期)', en: 'Riverside Residences II' } },
    });
    expect(renamed.body.name.zh).toBe('江畔名邸(二期)');
    // A change of the estate (its zone, say) makes every server's patrol board rebuild.
    const revision = await server.running.deps.store.read.estateRevision(estate.id);
    await server.call(API.updateEstate, { params: { estateId: estate.id }, token: admin, json: { ...riverside, timeZone: 'Asia/Urumqi' } });
    expect(await server.running.deps.store.read.estateRevision(estate.id)).toBeGreaterThan(revision);
    const bad = await server.call(API.updateEstate, {
      params: { estateId: estate.id },
      token: admin,
      json: { ...riverside, servicePhone: 'ask' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.[0]?.path).toBe('servicePhone');
  });

  it('an archived estate can be read but not changed, owes no patrols, and its locations stop; restoring starts them again', async () => {
    const admin = await server.login('admin');
    const params = { estateId: 'demo-gardens' };
    const found = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', 'log not filled')),
    });
    const code = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
    const owner = (
      await server.call(API.reportProblem, { json: { id: randomUUID(), locationCode: code, category: 'hygiene', description: '门厅积水' } })
    ).body;
    const before = (await server.call(API.alerts, { params, token: await server.login('supervisor') })).body;
    const archived = await server.call(API.archiveEstate, { params, token: admin });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body.archivedAt).toBe(server.clock.now);

    // Read: yes. Change: no, with a clear reason. Patrols: none owed from now on.
    expect((await server.call(API.setup, { params, token: admin })).status).toBe(200);
    const round = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection('lobby', 'b1-lobby', server.clock.now, failItem('floor', 'wet floor')),
    });
    expect(round.status).toBe(409);
    expect(round.body).toMatchObject({ code: 'archived', error: expect.stringMatching(/archived/) });
    const escalate = await server.call(API.actOnIssue, {
      params: { id: found.body.issues[0] },
      token: admin,
      json: { id: randomUUID(), action: { type: 'escalate', reason: 'late' } },
    });
    expect(escalate.status).toBe(409);
    const later = (await server.call(API.alerts, { params, token: await server.login('supervisor') })).body;
    expect(later.counts.due).toBe(0);
    expect(later.counts.dueSoon).toBe(0);
    expect((await server.call(API.landing, { params: { code } })).status).toBe(404);
    // The owner still reads their report, and is told the estate no longer answers it.
    const tracking = await server.call(API.tracking, { params: { token: owner.trackingToken } });
    expect(tracking.body).toMatchObject({ canConfirm: false, canSayNotFixed: false, canRate: false });
    const answer = await server.call(API.notFixed, { params: { token: owner.trackingToken }, json: { reason: 'still wet' } });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatch(/no longer uses this service/);
    expect((await server.call(API.archiveEstate, { params, token: admin })).status).toBe(409);

    const restored = await server.call(API.restoreEstate, { params, token: admin });
    expect(restored.body.archivedAt).toBeNull();
    expect((await server.call(API.landing, { params: { code } })).status).toBe(200);
    const again = (await server.call(API.alerts, { params, token: await server.login('supervisor') })).body;
    expect(again.counts.due + again.counts.dueSoon).toBe(before.counts.due + before.counts.dueSoon);
  });
});
