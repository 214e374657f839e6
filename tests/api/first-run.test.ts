import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEFAULT_DEPARTMENTS, DEFAULT_ROUTING, DEFAULT_TEMPLATES, type SetupRequest } from '../../shared/index.ts';
import { issueSetupLink } from '../../server/services/first-run.ts';
import { createAdmin, describeUsers, resetPassword } from '../../server/services/operator.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A real customer's first start: no demo, an empty database, a one-time setup link, and recovery on the server. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ empty: true });
});
afterAll(() => server.close());

const newLink = async () => {
  const link = await issueSetupLink({ store: server.running.deps.store, clock: () => server.clock.now, publicUrl: 'http://pqm.test' });
  return new URL(link!).hash.slice(1);
};
const request = (token: string, patch: Partial<SetupRequest> = {}): SetupRequest => ({
  token,
  organisation: { name: '安居物业服务有限公司' },
  admin: { username: 'zhou', displayName: '周经理 Zhou', password: 'harbour-view-2026' },
  estate: {
    name: { zh: '滨江花园', en: 'Riverside Gardens' },
    address: '上海市浦东新区滨江大道 1 号',
    timeZone: 'Asia/Shanghai',
    households: 860,
    servicePhone: '021-5555 0100',
  },
  ...patch,
});

describe('the first start of a real install', () => {
  it('a server with no account says it waits for its setup, and a made-up link is refused with nothing written', async () => {
    expect((await server.call(API.firstRun, {})).body).toEqual({ needed: true });
    await newLink();
    const r = await server.call(API.completeSetup, { json: request('x'.repeat(43)) });
    expect(r.status).toBe(403);
    expect(await server.running.deps.store.read.countUsers()).toBe(0);
    expect(await server.running.deps.store.read.listEstates()).toEqual([]);
  });

  it('a weak password, one containing the username, and a bad phone number are refused by name, and the link still works after', async () => {
    const token = await newLink();
    const weak = await server.call(API.completeSetup, {
      json: request(token, { admin: { username: 'zhou', displayName: 'Zhou', password: 'short1' } }),
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields?.[0]?.path).toBe('admin.password');
    const named = await server.call(API.completeSetup, {
      json: request(token, { admin: { username: 'zhou', displayName: 'Zhou', password: 'zhou-2026-harbour' } }),
    });
    expect(named.status).toBe(400);
    expect(named.body.fields?.[0]?.path).toBe('admin.password');
    const phone = await server.call(API.completeSetup, {
      json: request(token, { estate: { ...request(token).estate, servicePhone: 'call us' } }),
    });
    expect(phone.body.fields?.[0]?.path).toBe('estate.servicePhone');
    expect(await server.running.deps.store.read.countUsers()).toBe(0);
  });

  it('an older link stops working once a newer one is printed', async () => {
    const old = await newLink();
    await newLink();
    expect((await server.call(API.completeSetup, { json: request(old) })).status).toBe(403);
  });

  it('the link creates the organisation, the first administrator (signed in) and an estate that starts from the defaults; then it is spent', async () => {
    const token = await newLink();
    const r = await server.call(API.completeSetup, { json: request(token) });
    expect(r.status, r.text).toBe(200);
    const admin = r.body.token;
    expect(r.body.memberships).toEqual([expect.objectContaining({ role: 'admin' })]);
    const estateId = r.body.memberships[0].estateId;
    const me = (await server.call(API.me, { token: admin })).body;
    expect(me.estates[0]).toMatchObject({
      name: { zh: '滨江花园', en: 'Riverside Gardens' },
      address: '上海市浦东新区滨江大道 1 号',
      servicePhone: '021-5555 0100',
      households: 860,
    });
    const setup = (await server.call(API.setup, { params: { estateId }, token: admin })).body;
    // The defaults, with department ids of this estate's own.
    const own = (id: string) => `${estateId}-${id}`;
    expect(setup.departments.map((d) => [d.id, d.name.zh]).sort()).toEqual(DEFAULT_DEPARTMENTS.map((d) => [own(d.id), d.name.zh]).sort());
    expect(setup.templates).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(setup.routing).toEqual(DEFAULT_ROUTING.map((r) => ({ ...r, departmentId: own(r.departmentId) })));
    expect(setup.locations).toEqual([]);
    expect((await server.running.deps.store.read.getOrganisation())?.name).toBe('安居物业服务有限公司');

    expect((await server.call(API.firstRun, {})).body).toEqual({ needed: false });
    const again = await server.call(API.completeSetup, { json: request(token) });
    expect(again.status).toBe(409);
    // Once an account exists, no new link is made (the admin command is the way in then).
    expect(
      await issueSetupLink({ store: server.running.deps.store, clock: () => server.clock.now, publicUrl: 'http://pqm.test' }),
    ).toBeNull();
  });
});

describe('recovery on the server itself (npm run admin)', () => {
  it('creates another administrator who can sign in, and a reset password ends the old one and its sessions', async () => {
    const store = server.running.deps.store;
    const made = await createAdmin(store, { username: 'backup-admin', displayName: '备用管理员' }, server.clock.now);
    expect(made.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const session = await server.login('backup-admin', made.password);
    expect((await server.call(API.me, { token: session })).body.memberships[0].role).toBe('admin');

    const fresh = await resetPassword(store, 'backup-admin');
    expect((await server.call(API.me, { token: session })).status).toBe(401);
    expect((await server.call(API.login, { json: { username: 'backup-admin', password: made.password } })).status).toBe(401);
    expect((await server.call(API.login, { json: { username: 'backup-admin', password: fresh } })).status).toBe(200);
    expect(await describeUsers(store)).toMatch(/backup-admin\s+备用管理员\s+active\s+admin@e-/);
  });
});
