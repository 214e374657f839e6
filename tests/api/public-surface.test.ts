/**
 * The QR pages face the internet. Each test here is an attack that once worked, written as the attacker
 * would try it: owners' privacy, limits turned against real people, photos reached by knowing a hash.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let lobby: string;
beforeAll(async () => {
  // Behind one reverse proxy (nginx): the proxy's own hop is trusted, the address it saw is the client.
  server = await startTestServer({ config: { trustProxy: { hops: 1 } } });
  lobby = (await server.running.deps.store.read.getLocation('b2-lobby'))!.code;
});
afterAll(() => server.close());

/** A phone: its own address (as the proxy saw it) and its own device key. */
function phone(address = `203.0.113.${Math.floor(Math.random() * 250) + 1}`) {
  const headers = { 'x-forwarded-for': address, 'x-pqm-device': randomUUID() };
  return {
    headers,
    report: (patch: Record<string, unknown> = {}) =>
      server.call(API.reportProblem, {
        headers,
        json: { id: randomUUID(), locationCode: lobby, category: 'hygiene', description: 'Water on the floor by the lifts', ...patch },
      }),
    upload: (bytes: Uint8Array) =>
      server.request('PUT', `/api/photos/${sha256(bytes)}`, { headers: { ...headers, 'content-type': 'image/jpeg' }, body: bytes }),
    track: (token: string, action = '', json?: unknown) =>
      server.request(action ? 'POST' : 'GET', `/api/track/${token}${action}`, { headers, json: action ? (json ?? {}) : undefined }),
  };
}

const act = async (user: string, issueId: string, action: unknown) =>
  server.request('POST', `/api/issues/${issueId}/actions`, { token: await server.login(user), json: { id: randomUUID(), action } });

async function fixed(issueId: string) {
  expect((await act('supervisor', issueId, { type: 'assign', departmentId: 'cleaning', requirement: 'Mop it' })).status).toBe(201);
  expect(
    (await act('cleaning', issueId, { type: 'rectify', note: 'mopped', photos: [], noPhotoReason: 'floor is dry, nothing to show' }))
      .status,
  ).toBe(201);
}

