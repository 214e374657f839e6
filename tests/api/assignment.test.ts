import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type IssueActionInput, type RoutingRule } from '../../shared/index.ts';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * A job owned by one person (责任人) inside the department, the department's lead (部门负责人) who hands jobs on, and
 * the append-only history of every hand-over. Demo people: 刘芳 leads cleaning (`cleaning`), 张敏 works in it (`zhang`);
 * 黄斌 is in engineering (`huang`).
 */
let server: TestServer;
const params = { estateId: 'demo-gardens' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A pump-room round with its log not filled: a finding waiting for dispatch (the test estate has no rules). */
const finding = async () => {
  const r = await server.call(API.submitInspection, {
    token: await server.login('wang'),
    json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', 'log not filled')),
  });
  expect(r.status, r.text).toBe(201);
  return r.body.issues[0];
};
const act = async (user: string, id: string, action: IssueActionInput) =>
  server.call(API.actOnIssue, { params: { id }, token: await server.login(user), json: { id: randomUUID(), action } });
const toCleaning = (assigneeId: string | null = null): IssueActionInput => ({
  type: 'assign',
  departmentId: 'cleaning',
  requirement: 'fill in the log',
  assigneeId,
});
const history = async (id: string) =>
  (await server.call(API.issue, { params: { id }, token: await server.login('supervisor') })).body.history.map((e) => e.type);
const notices = async (user: string) => (await server.call(API.notices, { params, token: await server.login(user) })).body;

describe('a job owned by one person', () => {
  it("a supervisor gives a job to a person of the department: it is theirs in the department's list, which names who else could take it", async () => {
    const id = await finding();
    const r = await act('supervisor', id, toCleaning('u-cleaner'));
    expect(r.status, r.text).toBe(201);
    expect(r.body.issue?.assigneeId).toBe('u-cleaner');
    const list = await notices('zhang');
    expect(list.notices.find((n) => n.id === id)?.assignee).toEqual({ id: 'u-cleaner', displayName: '保洁员 张敏 Zhang Min' });
    expect(list.people.map((p) => p.id).sort()).toEqual(['u-clean', 'u-cleaner']);
  });

  it('a person from another department cannot be given the job, and nothing is written', async () => {
    const id = await finding();
    const r = await act('supervisor', id, toCleaning('u-fitter'));
    expect(r.status).toBe(400);
    expect(r.body.fields?.[0]?.path).toBe('action.assigneeId');
    expect(await history(id)).toEqual(['created']);
  });

  it("the department's lead hands a job on; a colleague cannot take one that is not theirs; its owner can give it back", async () => {
    const id = await finding();
    await act('supervisor', id, toCleaning());
    expect((await act('zhang', id, { type: 'handOver', assigneeId: 'u-cleaner' })).status).toBe(403);
    const handed = await act('cleaning', id, { type: 'handOver', assigneeId: 'u-cleaner', note: '今天你当班' });
    expect(handed.status, handed.text).toBe(201);
    expect(handed.body.issue?.assigneeId).toBe('u-cleaner');
    const back = await act('zhang', id, { type: 'handOver', assigneeId: null, note: '下班了 · off shift' });
    expect(back.body.issue?.assigneeId).toBeNull();
    // Handing a job to whoever has it already changes nothing.
    expect((await act('cleaning', id, { type: 'handOver', assigneeId: null })).status).toBe(409);
    const detail = (await server.call(API.issue, { params: { id }, token: await server.login('supervisor') })).body;
    const handOvers = detail.history.filter((e) => e.type === 'handOver').map((e) => [e.actor.kind === 'user' && e.actor.id, e.data]);
    expect(handOvers).toEqual([
      ['u-clean', { from: null, to: 'u-cleaner', note: '今天你当班' }],
      ['u-cleaner', { from: 'u-cleaner', to: null, note: '下班了 · off shift' }],
    ]);
  });

  it("any member of the department may still report the fix of a colleague's job", async () => {
    const id = await finding();
    await act('supervisor', id, toCleaning('u-cleaner'));
    const fixed = await act('cleaning', id, { type: 'rectify', note: 'filled in', photos: [] });
    expect(fixed.body.issue?.status).toBe('rectified');
  });

  it('a dispatch rule naming a person gives them the job; one naming someone who left the department gives it to the department', async () => {
    const admin = await server.login('admin');
    const rule: RoutingRule = {
      id: 'plant',
      category: null,
      locationKind: 'plant_room',
      buildingId: null,
      departmentId: 'engineering',
      assigneeId: 'u-fitter',
    };
    expect((await server.call(API.setRouting, { params, token: admin, json: { rules: [rule] } })).status).toBe(200);
    const first = await finding();
    expect((await server.call(API.issue, { params: { id: first }, token: admin })).body.issue.assigneeId).toBe('u-fitter');

    const moved = await server.call(API.setMembership, {
      params: { ...params, userId: 'u-fitter' },
      token: admin,
      json: { role: 'department', departmentId: 'cleaning' },
    });
    expect(moved.status, moved.text).toBe(200);
    // Their open job went back to engineering as a whole, recorded as a hand-over by the administrator.
    const after = (await server.call(API.issue, { params: { id: first }, token: admin })).body;
    expect(after.issue.assigneeId).toBeNull();
    expect(after.history.at(-1)).toMatchObject({ type: 'handOver', actor: { id: 'u-admin' }, data: { from: 'u-fitter', to: null } });

    const second = await finding();
    expect((await server.call(API.issue, { params: { id: second }, token: admin })).body.issue).toMatchObject({
      departmentId: 'engineering',
      assigneeId: null,
    });
    await server.call(API.setMembership, {
      params: { ...params, userId: 'u-fitter' },
      token: admin,
      json: { role: 'department', departmentId: 'engineering' },
    });
    await server.call(API.setRouting, { params, token: admin, json: { rules: [] } });
  });

  it('only an administrator changes who leads a department, and a lead needs a department', async () => {
    const body = { role: 'department' as const, departmentId: 'cleaning', lead: true };
    const by = async (user: string) =>
      server.call(API.setMembership, { params: { ...params, userId: 'u-cleaner' }, token: await server.login(user), json: body });
    expect((await by('supervisor')).status).toBe(403);
    expect((await by('admin')).status).toBe(200);
    const setup = (await server.call(API.setup, { params, token: await server.login('admin') })).body;
    expect(setup.members.find((m) => m.userId === 'u-cleaner')).toMatchObject({ departmentId: 'cleaning', lead: true });
    const inspector = await server.call(API.setMembership, {
      params: { ...params, userId: 'u-cleaner' },
      token: await server.login('admin'),
      json: { role: 'inspector', lead: true },
    });
    expect(inspector.status).toBe(200);
    const again = (await server.call(API.setup, { params, token: await server.login('admin') })).body;
    expect(again.members.find((m) => m.userId === 'u-cleaner')).toMatchObject({ role: 'inspector', departmentId: null, lead: false });
    await server.call(API.setMembership, {
      params: { ...params, userId: 'u-cleaner' },
      token: await server.login('admin'),
      json: { role: 'department', departmentId: 'cleaning' },
    });
  });
});
