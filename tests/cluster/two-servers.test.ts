/**
 * Two servers on one PostgreSQL database, as a property group runs them behind a load balancer: whichever
 * server a request reaches, it answers the same. The first part runs both servers in this process on one
 * clock the test moves; the last starts two real server processes and kills one in the middle of a sync.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, type Config } from '../../server/config.ts';
import { createEstate } from '../../server/demo/setup.ts';
import { buildDeps, startServer, type Running } from '../../server/start.ts';
import { DEMO_SPEC, PASSWORD, RIVERSIDE_SPEC } from '../support/estates.ts';
import { VIDEO_LIMITS } from '../../shared/index.ts';
import { failItem, inspection, jpeg, sha256, webmClip } from '../support/payloads.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';
import { spawnServer, type ServerProcess } from '../support/process.ts';
import { type ApiResult, MONDAY_0900 } from '../support/server.ts';

let admin: string;
let databaseUrl: string;
let dataDir: string;
const clock = { now: MONDAY_0900 };
let a: Running;
let b: Running;

const call = async (
  server: Running,
  method: string,
  path: string,
  opts: { token?: string; json?: unknown; body?: Uint8Array; headers?: Record<string, string> } = {},
) => {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method,
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : (opts.body as BodyInit | undefined),
  });
  const text = await res.text();
  let body: ApiResult['body'] = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body, text, headers: res.headers };
};
const login = async (server: Running, username: string, password = PASSWORD) =>
  (await call(server, 'POST', '/api/auth/login', { json: { username, password } })).body.token as string;

beforeAll(async () => {
  admin = inject('pgAdminUrl');
  databaseUrl = await createDatabase(admin);
  dataDir = mkdtempSync(join(tmpdir(), 'pqm-two-'));
  const config = (name: string): Config => ({
    ...loadConfig([], {}),
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dataDir, name),
    staticDir: '/nonexistent',
    publicUrl: 'http://pqm.test',
    databaseUrl,
  });
  const depsA = await buildDeps(config('a'), () => clock.now);
  const since = clock.now - 30 * 86_400_000;
  await createEstate(depsA.store, DEMO_SPEC, since);
  await createEstate(depsA.store, RIVERSIDE_SPEC, since);
  a = await startServer(config('a'), depsA);
  b = await startServer(config('b'), await buildDeps(config('b'), () => clock.now));
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  if (databaseUrl) await dropDatabase(admin, databaseUrl);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two servers on one PostgreSQL', () => {
  const alerts = async (server: Running, token: string) => call(server, 'GET', '/api/estates/demo-gardens/alerts', { token });

  it('a session made on one server is good on the other', async () => {
    const token = await login(a, 'supervisor');
    expect((await call(b, 'GET', '/api/auth/me', { token })).status).toBe(200);
  });

  it("an inspection posted to A shows in B's alerts at the next poll, with the same ETag", async () => {
    const sup = await login(b, 'supervisor');
    const before = await alerts(b, sup);
    expect(before.body.due.map((d: { locationId: string }) => d.locationId)).toContain('b1-lobby');

    const posted = await call(a, 'POST', '/api/inspections', {
      token: await login(a, 'wang'),
      json: inspection('lobby', 'b1-lobby', clock.now),
    });
    expect(posted.status).toBe(201);

    const fromB = await alerts(b, sup);
    const fromA = await alerts(a, sup);
    expect(fromB.body.due.map((d: { locationId: string }) => d.locationId)).not.toContain('b1-lobby');
    expect(fromB.headers.get('etag')).toBe(fromA.headers.get('etag'));
    expect(fromB.text).toBe(fromA.text);
    // And B answers the tag A gave with a 304.
    expect(
      (await call(b, 'GET', '/api/estates/demo-gardens/alerts', { token: sup, headers: { 'if-none-match': fromA.headers.get('etag')! } }))
        .status,
    ).toBe(304);
  });

  it("a schedule changed on A is on B's board at the next poll", async () => {
    const sup = await login(b, 'supervisor');
    const before = await alerts(b, sup);
    // A new lobby, added on A at 09:00, owes the 09:00 hygiene round at once.
    const added = await call(a, 'POST', '/api/estates/demo-gardens/locations', {
      token: await login(a, 'admin'),
      json: { buildingId: null, kind: 'lobby', name: { zh: '3号楼大堂', en: 'Building 3 lobby' }, schedule: null },
    });
    expect(added.status).toBe(201);
    expect(before.body.due.map((d: { locationId: string }) => d.locationId)).not.toContain(added.body.id);
    const fromB = await alerts(b, sup);
    expect(fromB.body.due.map((d: { locationId: string }) => d.locationId)).toContain(added.body.id);
    expect(fromB.headers.get('etag')).toBe((await alerts(a, sup)).headers.get('etag'));
  });

  it('wrong passwords are counted across both servers', async () => {
    // Five misses for one account from one address are free, then it waits; spread over two servers, it still waits.
    for (let i = 0; i < 5; i++)
      expect((await call(i % 2 ? a : b, 'POST', '/api/auth/login', { json: { username: 'zhao', password: `wrong-${i}` } })).status).toBe(
        401,
      );
    const next = await call(b, 'POST', '/api/auth/login', { json: { username: 'zhao', password: PASSWORD } });
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("an address's ceiling on tracking look-ups holds across both servers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 301; i++) statuses.push((await call(i % 2 ? a : b, 'GET', `/api/track/${'x'.repeat(20)}${i}`)).status);
    expect(statuses.slice(0, 300).every((s) => s === 404)).toBe(true);
    expect(statuses[300]).toBe(429);
    clock.now += 10 * 60_000; // the window passes for the tests after this one
  });

  it('a photo uploaded to A is served by B', async () => {
    const photo = await jpeg(800, 600, '#335577');
    const hash = sha256(photo);
    const wang = await login(a, 'wang');
    expect(
      (await call(a, 'PUT', `/api/photos/${hash}`, { token: wang, body: photo, headers: { 'content-type': 'image/jpeg' } })).status,
    ).toBe(201);
    const cited = inspection('lift', 'b2-lift-a', clock.now, failItem('alarm', 'intercom silent', [{ sha256: hash, size: photo.length }]));
    expect((await call(a, 'POST', '/api/inspections', { token: wang, json: cited })).status).toBe(201);
    const sup = await login(b, 'supervisor');
    const fromB = await fetch(`${b.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${sup}` } });
    const fromA = await fetch(`${a.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${sup}` } });
    expect(fromB.status).toBe(200);
    expect(fromB.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(await fromA.arrayBuffer()))).toBe(true);
  });

  it('a clip begun on A is finished on B, and plays from either', async () => {
    const clip = webmClip(VIDEO_LIMITS.part + 40_000, 31);
    const hash = sha256(clip);
    const wang = await login(a, 'wang');
    const part = (server: Running, from: number) =>
      call(server, 'PUT', `/api/videos/${hash}?from=${from}&size=${clip.length}`, {
        token: wang,
        body: clip.subarray(from, from + VIDEO_LIMITS.part),
        headers: { 'content-type': 'application/octet-stream' },
      });
    expect((await part(a, 0)).body).toMatchObject({ received: VIDEO_LIMITS.part, stored: false });
    // A falls over; the phone asks B where the upload stands and goes on from there.
    expect((await call(b, 'GET', `/api/videos/${hash}`, { token: wang })).body.received).toBe(VIDEO_LIMITS.part);
    expect((await part(b, VIDEO_LIMITS.part)).body).toMatchObject({ received: clip.length, stored: true });
    const cited = inspection(
      'lift',
      'b2-lift-a',
      clock.now,
      failItem('alarm', 'door bangs', [{ sha256: hash, size: clip.length, kind: 'video' }]),
    );
    expect((await call(b, 'POST', '/api/inspections', { token: wang, json: cited })).status).toBe(201);
    const sup = await login(a, 'supervisor');
    const fromA = await fetch(`${a.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${sup}` } });
    expect(fromA.headers.get('content-type')).toBe('video/webm');
    expect(Buffer.from(await fromA.arrayBuffer()).equals(Buffer.from(clip))).toBe(true);
  });

  it("an owner's tracking link made on A opens on B (one secret for both)", async () => {
    const code = (await call(a, 'GET', '/api/estates/demo-gardens/setup', { token: await login(a, 'admin') })).body.locations.find(
      (l: { id: string }) => l.id === 'b1-stairs',
    ).code;
    const body = { id: randomUUID(), locationCode: code, category: 'hygiene', description: '楼梯有垃圾 · litter on the stairs' };
    const report = await call(a, 'POST', '/api/owner/reports', { json: body });
    expect(report.status).toBe(201);
    const tracked = await call(b, 'GET', `/api/track/${report.body.trackingToken}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.description).toBe('楼梯有垃圾 · litter on the stairs');
    // The same report retried on B gets the same link back: the link is derived from the shared secret.
    const again = await call(b, 'POST', '/api/owner/reports', { json: body });
    expect(again.body.trackingToken).toBe(report.body.trackingToken);
  });

  describe('what each server keeps of who is calling and of locations (storage/read-cache.ts)', () => {
    /** Another server's change reaches this one a few milliseconds after it commits: ask again, for up to 2 s. */
    const soon = async (ask: () => Promise<{ status: number }>, status: number) => {
      const until = Date.now() + 2_000;
      for (;;) {
        const answer = await ask();
        if (answer.status === status || Date.now() > until) return answer.status;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const me = (server: Running, token: string) => call(server, 'GET', '/api/auth/me', { token });
    const riverside = '/api/estates/riverside';

    it('signing out on A ends the session on A at once, and on B as soon as the change arrives', async () => {
      const token = await login(a, 'rs-supervisor');
      // Both servers have read it, and keep it.
      for (const server of [a, b, a, b]) expect((await me(server, token)).status).toBe(200);
      expect((await call(a, 'POST', '/api/auth/logout', { token })).status).toBe(200);
      expect((await me(a, token)).status).toBe(401);
      expect(await soon(() => me(b, token), 401)).toBe(401);
    });

    it('a role changed on A is the role B checks', async () => {
      const inspector = await login(b, 'rs-inspector');
      const post = () => call(b, 'POST', '/api/inspections', { token: inspector, json: inspection('lobby', 'rs-lobby', clock.now) });
      expect((await post()).status).toBe(201);
      const admin = await login(a, 'rs-admin');
      const demoted = { role: 'department', departmentId: 'rs-eng' };
      expect((await call(a, 'PUT', `${riverside}/users/rs-inspector/membership`, { token: admin, json: demoted })).status).toBe(200);
      expect(await soon(post, 403)).toBe(403);
      // And back: B lets the inspector in again.
      expect(
        (await call(a, 'PUT', `${riverside}/users/rs-inspector/membership`, { token: admin, json: { role: 'inspector' } })).status,
      ).toBe(200);
      expect(await soon(post, 201)).toBe(201);
    });

    it("a location's kind changed on A is the kind B checks an inspection against", async () => {
      const inspector = await login(b, 'rs-inspector');
      const post = (kind: 'lift' | 'corridor') =>
        call(b, 'POST', '/api/inspections', { token: inspector, json: inspection(kind, 'rs-lift', clock.now) });
      expect((await post('lift')).status).toBe(201);
      const changed = await call(a, 'PUT', `${riverside}/locations/rs-lift`, {
        token: await login(a, 'rs-admin'),
        json: { buildingId: 'rs-b1', kind: 'corridor', name: { zh: '1栋走廊', en: 'Block 1 corridor' }, schedule: null },
      });
      expect(changed.status).toBe(200);
      expect(await soon(() => post('lift'), 400)).toBe(400);
      expect((await post('corridor')).status).toBe(201);
    });

    it('an estate archived on A is read-only on B, and open again once restored', async () => {
      const inspector = await login(b, 'rs-inspector');
      const post = () => call(b, 'POST', '/api/inspections', { token: inspector, json: inspection('lobby', 'rs-lobby', clock.now) });
      expect((await post()).status).toBe(201);
      const admin = await login(a, 'rs-admin');
      expect((await call(a, 'POST', `${riverside}/archive`, { token: admin })).status).toBe(200);
      expect(await soon(post, 409)).toBe(409);
      expect((await call(a, 'POST', `${riverside}/restore`, { token: admin })).status).toBe(200);
      expect(await soon(post, 201)).toBe(201);
    });
  });

  it('both report healthy while the database answers', async () => {
    expect((await call(a, 'GET', '/healthz')).status).toBe(200);
    expect((await call(b, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('two server processes, one killed in the middle of a sync', () => {
  let one: ServerProcess;
  let two: ServerProcess;

  afterAll(async () => {
    await one?.stop('SIGKILL');
    await two?.stop();
  });

  it('phones failing over from the killed server to the other lose and duplicate nothing', async () => {
    const env = { DATABASE_URL: databaseUrl };
    one = await spawnServer({ env });
    two = await spawnServer({ env });
    const token = (
      await (
        await fetch(`${one.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'li', password: PASSWORD }),
        })
      ).json()
    ).token as string;
    // 60 rounds, each with a failed item (so each also makes an issue), sent 6 at a time like phones draining.
    const rounds = Array.from({ length: 60 }, (_, i) =>
      inspection(
        'lift',
        i % 2 ? 'b1-lift-a' : 'b2-lift-b',
        Date.now() - i * 1000,
        failItem('doors', `door ${i}`, [{ sha256: 'd'.repeat(64), size: 1000 }]),
      ),
    );
    const send = (url: string, body: unknown) =>
      fetch(`${url}/api/inspections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    let answered = 0;
    const outcomes: ('first' | 'failover')[] = [];
    let next = 0;
    const phone = async () => {
      while (next < rounds.length) {
        const body = rounds[next++];
        try {
          const r = await send(one.url, body);
          if (r.status !== 201) throw new Error(`status ${r.status}`);
          if (++answered === 15) void one.stop('SIGKILL');
          outcomes.push('first');
        } catch {
          // The connection broke (or never opened): the phone keeps the record and sends it to the other server.
          const r = await send(two.url, body);
          expect([200, 201]).toContain(r.status);
          outcomes.push('failover');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, phone));
    expect(outcomes.filter((o) => o === 'first').length).toBeGreaterThanOrEqual(15);
    expect(outcomes.filter((o) => o === 'failover').length).toBeGreaterThan(0);

    // Every phone now sends everything once more (it cannot know what the killed server committed): replays only.
    const replays = await Promise.all(rounds.map((body) => send(two.url, body)));
    expect(replays.map((r) => r.status)).toEqual(Array(60).fill(200));

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const ids = rounds.map((r) => r.id);
      const inspections = await db.query('SELECT count(*)::int AS n FROM inspections WHERE id = ANY($1)', [ids]);
      const issues = await db.query('SELECT origin_id, count(*)::int AS n FROM issues WHERE origin_id = ANY($1) GROUP BY origin_id', [ids]);
      expect(inspections.rows[0].n).toBe(60);
      expect(issues.rows).toHaveLength(60);
      expect(issues.rows.every((r: { n: number }) => r.n === 1)).toBe(true);
    } finally {
      await db.end();
    }
  });
});
