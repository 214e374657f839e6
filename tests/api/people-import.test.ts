import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Staff in bulk, as the office keeps them in a sheet: each person gets their own invitation link. */
let server: TestServer;
const params = { estateId: 'demo-gardens' };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SHEET =
  '用户名,姓名,角色,部门\nzhou.li,巡查员 周丽,巡查员,\nma.qiang,保洁组长 马强,部门负责人,保洁部\nsong.jie,维修工 宋杰,部门人员,工程维修部\n';

describe('importing staff', () => {
  it('a sheet with the Chinese column and role names is previewed, then imported: each person is invited', async () => {
    const admin = await server.login('admin');
    const preview = await server.call(API.importPeople, { params, token: admin, json: { csv: SHEET, preview: true } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.people.map((p) => [p.username, p.role, p.departmentId, p.lead])).toEqual([
      ['zhou.li', 'inspector', null, false],
      ['ma.qiang', 'department', 'cleaning', true],
      ['song.jie', 'department', 'engineering', false],
    ]);
    expect(await server.running.deps.store.read.getUserByUsername('zhou.li')).toBeUndefined();

    const done = await server.call(API.importPeople, { params, token: admin, json: { csv: SHEET } });
    expect(done.status).toBe(201);
    expect(done.body.people.every((p) => /\/join#[A-Za-z0-9_-]{43}$/.test(p.invitation?.url ?? ''))).toBe(true);
    const token = new URL(done.body.people[1].invitation!.url).hash.slice(1);
    const joined = await server.call(API.acceptInvitation, { json: { token, password: 'ma-qiang-cleans-1' } });
    expect(joined.body.memberships).toEqual([expect.objectContaining({ role: 'department', departmentId: 'cleaning', lead: true })]);
    const log = (await server.call(API.auditLog, { params, token: admin, query: { action: 'users.import' } })).body;
    expect(log.entries[0]).toMatchObject({ target: '3' });
  });

  it('a wrong line or a taken username names the line, and nobody is imported', async () => {
    const admin = await server.login('admin');
    const bad = await server.call(API.importPeople, {
      params,
      token: admin,
      json: { csv: '用户名,姓名,角色,部门\nnew.one,新人,巡查员,\nnew.two,新人二,部门人员,厨房\n' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      { path: 'csv.line3', message: 'department "厨房" is not a department of this estate', rule: 'csv', zh: '部门“厨房”不是本项目的部门' },
    ]);
    const taken = await server.call(API.importPeople, {
      params,
      token: admin,
      json: { csv: '用户名,姓名,角色\nnew.one,新人,巡查员\nwang,王,巡查员\n' },
    });
    expect(taken.body.fields).toEqual([{ path: 'csv.line3', message: 'username wang is taken', rule: 'csv', zh: '用户名 wang 已被使用' }]);
    expect(await server.running.deps.store.read.getUserByUsername('new.one')).toBeUndefined();
    expect((await server.call(API.importPeople, { params, token: await server.login('supervisor'), json: { csv: SHEET } })).status).toBe(
      403,
    );
  });
});
