import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
const H = 3_600_000;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function patrolIssue(): Promise<string> {
  const r = await server.call(API.submitInspection, {
    token: await server.login('wang'),
    json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', 'log not filled since Friday')),
  });
  return r.body.issues[0];
}
const act = async (user: string, issueId: string, action: unknown, id = randomUUID()) =>
  server.request('POST', `/api/issues/${issueId}/actions`, { token: await server.login(user), json: { id, action } });

describe('the rectification workflow over HTTP', () => {
  it('assign → rectify with an after-photo → verify, each step in the history with who and when', async () => {
    const issueId = await patrolIssue();
    expect(
      (await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'Fill in the log daily' })).status,
    ).toBe(201);
    server.clock.advance(2 * H);
    const after = await jpeg(40, 40, '#00aa55');
    await server.request('PUT', `/api/photos/${sha256(after)}`, { token: await server.login('engineering'), body: after });
    const fixed = await act('engineering', issueId, {
      type: 'rectify',
      note: 'log completed',
      photos: [{ sha256: sha256(after), size: after.length }],
    });
    expect(fixed.body.issue).toMatchObject({ status: 'rectified', rectifiedAt: server.clock.now });
    server.clock.advance(H);
    expect((await act('supervisor', issueId, { type: 'verify' })).body.issue.status).toBe('closed');

    const view = await server.request('GET', `/api/issues/${issueId}`, { token: await server.login('supervisor') });
    expect(view.body.history.map((e: { type: string; actor: { id?: string } }) => [e.type, e.actor.id])).toEqual([
      ['created', 'u-wang'],
      ['assign', 'u-supervisor'],
      ['rectify', 'u-eng'],
      ['verify', 'u-supervisor'],
    ]);
    expect(view.body.issue.afterPhotos).toEqual([{ sha256: sha256(after), size: after.length }]);
    // The department sees its after-photo; it is linked to the issue.
    expect((await server.call(API.photo, { params: { sha: sha256(after) }, token: await server.login('engineering') })).status).toBe(200);
  });

  it('a department cannot verify, an inspector cannot assign, another department cannot rectify', async () => {
    const issueId = await patrolIssue();
    expect((await act('wang', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'x' })).status).toBe(403);
    await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'x' });
    expect((await act('cleaning', issueId, { type: 'rectify', note: 'done', photos: [] })).status).toBe(403);
    await act('engineering', issueId, { type: 'rectify', note: 'done', photos: [] });
    expect((await act('engineering', issueId, { type: 'verify' })).status).toBe(403);
  });

  it('an action in the wrong state is a 409 naming the state', async () => {
    const issueId = await patrolIssue();
    const r = await act('supervisor', issueId, { type: 'verify' });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('cannot verify an issue that is reported');
  });

  it('a retried action returns its first receipt instead of acting twice', async () => {
    const issueId = await patrolIssue();
    const id = randomUUID();
    const first = await act('supervisor', issueId, { type: 'escalate', reason: 'pump room again' }, id);
    const again = await act('supervisor', issueId, { type: 'escalate', reason: 'pump room again' }, id);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect((await server.running.deps.store.read.getIssue(issueId))?.manualLevel).toBe(1);
  });

  it('assigning to a department of another estate is refused, naming the field', async () => {
    const issueId = await patrolIssue();
    const r = await act('supervisor', issueId, { type: 'assign', departmentId: 'rs-eng', requirement: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.fields[0].path).toBe('action.departmentId');
  });

  it('the history is append-only, even to the storage layer', async () => {
    const issueId = await patrolIssue();
    await expect(server.sql('UPDATE issue_events SET type = ? WHERE issue_id = ?', ['verify', issueId])).rejects.toThrow(/append-only/);
    await expect(server.sql('DELETE FROM issue_events WHERE issue_id = ?', [issueId])).rejects.toThrow(/append-only/);
  });

  it("at a location, department staff see only their own department's open issues", async () => {
    const issueId = await patrolIssue();
    await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'fill the log' });
    const code = (await server.running.deps.store.read.getLocation('pump-room'))!.code;
    const mine = await server.request('GET', `/api/locations/by-code/${code}`, { token: await server.login('engineering') });
    const theirs = await server.request('GET', `/api/locations/by-code/${code}`, { token: await server.login('cleaning') });
    expect(mine.body.staff.openIssues.map((i: { id: string }) => i.id)).toContain(issueId);
    expect(theirs.body.staff.openIssues.map((i: { id: string }) => i.id)).not.toContain(issueId);
  });

  it('department staff list their notices, soonest deadline first', async () => {
    const a = await patrolIssue();
    const b = await patrolIssue();
    await act('supervisor', a, { type: 'assign', departmentId: 'engineering', requirement: 'later', deadline: server.clock.now + 10 * H });
    await act('supervisor', b, { type: 'assign', departmentId: 'engineering', requirement: 'sooner', deadline: server.clock.now + 2 * H });
    const r = await server.request('GET', '/api/estates/demo-gardens/notices', { token: await server.login('engineering') });
    const ids = r.body.notices.map((n: { id: string }) => n.id);
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
    expect(r.body.notices.every((n: { departmentId: string }) => n.departmentId === 'engineering')).toBe(true);
  });
});

