import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEADLINE_POLICY } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Every administrative change is in the audit log: who, when, what was before and after; never a secret. */
let server: TestServer;
const params = { estateId: 'demo-gardens' };
const SECRET = 'SECd2c2f7c86ab34f2bb4f5d1c0e1fbb0a1';
const PASSWORD = 'reset-by-admin-77';

beforeAll(async () => {
  server = await startTestServer({ config: { plainHttpChannelHosts: ['127.0.0.1'] } });
});
afterAll(() => server.close());

describe('the audit log', () => {
  it('records each change of people, locations, codes, policy, rules, channels and the estate, searchable and as CSV', async () => {
    const admin = await server.login('admin');
    const call = server.call;
    const at = server.clock.now;
    const loc = (
      await call(API.addLocation, { params, token: admin, json: { kind: 'corridor', name: { zh: '3号楼楼道', en: 'Building 3 stairs' } } })
    ).body;
    await call(API.changeLocation, {
      params: { ...params, id: loc.id },
      token: admin,
      json: { kind: 'corridor', name: { zh: '3号楼东楼道', en: 'Building 3 east stairs' } },
    });
    await call(API.revokeCode, { params: { ...params, id: loc.id }, token: admin });
    const person = (
      await call(API.addUser, { params, token: admin, json: { username: 'he.ming', displayName: '何明', role: 'inspector' } })
    ).body;
    const userParams = { ...params, userId: person.id };
    await call(API.setMembership, { params: userParams, token: admin, json: { role: 'department', departmentId: 'cleaning', lead: true } });
    await call(API.resetPassword, { params: userParams, token: admin, json: { password: PASSWORD } });
    await call(API.disableUser, { params: userParams, token: admin });
    await call(API.enableUser, { params: userParams, token: admin });
    await call(API.invite, { params: userParams, token: admin });
    await call(API.setPolicy, {
      params,
      token: admin,
      json: { ...DEFAULT_DEADLINE_POLICY, hours: { general: 48, important: 24, urgent: 4 } },
    });
    const rule = { id: 'hygiene', category: 'hygiene' as const, locationKind: null, buildingId: null, departmentId: 'cleaning' };
    await call(API.setRouting, { params, token: admin, json: { rules: [rule] } });
    const channel = (
      await call(API.addChannel, {
        params,
        token: admin,
        json: {
          kind: 'dingtalk',
          name: '品质群',
          url: 'http://127.0.0.1:9/robot/send?access_token=tok-123',
          secret: SECRET,
          audience: { kind: 'quality' },
        },
      })
    ).body;
    await call(API.removeChannel, { params: { ...params, id: channel.id }, token: admin });

    const log = (await call(API.auditLog, { params, token: admin, query: { limit: 100 } })).body;
    const mine = log.entries.filter((e) => e.at >= at).reverse();
    expect(mine.map((e) => e.action)).toEqual([
      'location.add',
      'location.change',
      'location.revokeCode',
      'user.add',
      'user.membership',
      'user.resetPassword',
      'user.disable',
      'user.enable',
      'user.invite',
      'policy.set',
      'routing.set',
      'channel.add',
      'channel.remove',
    ]);
    expect(mine.every((e) => e.actor === '系统管理员 Admin (admin)')).toBe(true);
    expect(mine[1]).toMatchObject({ target: '3号楼东楼道', before: { name: { zh: '3号楼楼道' } }, after: { name: { zh: '3号楼东楼道' } } });
    expect(mine[4]).toMatchObject({
      target: 'he.ming',
      before: { role: 'inspector' },
      after: { role: 'department', departmentId: 'cleaning', lead: true },
    });
    expect(mine[9]).toMatchObject({ before: { hours: DEFAULT_DEADLINE_POLICY.hours }, after: { hours: { general: 48 } } });

    // Searchable by who or what, whatever the case; filtered by action.
    const found = (await call(API.auditLog, { params, token: admin, query: { q: 'HE.MING' } })).body;
    expect(found.entries.map((e) => e.action).sort()).toEqual(
      ['user.add', 'user.disable', 'user.enable', 'user.invite', 'user.membership', 'user.resetPassword'].sort(),
    );
    expect((await call(API.auditLog, { params, token: admin, query: { action: 'channel.add' } })).body.total).toBe(1);

    // A spreadsheet of it, with no secret, robot token or password in it.
    const csv = await call(API.auditLog, { params, token: admin, query: { format: 'csv' } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split(/\r?\n/)[0]).toBe('time,who,action,target,before,after');
    expect(csv.text).toContain('3号楼东楼道');
    // Actions read in words, with the id kept for a spreadsheet's filter.
    expect(csv.text).toContain('新增点位 · Location added (location.add)');
    for (const secret of [SECRET, 'tok-123', PASSWORD]) expect(csv.text).not.toContain(secret);
  });

  it('is for administrators only, and a bad action is named', async () => {
    expect((await server.call(API.auditLog, { params, token: await server.login('supervisor') })).status).toBe(403);
    const bad = await server.call(API.auditLog, { params, token: await server.login('admin'), query: { action: 'drop.tables' } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.[0]?.path).toBe('action');
  });
});
