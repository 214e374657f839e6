import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** A new person chooses their own password on a one-time invitation link: no administrator ever knows it. */
let server: TestServer;
const params = { estateId: 'demo-gardens' };
const WEEK = 7 * 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const tokenOf = (url: string) => new URL(url).hash.slice(1);
const add = async (username: string, extra: Record<string, unknown> = {}) => {
  const r = await server.call(API.addUser, {
    params,
    token: await server.login('admin'),
    json: { username, displayName: `巡查员 ${username}`, role: 'inspector', ...extra },
  });
  expect(r.status, r.text).toBe(201);
  return r.body;
};
const signIn = (username: string, password: string) => server.call(API.login, { json: { username, password } });

describe('invitations', () => {
  it('a person added with no password gets a week-long link; nothing signs in until they choose their password on it', async () => {
    const made = await add('sun.li');
    expect(made.invitation?.url).toMatch(/^http:\/\/pqm\.test\/join#[A-Za-z0-9_-]{43}$/);
    expect(made.invitation?.expiresAt).toBe(server.clock.now + WEEK);
    for (const guess of ['', 'invited', 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'])
      expect((await signIn('sun.li', guess)).status).not.toBe(200);

    const token = tokenOf(made.invitation!.url);
    const peek = await server.call(API.peekInvitation, { json: { token } });
    expect(peek.body).toMatchObject({ username: 'sun.li', displayName: '巡查员 sun.li', estate: { zh: '示范花园' } });
    const joined = await server.call(API.acceptInvitation, {
      json: { token, password: 'my own secret 42' },
      headers: { 'user-agent': 'phone' },
    });
    expect(joined.status, joined.text).toBe(200);
    expect((await server.call(API.me, { token: joined.body.token })).body.user.username).toBe('sun.li');
    expect((await signIn('sun.li', 'my own secret 42')).status).toBe(200);
    // Spent: the link does not work a second time.
    expect((await server.call(API.acceptInvitation, { json: { token, password: 'someone else 42' } })).status).toBe(403);
    expect((await server.call(API.peekInvitation, { json: { token } })).status).toBe(403);
  });

  it('a weak password is refused by name and the link still works; a newer link replaces the older; a week later it has expired', async () => {
    const made = await add('qian.yu');
    const first = tokenOf(made.invitation!.url);
    const weak = await server.call(API.acceptInvitation, { json: { token: first, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.fields?.[0]?.path).toBe('password');
    const again = await server.call(API.invite, { params: { ...params, userId: made.id }, token: await server.login('admin') });
    expect(again.status).toBe(200);
    expect((await server.call(API.peekInvitation, { json: { token: first } })).status).toBe(403);
    server.clock.advance(WEEK + 1);
    const late = await server.call(API.acceptInvitation, { json: { token: tokenOf(again.body.url), password: 'finally mine 42' } });
    expect(late.status).toBe(403);
    expect(late.body.error).toMatch(/ask your administrator for a new one/);
  });

  it('someone who forgot their password gets a new link from the administrator; choosing a new one ends their old sessions', async () => {
    const old = await server.loginAgain('li');
    const user = (await server.running.deps.store.read.getUserByUsername('li'))!;
    const link = await server.call(API.invite, { params: { ...params, userId: user.id }, token: await server.loginAgain('admin') });
    await server.call(API.acceptInvitation, { json: { token: tokenOf(link.body.url), password: 'a fresh start 7' } });
    expect((await server.call(API.me, { token: old })).status).toBe(401);
    expect((await signIn('li', 'a fresh start 7')).status).toBe(200);
  });

  it('only an administrator of the estate invites, and only its own people; a disabled account is not let in by a link', async () => {
    const riverside = (await server.running.deps.store.read.getUserByUsername('rs-admin'))!;
    const admin = await server.loginAgain('admin');
    expect((await server.call(API.invite, { params: { ...params, userId: riverside.id }, token: admin })).status).toBe(404);
    const made = await add('zhou.qi');
    expect(
      (await server.call(API.invite, { params: { ...params, userId: made.id }, token: await server.loginAgain('supervisor') })).status,
    ).toBe(403);
    await server.call(API.disableUser, { params: { ...params, userId: made.id }, token: admin });
    const r = await server.call(API.acceptInvitation, { json: { token: tokenOf(made.invitation!.url), password: 'let me in 123' } });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/disabled/);
  });

  it('a person added with a password (the old way) gets no link', async () => {
    const made = await add('wu.fan', { password: 'given-by-admin-1' });
    expect(made.invitation).toBeNull();
    expect((await signIn('wu.fan', 'given-by-admin-1')).status).toBe(200);
  });
});