describe('administration', () => {
  it('a CSV import with one bad line imports nothing and names the line', async () => {
    const admin = await server.login('admin');
    const before = (await server.running.deps.store.read.listLocations('demo-gardens')).length;
    const r = await server.call(API.importLocations, {
      params: { estateId: 'demo-gardens' },
      token: admin,
      json: { csv: 'kind,name_zh,name_en,building\nlobby,3号楼大堂,Building 3 lobby,b1\nspaceship,梯,Lift,b1\n' },
    });
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([
      {
        path: 'csv.line3',
        message: expect.stringMatching(/^kind "spaceship" is not one of Lobby, Lift/),
        rule: 'csv',
        zh: expect.stringMatching(/^点位类型“spaceship”不是可选的类型\(大堂、电梯/),
      },
    ]);
    expect(await server.running.deps.store.read.listLocations('demo-gardens')).toHaveLength(before);
    const ok = await server.call(API.importLocations, {
      params: { estateId: 'demo-gardens' },
      token: admin,
      json: { csv: '\uFEFFkind,name_zh,name_en,building\r\nlobby,"3号楼大堂, 东",Building 3 lobby,1号楼\r\n' },
    });
    expect(ok.body.created).toBe(1);
    expect(ok.body.locations[0]).toMatchObject({ buildingId: 'b1', name: { zh: '3号楼大堂, 东' } });
  });

  it('a sheet with the Chinese column names and kinds people use, previewed first; the buildings it names are made with it', async () => {
    const admin = await server.login('admin');
    const params = { estateId: 'demo-gardens' };
    const csv = '点位类型,点位名称,楼栋\n大堂,5号楼大堂,5号楼\n楼梯间,5号楼楼梯,5号楼\n消防站,5号楼消防站,5号楼\n门岗,西门岗亭,\n';
    const before = await server.running.deps.store.read.listLocations('demo-gardens');
    const preview = await server.call(API.importLocations, { params, token: admin, json: { csv, preview: true } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ created: 4, preview: true, newBuildings: ['5号楼'] });
    expect(preview.body.locations.map((l) => l.kind)).toEqual(['lobby', 'corridor', 'fire_point', 'gate']);
    expect(await server.running.deps.store.read.listLocations('demo-gardens')).toHaveLength(before.length);

    const done = await server.call(API.importLocations, { params, token: admin, json: { csv } });
    expect(done.status).toBe(201);
    const building = (await server.running.deps.store.read.listBuildings('demo-gardens')).find((b) => b.name.zh === '5号楼');
    expect(building).toBeDefined();
    expect(done.body.locations.filter((l) => l.buildingId === building!.id)).toHaveLength(3);
    // No English name given: the Chinese one serves.
    expect(done.body.locations[3].name).toEqual({ zh: '西门岗亭', en: '西门岗亭' });
  });

  it('editing a checklist makes a new version and never rewrites past inspections', async () => {
    const admin = await server.login('admin');
    const first = await server.call(API.submitInspection, {
      token: await server.login('wang'),
      json: inspection('green_area', 'north-garden', server.clock.now),
    });
    expect(first.status).toBe(201);
    const r = await server.call(API.publishTemplate, {
      params: { estateId: 'demo-gardens' },
      token: admin,
      json: {
        id: 'tpl-green',
        kind: 'green_area',
        name: { zh: '绿化巡查', en: 'Green area check' },
        schedule: { kind: 'dailyAt', times: ['08:00', '15:00'] },
        items: [{ id: 'growth', label: { zh: '长势', en: 'Growth' }, category: 'greening', answer: { kind: 'passFail' } }],
      },
    });
    expect(r.body.version).toBe(2);
    const old = (await server.running.deps.store.read.getInspection(first.body.id))!;
    expect([old.templateId, old.templateVersion]).toEqual(['tpl-green', 1]);
    expect((await server.running.deps.store.read.getTemplate('demo-gardens', 'tpl-green', 1))?.items.length).toBe(6);
  });

  it('revoking a QR code issues a new one and the old one stops working', async () => {
    const admin = await server.login('admin');
    const old = (await server.running.deps.store.read.getLocation('b2-stairs'))!.code;
    const r = await server.call(API.revokeCode, { params: { estateId: 'demo-gardens', id: 'b2-stairs' }, token: admin });
    expect(r.body.code).not.toBe(old);
    expect((await server.call(API.landing, { params: { code: old } })).status).toBe(404);
    expect((await server.call(API.landing, { params: { code: r.body.code } })).status).toBe(200);
  });
});