describe("an owner's words, contact and photos stay with the owner and the staff", () => {
  it('a neighbour saying "me too" follows the public status only: not the reporter\'s words, phone or photos', async () => {
    const reporter = phone();
    const photo = await jpeg(64, 48, '#aa3311');
    expect((await reporter.upload(photo)).status).toBeLessThan(300);
    const r = await reporter.report({
      description: 'Flat 1203: water from the ceiling',
      contact: '13800138000',
      photos: [{ sha256: sha256(photo), size: photo.length }],
    });
    expect(r.status).toBe(201);

    const neighbour = phone();
    const follow = await server.call(API.meToo, {
      headers: neighbour.headers,
      json: { id: randomUUID(), locationCode: lobby, issueId: r.body.issueId },
    });
    expect(follow.status).toBe(201);
    const seen = await neighbour.track(follow.body.trackingToken);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('1203');
    expect(seen.text).not.toContain('13800138000');
    expect(seen.body).toMatchObject({ follower: true, photos: [], canConfirm: false, canSayNotFixed: false, canRate: false });
    expect((await neighbour.track(follow.body.trackingToken, `/photos/${sha256(photo)}`)).status).toBe(404);

    // The reporter still sees their own report.
    const own = await reporter.track(r.body.trackingToken);
    expect(own.body).toMatchObject({
      follower: false,
      description: 'Flat 1203: water from the ceiling',
      photos: [{ sha256: sha256(photo), video: false }],
    });
  });

  it('only the reporter confirms, says "not fixed" or rates; a follower\'s try is a 403 and the reporter can still rate', async () => {
    const reporter = phone();
    const r = await reporter.report({ category: 'facilities', description: 'Lobby door does not close' });
    const neighbour = phone();
    const follow = await server.call(API.meToo, {
      headers: neighbour.headers,
      json: { id: randomUUID(), locationCode: lobby, issueId: r.body.issueId },
    });
    await fixed(r.body.issueId);

    for (const [action, body] of [
      ['/confirm', {}],
      ['/not-fixed', { reason: 'no' }],
      ['/rating', { rating: 1 }],
    ] as const) {
      const tried = await neighbour.track(follow.body.trackingToken, action, body);
      expect(tried.status, action).toBe(403);
      expect(tried.body.error).toMatch(/reported/);
    }
    expect((await reporter.track(r.body.trackingToken, '/rating', { rating: 5 })).status).toBe(200);
    expect((await server.running.deps.store.read.getIssue(r.body.issueId))?.status).toBe('rectified');
  });

  it('the public location page shows what a "me too" needs, never anyone\'s words or contact', async () => {
    await phone().report({ description: 'Broken glass near bins, call me 13912345678', contact: 'Flat 502' });
    const page = await server.call(API.landing, { params: { code: lobby } });
    expect(page.text).not.toContain('13912345678');
    expect(page.text).not.toContain('Flat 502');
    for (const open of page.body.openReports) expect(Object.keys(open).sort()).toEqual(['category', 'createdAt', 'id', 'meToo', 'status']);
  });

  it("an owner's phone number reaches the supervisors who call back, not inspectors or department staff", async () => {
    const r = await phone().report({ description: 'Lift stuck between floors', contact: '13700001111' });
    await act('supervisor', r.body.issueId, { type: 'assign', departmentId: 'cleaning', requirement: 'check' });
    const seen = async (user: string) =>
      (await server.call(API.issue, { params: { id: r.body.issueId }, token: await server.login(user) })).text;
    expect(await seen('supervisor')).toContain('13700001111');
    expect(await seen('wang')).not.toContain('13700001111');
    expect(await seen('cleaning')).not.toContain('13700001111');
  });

  it('guessing tracking links from one address is cut off long before a link could be found', async () => {
    const guesser = phone();
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 1000) {
      tries++;
      status = (await guesser.track(`${randomUUID().replaceAll('-', '')}abcdefghijk`)).status;
    }
    expect(status).toBe(429);
    expect(tries).toBeLessThanOrEqual(301);
  });
});

