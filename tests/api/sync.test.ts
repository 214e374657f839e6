import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';

let server: TestServer;
let wang: string;
beforeAll(async () => {
  server = await startTestServer();
  wang = await server.login('wang');
});
afterAll(() => server.close());

const post = (json: unknown, token = wang) => server.request('POST', '/api/inspections', { token, json });

describe('patrol sync is idempotent', () => {
  it('the same UUID with the same body returns the original receipt and stores one record', async () => {
    const body = inspection('lobby', 'b1-lobby', server.clock.now);
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body).toMatchObject({ kind: 'inspection', id: body.id, issues: [], photos: [], photosReceived: 0 });
    const rows = (await server.running.deps.store.read.inspectionTimes('demo-gardens', 0, Number.MAX_SAFE_INTEGER)).filter(
      (r) => r.id === body.id,
    );
    expect(rows).toHaveLength(1);
  });

  it('the same UUID with a different body is refused with 409 and changes nothing', async () => {
    const body = inspection('lobby', 'b2-lobby', server.clock.now);
    await post(body);
    const changed = { ...body, answers: body.answers.map((a) => (a.itemId === 'floor' ? { ...a, value: 'na' } : a)) };
    const r = await post(changed);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatch(/already used/);
    const kept = await server.running.deps.store.read.getInspection(body.id);
    expect((kept?.answers as { itemId: string; value: string }[] | undefined)?.find((a) => a.itemId === 'floor')?.value).toBe('pass');
  });

  it("another inspector replaying someone else's UUID gets 409, not their receipt", async () => {
    const body = inspection('lobby', 'b1-lobby', server.clock.now);
    await post(body);
    expect((await post(body, await server.login('li'))).status).toBe(409);
  });
});

describe('a failed checklist item becomes an issue', () => {
  it("with the item's severity, category and photo, and a deadline from the severity rules", async () => {
    const photo = await jpeg(64, 48, '#d94a4a');
    const ref = { sha256: sha256(photo), size: photo.length };
    const body = inspection('lift', 'b1-lift-a', server.clock.now, failItem('doors', 'safety edge does not retract', [ref]));
    const r = await post(body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ photos: [ref.sha256], photosReceived: 0, photosMissing: [ref.sha256] });
    const [issueId] = r.body.issues;
    const issue = await server.running.deps.store.read.getIssue(issueId);
    expect(issue).toMatchObject({
      source: 'patrol',
      category: 'facilities',
      severity: 'urgent',
      status: 'reported',
      locationId: 'b1-lift-a',
      deadline: body.finishedAt + 2 * 3_600_000,
      photos: [ref],
      cause: 'doors',
    });

    // The photo arrives after its record; the receipt then says it is held.
    expect(
      (await server.request('PUT', `/api/photos/${ref.sha256}`, { token: wang, body: photo, headers: { 'content-type': 'image/jpeg' } }))
        .status,
    ).toBe(201);
    const replay = await post(body);
    expect(replay.body).toMatchObject({ photosReceived: 1, photosMissing: [] });
  });

  it('a photo uploaded before its record counts as received at once', async () => {
    const photo = await jpeg(64, 48, '#22aa22');
    const ref = { sha256: sha256(photo), size: photo.length };
    await server.request('PUT', `/api/photos/${ref.sha256}`, { token: wang, body: photo });
    const r = await post(inspection('fire_point', 'b1-fire', server.clock.now, failItem('escape', 'bikes in the fire escape', [ref])));
    expect(r.body).toMatchObject({ photosReceived: 1, photosMissing: [] });
  });
});

describe('bad patrol records are refused with the field named', () => {
  it.each([
    [
      'a failed item without its required photo',
      () => inspection('fire_point', 'b1-fire', server.clock.now, failItem('escape', 'blocked')),
      'answers.escape.photos',
    ],
    ['a failed item without a note', () => inspection('lobby', 'b1-lobby', server.clock.now, failItem('odour', '')), 'answers.odour.note'],
    ['a template that is not for this kind of location', () => ({ ...inspection('lobby', 'b1-lift-a', server.clock.now) }), 'templateId'],
    ['an unknown location', () => inspection('lobby', 'nowhere', server.clock.now), 'locationId'],
    // (A finish time in the future is a wrong phone clock, not a bad record: tests/api/phone-clock.test.ts.)
    [
      'a finish before the start',
      () => ({ ...inspection('lobby', 'b1-lobby', server.clock.now), startedAt: server.clock.now + 60_000 }),
      'finishedAt',
    ],
    ['a missing id', () => ({ ...inspection('lobby', 'b1-lobby', server.clock.now), id: undefined }), 'id'],
  ])('%s', async (_what, make, field) => {
    const r = await post(make());
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(r.body.error).toContain(field);
  });

  it('nothing is half-written when a record is refused', async () => {
    const before = (await server.running.deps.store.read.listIssues({ estateId: 'demo-gardens' })).total;
    const body = inspection('fire_point', 'b1-fire', server.clock.now, failItem('escape', 'blocked'));
    expect((await post(body)).status).toBe(400);
    expect(await server.running.deps.store.read.getInspection(body.id)).toBeUndefined();
    expect(await server.running.deps.store.read.getReceipt(body.id)).toBeUndefined();
    expect((await server.running.deps.store.read.listIssues({ estateId: 'demo-gardens' })).total).toBe(before);
  });
});
