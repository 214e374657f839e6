import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type Readiness } from '../../shared/index.ts';
import { issueSetupLink } from '../../server/services/first-run.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The getting-started checklist follows a new estate from nothing to ready for its first patrol. */
let server: TestServer;
let admin: string;
let estateId: string;
beforeAll(async () => {
  server = await startTestServer({ empty: true, config: { plainHttpChannelHosts: ['127.0.0.1'] } });
  const link = await issueSetupLink({ store: server.running.deps.store, clock: () => server.clock.now, publicUrl: 'http://pqm.test' });
  const r = await server.call(API.completeSetup, {
    json: {
      token: new URL(link!).hash.slice(1),
      organisation: { name: '安居物业' },
      admin: { username: 'boss', displayName: '经理', password: 'a-long-pass-phrase-here' },
      estate: { name: { zh: '新项目', en: 'New estate' } },
    },
  });
  admin = r.body.token;
  estateId = r.body.memberships[0].estateId;
});
afterAll(() => server.close());

const steps = async () => {
  const r = (await server.call(API.readiness, { params: { estateId }, token: admin })).body as Readiness;
  return Object.fromEntries(r.steps.map((s) => [s.step, s.done ? 'done' : `missing ${s.missing}`]));
};

describe('the getting-started checklist', () => {
  it('a new estate lists every step; each is ticked as it is done', async () => {
    expect(await steps()).toEqual({
      locations: 'missing 1',
      labels: 'missing 0',
      staff: 'missing 2',
      invitations: 'missing 0',
      schedules: 'missing 0',
      channels: 'missing 1',
    });
    const params = { estateId };
    const lobby = (await server.call(API.addLocation, { params, token: admin, json: { kind: 'lobby', name: { zh: '大堂', en: 'Lobby' } } }))
      .body;
    const gate = (await server.call(API.addLocation, { params, token: admin, json: { kind: 'gate', name: { zh: '门岗', en: 'Gate' } } }))
      .body;
    expect(await steps()).toMatchObject({ locations: 'done', labels: 'missing 2', schedules: 'done' });
    await server.call(API.labelsPrinted, { params, token: admin, json: { locationIds: [lobby.id] } });
    expect((await steps()).labels).toBe('missing 1');
    await server.call(API.labelsPrinted, { params, token: admin, json: { locationIds: [gate.id] } });
    expect((await steps()).labels).toBe('done');

    const departmentId = (await server.call(API.setup, { params, token: admin })).body.departments[0].id;
    await server.call(API.addUser, { params, token: admin, json: { username: 'ins', displayName: '巡查员', role: 'inspector' } });
    expect(await steps()).toMatchObject({ staff: 'missing 1', invitations: 'missing 1' });
    await server.call(API.addUser, {
      params,
      token: admin,
      json: { username: 'dept', displayName: '保洁', role: 'department', departmentId, password: 'set-by-admin-1' },
    });
    expect(await steps()).toMatchObject({ staff: 'done', invitations: 'missing 1' });

    await server.call(API.addChannel, {
      params,
      token: admin,
      json: { kind: 'wecom', name: '品质群', url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k', audience: { kind: 'quality' } },
    });
    expect((await steps()).channels).toBe('done');
  });
});
