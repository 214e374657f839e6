/**
 * Shared templates: the group's checklists and score sheets, edited once and published to the chosen estates, where
 * each becomes the estate's next version. Past inspections keep theirs; an estate may still differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_SCORING_SHEET, DEFAULT_TEMPLATES, type ChecklistItem, type GroupLibrary } from '../../shared/index.ts';
import { ESTATE_B } from '../support/estates.ts';
import { inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DEMO = 'demo-gardens';
const LOBBY = DEFAULT_TEMPLATES.find((t) => t.id === 'tpl-lobby')!;
const doormat: ChecklistItem = {
  id: 'doormat',
  label: { zh: '防滑地垫铺设到位', en: 'Non-slip mats in place' },
  category: 'hygiene',
  answer: { kind: 'passFail' },
  severity: 'general',
  photoOnFail: false,
};

const library = async (token: string) => (await server.call(API.groupLibrary, { token })).body as GroupLibrary;
const statusOf = (lib: GroupLibrary, id: string) =>
  Object.fromEntries(lib.checklists.find((c) => c.template.id === id)!.estates.map((e) => [e.estateId, [e.status, e.version]]));

describe('the group’s shared checklists', () => {
  it('start from the defaults every estate has, so each estate reads the same', async () => {
    const lib = await library(await server.login('admin'));
    expect(lib.checklists.map((c) => c.template.id).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
    expect(statusOf(lib, 'tpl-lobby')).toEqual({ [DEMO]: ['same', 1], [ESTATE_B]: ['same', 1] });
    expect(lib.sheets.map((s) => [s.sheet.id, s.estates.map((e) => e.status)])).toEqual([[DEFAULT_SCORING_SHEET.id, ['same', 'same']]]);
  });

  it('an edit is a new group version; published to one estate, it is that estate’s next version and past rounds keep theirs', async () => {
    const admin = await server.login('admin');
    // A round at the demo's lobby on today's checklist.
    const before = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection('lobby', 'b1-lobby', server.clock.now),
    });
    expect(before.status, before.text).toBe(201);

    const saved = await server.call(API.saveGroupChecklist, {
      token: admin,
      json: { id: LOBBY.id, kind: 'lobby', name: LOBBY.name, schedule: LOBBY.schedule, items: [...LOBBY.items, doormat] },
    });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body.version).toBe(2);
    expect(statusOf(await library(admin), 'tpl-lobby')).toEqual({ [DEMO]: ['differs', 1], [ESTATE_B]: ['differs', 1] });

    const published = await server.call(API.publishFromLibrary, {
      token: admin,
      json: { kind: 'checklist', id: LOBBY.id, estateIds: [DEMO] },
    });
    expect(published.status, published.text).toBe(200);
    expect(published.body).toEqual({ kind: 'checklist', id: LOBBY.id, groupVersion: 2, estates: [{ estateId: DEMO, version: 2 }] });
    expect(statusOf(await library(admin), 'tpl-lobby')).toEqual({ [DEMO]: ['same', 2], [ESTATE_B]: ['differs', 1] });
    // The phones get the new checklist; the morning's round still reads as version 1 with its six answers.
    const kit = (await server.call(API.fieldKit, { params: { estateId: DEMO }, token: await server.login('wang') })).body;
    expect(kit.templates.find((t) => t.id === LOBBY.id)?.items.map((i) => i.id)).toContain('doormat');
    const round = (await server.call(API.inspection, { params: { id: before.body.id }, token: admin })).body;
    expect([round.templateVersion, round.answers.length]).toEqual([1, LOBBY.items.length]);
    // Riverside is untouched until the group publishes to it.
    const riverside = (await server.call(API.setup, { params: { estateId: ESTATE_B }, token: await server.login('rs-admin') })).body;
    expect(riverside.templates.find((t) => t.id === LOBBY.id)?.version).toBe(1);
  });

  it('an estate that edits its own copy differs, and a later publish to it becomes its next version over its own', async () => {
    const rsAdmin = await server.login('rs-admin');
    const own = await server.call(API.publishTemplate, {
      params: { estateId: ESTATE_B },
      token: rsAdmin,
      json: {
        id: LOBBY.id,
        kind: 'lobby',
        name: { zh: '滨江苑大堂巡查', en: 'Riverside lobby round' },
        schedule: LOBBY.schedule,
        items: LOBBY.items,
      },
    });
    expect(own.body.version).toBe(2);
    const admin = await server.login('admin');
    expect(statusOf(await library(admin), 'tpl-lobby')[ESTATE_B]).toEqual(['differs', 2]);
    await server.call(API.publishFromLibrary, { token: admin, json: { kind: 'checklist', id: LOBBY.id, estateIds: [ESTATE_B] } });
    expect(statusOf(await library(admin), 'tpl-lobby')[ESTATE_B]).toEqual(['same', 3]);
    // Each estate's audit log says which group version arrived.
    const log = (await server.call(API.auditLog, { params: { estateId: ESTATE_B }, query: { action: 'template.publish' }, token: rsAdmin }))
      .body;
    expect(log.entries[0].target).toBe('大堂巡查 v3 (集团模板 v2)');
  });

  it('a refusal names what is wrong and publishes to no estate at all', async () => {
    const admin = await server.login('admin');
    const unknown = await server.call(API.publishFromLibrary, {
      token: admin,
      json: { kind: 'checklist', id: 'tpl-lift', estateIds: [DEMO, 'atlantis'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields?.[0]?.path).toBe('estateIds');
    expect(statusOf(await library(admin), 'tpl-lift')[DEMO]).toEqual(['same', 1]);
    const none = await server.call(API.publishFromLibrary, { token: admin, json: { kind: 'checklist', id: 'tpl-lift', estateIds: [] } });
    expect(none.status).toBe(400);
    const kind = await server.call(API.saveGroupChecklist, {
      token: admin,
      json: { id: LOBBY.id, kind: 'lift', name: LOBBY.name, schedule: null, items: LOBBY.items },
    });
    expect([kind.status, kind.body.fields?.[0]?.path]).toEqual([400, 'kind']);
  });
});

describe('the group’s shared score sheet', () => {
  it('must add up to 100; published, it scores the next month while past scores keep their sheet', async () => {
    const admin = await server.login('admin');
    const { version: _v, ...sheet } = DEFAULT_SCORING_SHEET;
    const [first, ...rest] = sheet.sections;
    const bad = await server.call(API.saveGroupSheet, {
      token: admin,
      json: { ...sheet, sections: [{ ...first, maxPoints: first.maxPoints + 5 }, ...rest] },
    });
    expect([bad.status, bad.body.fields?.[0]?.path]).toEqual([400, 'sections']);
    const renamed = { ...sheet, name: { zh: '集团月度综合检查评分表', en: 'Group monthly score sheet' } };
    expect((await server.call(API.saveGroupSheet, { token: admin, json: renamed })).status).toBe(201);
    const published = await server.call(API.publishFromLibrary, {
      token: admin,
      json: { kind: 'sheet', id: sheet.id, estateIds: [ESTATE_B] },
    });
    expect(published.body.estates).toEqual([{ estateId: ESTATE_B, version: 2 }]);
    const monthly = (await server.call(API.monthly, { params: { estateId: ESTATE_B }, token: await server.login('rs-supervisor') })).body;
    expect(monthly.sheet).toMatchObject({ version: 2, name: renamed.name });
    expect((await server.running.deps.store.read.getSheet(ESTATE_B, sheet.id, 1))?.name).toEqual(DEFAULT_SCORING_SHEET.name);
  });
});

describe('who keeps the library', () => {
  it('group administrators and quality managers; not a regional manager or an estate’s own administrator', async () => {
    const admin = await server.login('admin');
    await server.call(API.setGroupAccess, { params: { userId: 'u-supervisor' }, token: admin, json: { role: 'groupQuality' } });
    await server.call(API.setGroupAccess, {
      params: { userId: 'rs-supervisor' },
      token: admin,
      json: { role: 'regional', estateIds: [ESTATE_B] },
    });
    expect((await server.call(API.groupLibrary, { token: await server.login('supervisor') })).status).toBe(200);
    for (const who of ['rs-supervisor', 'rs-admin']) {
      expect((await server.call(API.groupLibrary, { token: await server.login(who) })).status, who).toBe(403);
      const r = await server.call(API.publishFromLibrary, {
        token: await server.login(who),
        json: { kind: 'checklist', id: 'tpl-lift', estateIds: [ESTATE_B] },
      });
      expect(r.status, who).toBe(403);
    }
  });
});