describe('limits slow attackers and never refuse real people', () => {
  it('a client rotating X-Forwarded-For is still the one address its proxy saw', async () => {
    server.clock.advance(11 * 60_000);
    const statuses: number[] = [];
    const held: boolean[] = [];
    for (let i = 0; i < 61; i++) {
      const r = await server.call(API.reportProblem, {
        headers: { 'x-forwarded-for': `10.0.${i}.${i}, 198.51.100.7` },
        json: { id: randomUUID(), locationCode: lobby, category: 'hygiene', description: `spam ${i}` },
      });
      statuses.push(r.status);
      held.push(r.body.held === true);
    }
    // The first ten from one address are normal, the rest are accepted but held for review, and past
    // sixty the address is told to phone the service desk.
    expect(held.slice(0, 10).every((h) => !h)).toBe(true);
    expect(held.slice(10, 60).every((h) => h)).toBe(true);
    expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('fifty reports flooding one location do not lock out a genuine "smoke in the stairwell"', async () => {
    server.clock.advance(11 * 60_000);
    const stairs = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
    for (let i = 0; i < 55; i++) {
      const r = await server.call(API.reportProblem, {
        headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
        json: { id: randomUUID(), locationCode: stairs, category: 'fire', description: `flood ${i}` },
      });
      expect(r.status).toBe(201);
    }
    const genuine = await phone('198.51.100.99').report({ locationCode: stairs, category: 'fire', description: 'Smoke in the stairwell!' });
    expect(genuine.status).toBe(201);
    // Held reports are not offered to passers-by as "me too" targets, and the supervisor sees how many wait.
    const page = await server.call(API.landing, { params: { code: stairs } });
    expect(page.body.openReports.length).toBeLessThanOrEqual(50);
    const alerts = await server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: await server.login('supervisor') });
    expect(alerts.body.counts.heldForReview).toBeGreaterThan(0);
  });

  it('ten wrong passwords from ten addresses do not lock an inspector out', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await server.call(API.login, {
        headers: { 'x-forwarded-for': `100.64.0.${i}` },
        json: { username: 'li', password: `guess-${i}` },
      });
      expect(r.status).toBe(401);
    }
    const real = await server.call(API.login, {
      headers: { 'x-forwarded-for': '100.64.9.9' },
      json: { username: 'li', password: 'demo-2026' },
    });
    expect(real.status).toBe(200);
  });

  it('one address guessing one account waits longer after each wrong try, and may try again after the wait', async () => {
    const from = { 'x-forwarded-for': '100.65.0.1' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await server.call(API.login, { headers: from, json: { username: 'zhao', password: `x${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await server.call(API.login, { headers: from, json: { username: 'zhao', password: 'demo-2026' } });
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(refused.body.error).toMatch(/\d+ s/);
    server.clock.advance(wait * 1000);
    expect((await server.call(API.login, { headers: from, json: { username: 'zhao', password: 'demo-2026' } })).status).toBe(200);
  });
});

describe('a photo is seen through the records that rightly cite it, not by knowing its hash', () => {
  async function patrolFinding(user: string, locationId: string, kind: 'plant_room' | 'lobby', item: string, photo: Uint8Array) {
    const token = await server.login(user);
    await server.request('PUT', `/api/photos/${sha256(photo)}`, { token, body: photo, headers: { 'content-type': 'image/jpeg' } });
    const r = await server.call(API.submitInspection, {
      token,
      json: inspection(
        kind,
        locationId,
        server.clock.now,
        failItem(item, 'found on patrol', [{ sha256: sha256(photo), size: photo.length }]),
      ),
    });
    expect(r.status).toBe(201);
    return r.body.issues[0] as string;
  }

  it('a photo on an engineering issue is not readable by the cleaning department', async () => {
    const photo = await jpeg(60, 40, '#115599');
    const issueId = await patrolFinding('wang', 'pump-room', 'plant_room', 'log', photo);
    await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'fill the log' });
    const get = async (user: string) =>
      (await server.call(API.photo, { params: { sha: sha256(photo) }, token: await server.login(user) })).status;
    expect(await get('engineering')).toBe(200);
    expect(await get('cleaning')).toBe(404);
    expect(await get('supervisor')).toBe(200);
  });

  it("an owner's report citing a staff photo's hash does not let the owner fetch it", async () => {
    const photo = await jpeg(60, 40, '#552299');
    await patrolFinding('wang', 'pump-room', 'plant_room', 'log', photo);
    const snoop = phone();
    const r = await snoop.report({ photos: [{ sha256: sha256(photo), size: photo.length }] });
    expect(r.status).toBe(201);
    expect((await snoop.track(r.body.trackingToken, `/photos/${sha256(photo)}`)).status).toBe(404);
    expect((await snoop.track(r.body.trackingToken)).body.photos).toEqual([]);
  });

  it("citing another estate's photo hash does not make it readable there", async () => {
    const photo = await jpeg(60, 40, '#229955');
    await patrolFinding('wang', 'pump-room', 'plant_room', 'log', photo);
    const rs = await server.login('rs-inspector');
    const lobbyB = (await server.running.deps.store.read.listLocations('riverside')).find((l) => l.kind === 'lobby')!;
    const cite = await server.call(API.submitInspection, {
      token: rs,
      json: inspection('lobby', lobbyB.id, server.clock.now, (a) =>
        a.map((x, i) =>
          i === 0 ? { ...x, value: 'fail' as const, note: 'x', photos: [{ sha256: sha256(photo), size: photo.length }] } : x,
        ),
      ),
    });
    expect(cite.status).toBe(201);
    // Not told the photo exists: the receipt asks for it like any photo not yet sent.
    expect(cite.body.photosMissing).toEqual([sha256(photo)]);
    expect((await server.call(API.photo, { params: { sha: sha256(photo) }, token: await server.login('rs-supervisor') })).status).toBe(404);
  });

  it('an upload without the bytes does not reveal whether a photo exists', async () => {
    const photo = await jpeg(60, 40, '#998811');
    await patrolFinding('wang', 'pump-room', 'plant_room', 'log', photo);
    const unknown = sha256(await jpeg(60, 40, '#123456'));
    const existing = await server.request('PUT', `/api/photos/${sha256(photo)}`, {
      body: new Uint8Array(0),
      headers: { 'content-type': 'image/jpeg' },
    });
    const missing = await server.request('PUT', `/api/photos/${unknown}`, {
      body: new Uint8Array(0),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(existing.status).toBe(missing.status);
    expect(existing.status).toBeGreaterThanOrEqual(400);
    expect(existing.text.replace(sha256(photo), 'H')).toBe(missing.text.replace(unknown, 'H'));
  });
});

describe('accounts and duties', () => {
  const login = (username: string, password = 'demo-2026') => server.call(API.login, { json: { username, password } });

  it('a user changes their password: the old one stops working and their other sessions end', async () => {
    const other = (await login('zhao')).body.token;
    const mine = (await login('zhao')).body.token;
    const wrong = await server.call(API.changePassword, { token: mine, json: { current: 'nope', next: 'a-longer-pass-2027' } });
    expect(wrong.status).toBe(403);
    const short = await server.request('POST', '/api/auth/password', { token: mine, json: { current: 'demo-2026', next: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.fields[0].path).toBe('next');
    expect(
      (await server.call(API.changePassword, { token: mine, json: { current: 'demo-2026', next: 'a-longer-pass-2027' } })).status,
    ).toBe(200);
    expect((await server.call(API.me, { token: other })).status).toBe(401);
    expect((await server.call(API.me, { token: mine })).status).toBe(200);
    expect((await login('zhao')).status).toBe(401);
    expect((await login('zhao', 'a-longer-pass-2027')).status).toBe(200);
  });

  it('a user lists their sessions and signs one out', async () => {
    const a = (await login('li')).body.token;
    const b = (await login('li')).body.token;
    const list = await server.request('GET', '/api/auth/sessions', { token: a });
    expect(list.status).toBe(200);
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    expect(list.body.sessions.some((s: { current: boolean }) => s.current)).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(b);
    expect((await server.request('DELETE', `/api/auth/sessions/${other.id}`, { token: a })).status).toBe(200);
    const after = await server.call(API.mySessions, { token: a });
    expect(after.body.sessions.map((s: { id: string }) => s.id)).not.toContain(other.id);
  });

  it("an administrator resets a password, disables a user and ends that user's sessions", async () => {
    const admin = await server.login('admin');
    const victim = (await login('security')).body.token;
    const reset = await server.call(API.resetPassword, {
      params: { estateId: 'demo-gardens', userId: 'u-sec' },
      token: admin,
      json: { password: 'temporary-2026' },
    });
    expect(reset.status).toBe(200);
    expect((await server.call(API.me, { token: victim })).status).toBe(401);
    expect((await login('security', 'temporary-2026')).status).toBe(200);

    const disabled = await server.request('POST', '/api/estates/demo-gardens/users/u-sec/disable', { token: admin, json: {} });
    expect(disabled.status).toBe(200);
    expect((await login('security', 'temporary-2026')).status).toBe(401);
    const sessions = await server.call(API.userSessions, { params: { estateId: 'demo-gardens', userId: 'u-sec' }, token: admin });
    expect(sessions.body.sessions).toEqual([]);
    expect((await server.request('POST', '/api/estates/demo-gardens/users/u-sec/enable', { token: admin, json: {} })).status).toBe(200);
    expect((await login('security', 'temporary-2026')).status).toBe(200);
  });

  it('an administrator cannot disable or reset their own account through the people tab', async () => {
    const admin = await server.login('admin');
    for (const action of ['disable', 'password']) {
      const r = await server.request('POST', `/api/estates/demo-gardens/users/u-admin/${action}`, {
        token: admin,
        json: { password: 'self-reset-2026' },
      });
      expect(r.status, action).toBe(403);
    }
    expect((await server.call(API.me, { token: admin })).status).toBe(200);
  });

  it('an administrator of one estate cannot reset the password of someone who works in another', async () => {
    // Wang patrols the demo estate and helps out at Riverside; Riverside's administrator (not the group's) may not take his account.
    await server.running.deps.store.write((tx) =>
      tx.putMembership({ userId: 'u-wang', estateId: 'riverside', role: 'inspector', departmentId: null, lead: false }),
    );
    const r = await server.call(API.resetPassword, {
      params: { estateId: 'riverside', userId: 'u-wang' },
      token: await server.login('rs-admin'),
      json: { password: 'taken-over-2026' },
    });
    expect(r.status).toBe(403);
    expect(
      (
        await server.call(API.resetPassword, {
          params: { estateId: 'demo-gardens', userId: 'u-sec' },
          token: await server.login('supervisor'),
          json: { password: 'x-2026-long' },
        })
      ).status,
    ).toBe(403);
  });

  it('whoever reported a fix cannot verify it', async () => {
    const photo = await jpeg(60, 40, '#334455');
    const wang = await server.login('wang');
    await server.request('PUT', `/api/photos/${sha256(photo)}`, { token: wang, body: photo, headers: { 'content-type': 'image/jpeg' } });
    const r = await server.call(API.submitInspection, {
      token: wang,
      json: inspection('plant_room', 'pump-room', server.clock.now, failItem('log', 'empty log')),
    });
    const issueId = r.body.issues[0];
    await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'fill it' });
    expect((await act('supervisor', issueId, { type: 'rectify', note: 'filled it myself', photos: [] })).status).toBe(201);
    const self = await act('supervisor', issueId, { type: 'verify', note: 'looks good' });
    expect(self.status).toBe(403);
    expect(self.body.error).toMatch(/someone else/);
    expect((await act('admin', issueId, { type: 'verify', note: 'checked' })).status).toBe(201);
  });

  it('a fix with no "after" photo, on an issue that has a "before" photo, needs a stated reason', async () => {
    const photo = await jpeg(60, 40, '#665544');
    const wang = await server.login('wang');
    await server.request('PUT', `/api/photos/${sha256(photo)}`, { token: wang, body: photo, headers: { 'content-type': 'image/jpeg' } });
    const r = await server.call(API.submitInspection, {
      token: wang,
      json: inspection(
        'plant_room',
        'pump-room',
        server.clock.now,
        failItem('log', 'empty log', [{ sha256: sha256(photo), size: photo.length }]),
      ),
    });
    const issueId = r.body.issues[0];
    await act('supervisor', issueId, { type: 'assign', departmentId: 'engineering', requirement: 'fill it' });
    const bare = await act('engineering', issueId, { type: 'rectify', note: 'done', photos: [] });
    expect(bare.status).toBe(400);
    expect(bare.body.fields[0].path).toBe('action.noPhotoReason');
    expect(
      (
        await act('engineering', issueId, {
          type: 'rectify',
          note: 'done',
          photos: [],
          noPhotoReason: 'the log is in the office, not at the pump',
        })
      ).status,
    ).toBe(201);
  });

  it('text that is only invisible or control characters, or holds a lone surrogate, is refused', async () => {
    for (const description of ['\u200b\u200b\u200b', '\u0000\u0000', '\u202e\u200f', 'ok \ud800 broken']) {
      const r = await phone().report({ description });
      expect(r.status, JSON.stringify(description)).toBe(400);
      expect(r.body.fields?.[0].path).toBe('description');
    }
  });

  // Last: it moves the clock past every cached session's idle timeout.
  it('a session left idle past the idle timeout is refused', async () => {
    const token = (await login('wang')).body.token;
    server.clock.advance(server.running.deps.config.sessionIdleMs + 60_000);
    expect((await server.call(API.me, { token })).status).toBe(401);
  });
});
