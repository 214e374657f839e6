import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let code: string;
beforeAll(async () => {
  server = await startTestServer();
  code = (await server.running.deps.store.read.getLocation('b2-lobby'))!.code;
});
afterAll(() => server.close());

const report = (patch: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  server.call(API.reportProblem, {
    json: { id: randomUUID(), locationCode: code, category: 'hygiene', description: 'Water on the lobby floor by the lifts', ...patch },
    headers,
  });

describe('an owner reports a problem without an account', () => {
  it('the QR landing is public: name, kind and estate, and no staff data', async () => {
    const r = await server.call(API.landing, { params: { code } });
    expect(r.status).toBe(200);
    expect(r.body.location).toMatchObject({ kind: 'lobby', name: { zh: '2号楼大堂', en: 'Building 2 lobby' } });
    expect(r.body.estate.name.en).toBe('Demo Gardens');
    expect(r.body.staff).toBeUndefined();
  });

  it("staff scanning the same code also see the checklist due now and today's slots", async () => {
    const r = await server.request('GET', `/api/locations/by-code/${code}`, { token: await server.login('wang') });
    expect(r.body.staff.template.id).toBe('tpl-lobby');
    expect(r.body.staff.fills).toBe('2026-03-02#1'); // the 09:00–11:00 hygiene round
    expect(r.body.staff.slots.map((s: { status: string }) => s.status)).toEqual([
      'missed',
      'due',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    // Each slot comes with its hours on the estate's wall clock, so the phone needs no date formatter to show them.
    expect(r.body.staff.slots[1].hours).toBe('09:00–11:00');
  });

  it('an unknown or malformed code is a 404', async () => {
    expect((await server.call(API.landing, { params: { code: 'aaaaaaaaaaaaaaaaaaaaaaaaaa' } })).status).toBe(404);
    expect((await server.request('GET', '/api/locations/by-code/../../etc')).status).toBe(404);
  });

  it('report → tracking link → fixed → "not fixed" reopens it and raises its level', async () => {
    const r = await report();
    expect(r.status).toBe(201);
    const { issueId, trackingToken } = r.body;
    expect(trackingToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    let track = await server.call(API.tracking, { params: { token: trackingToken } });
    expect(track.body).toMatchObject({ status: 'reported', statusLabel: { zh: '待受理' }, canConfirm: false });
    expect((await server.running.deps.store.read.getIssue(issueId))?.verified).toBe(false);

    const sup = await server.login('supervisor');
    const act = (token: string, action: unknown) =>
      server.request('POST', `/api/issues/${issueId}/actions`, { token, json: { id: randomUUID(), action } });
    expect((await act(sup, { type: 'assign', departmentId: 'cleaning', requirement: 'Mop and put out a wet-floor sign' })).status).toBe(
      201,
    );
    server.clock.advance(3_600_000);
    expect((await act(await server.login('cleaning'), { type: 'rectify', note: 'mopped', photos: [] })).status).toBe(201);

    track = await server.call(API.tracking, { params: { token: trackingToken } });
    expect(track.body).toMatchObject({ status: 'rectified', statusLabel: { zh: '待确认' }, canConfirm: true, canSayNotFixed: true });
    expect(track.body.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'assign', 'rectify']);

    const notFixed = await server.call(API.notFixed, { params: { token: trackingToken }, json: { reason: 'still wet' } });
    expect(notFixed.status).toBe(200);
    expect(notFixed.body.status).toBe('reopened');
    expect(await server.running.deps.store.read.getIssue(issueId)).toMatchObject({ status: 'reopened', manualLevel: 1, reopenCount: 1 });
    expect((await server.running.deps.store.read.eventsOf(issueId)).at(-1)).toMatchObject({
      type: 'ownerNotFixed',
      actor: { kind: 'owner' },
      data: { reason: 'still wet' },
    });
    // The supervisors' alerts list it for a week while it stays open, so the extension can tell them.
    const alerts = async () =>
      (await server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: await server.login('supervisor') })).body;
    const listed = await alerts();
    expect(listed.ownerNotFixed.map((i) => i.id)).toContain(issueId);
    expect(listed.counts.ownerNotFixed).toBeGreaterThanOrEqual(1);
    // A week later it is no longer news (it is still open, and counts as overdue if it is).
    server.clock.advance(8 * 86_400_000);
    const later = (await server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: await server.loginAgain('supervisor') }))
      .body;
    expect(later.ownerNotFixed.map((i) => i.id)).not.toContain(issueId);
  });

  it('once an owner confirmed and rated the fix, the ticket is finished: "not fixed" is no longer offered or taken', async () => {
    const { issueId, trackingToken } = (await report({ category: 'hygiene', description: 'Litter by the gate' })).body;
    const sup = await server.loginAgain('supervisor');
    const act = (token: string, action: unknown) =>
      server.request('POST', `/api/issues/${issueId}/actions`, { token, json: { id: randomUUID(), action } });
    await act(sup, { type: 'assign', departmentId: 'cleaning', requirement: 'Pick it up' });
    expect(
      (await act(await server.loginAgain('cleaning'), { type: 'rectify', note: 'picked up', photos: [], noPhotoReason: 'gone' })).status,
    ).toBe(201);
    const params = { token: trackingToken };
    const confirmed = await server.call(API.confirmFixed, { params });
    expect(confirmed.body, JSON.stringify(confirmed.body)).toMatchObject({ status: 'closed' });
    expect((await server.call(API.tracking, { params })).body).toMatchObject({ canSayNotFixed: true, canRate: true });
    expect((await server.call(API.rateHandling, { params, json: { rating: 4 } })).status).toBe(200);
    expect((await server.call(API.tracking, { params })).body).toMatchObject({ canSayNotFixed: false, canRate: false, rating: 4 });
    const late = await server.call(API.notFixed, { params, json: { reason: 'again' } });
    expect(late.status).toBe(409);
    expect(await server.running.deps.store.read.getIssue(issueId)).toMatchObject({ status: 'closed', reopenCount: 0 });
  });

  it('a retried report gets the same issue and the same tracking link', async () => {
    const id = randomUUID();
    const a = await report({ id, category: 'greening', description: 'Broken branch over the path' });
    const b = await report({ id, category: 'greening', description: 'Broken branch over the path' });
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
  });

  it('a report in the same category as an open issue is suggested as a duplicate; "me too" counts on it', async () => {
    const first = await report({ category: 'order', description: 'Delivery scooters block the door' });
    const second = await report({ category: 'order', description: 'Scooters at the entrance again' });
    expect(second.body.possibleDuplicateOf).toContain(first.body.issueId);

    const landing = await server.request('GET', `/api/locations/by-code/${code}`);
    const open = landing.body.openReports.find((o: { id: string }) => o.id === first.body.issueId);
    expect(open).toMatchObject({ category: 'order' });
    expect(open.description).toBeUndefined();

    const meToo = await server.call(API.meToo, { json: { id: randomUUID(), locationCode: code, issueId: first.body.issueId } });
    expect(meToo.status).toBe(201);
    expect((await server.running.deps.store.read.getIssue(first.body.issueId))?.meToo).toBe(1);
    expect((await server.call(API.tracking, { params: { token: meToo.body.trackingToken } })).body.meToo).toBe(1);
  });

  it('after the fix the owner rates the handling once; a 1–2 becomes a complaint', async () => {
    const r = await report({ category: 'service', description: 'Nobody answered the desk phone' });
    const { issueId, trackingToken } = r.body;
    const sup = await server.login('supervisor');
    const act = (token: string, action: unknown) =>
      server.request('POST', `/api/issues/${issueId}/actions`, { token, json: { id: randomUUID(), action } });
    await act(sup, { type: 'assign', departmentId: 'service', requirement: 'Call the owner back' });
    await act(await server.login('service'), { type: 'rectify', note: 'called back', photos: [] });
    expect((await server.call(API.rateHandling, { params: { token: trackingToken }, json: { rating: 0 } })).status).toBe(400);
    const rated = await server.call(API.rateHandling, { params: { token: trackingToken }, json: { rating: 2, comment: 'took two days' } });
    expect(rated.body).toMatchObject({ rating: 2, canRate: false });
    expect((await server.call(API.rateHandling, { params: { token: trackingToken }, json: { rating: 5 } })).status).toBe(409);
    const complaints = await server.running.deps.store.read.listIssues({
      estateId: 'demo-gardens',
      category: ['service'],
      severity: ['important'],
    });
    expect(complaints.issues.some((i) => i.description.includes('took two days'))).toBe(true);
  });

  it('with no code to scan, an owner reports to the estate they choose, the place in their words; a retry is one report', async () => {
    const help = await server.call(API.serviceHelp, {});
    expect(help.body.estates.map((e) => e.id)).toContain('demo-gardens');
    const json = {
      id: randomUUID(),
      estateId: 'demo-gardens',
      place: '3号楼2单元门口',
      category: 'facilities' as const,
      description: '门禁坏了 the door entry is broken',
    };
    const first = await server.call(API.generalReport, { json });
    expect(first.status).toBe(201);
    const again = await server.call(API.generalReport, { json });
    expect(again.body).toEqual(first.body);
    const issue = await server.running.deps.store.read.getIssue(first.body.issueId);
    expect(issue).toMatchObject({
      estateId: 'demo-gardens',
      locationId: null,
      source: 'owner',
      description: '【3号楼2单元门口】门禁坏了 the door entry is broken',
    });
    const track = await server.call(API.tracking, { params: { token: first.body.trackingToken } });
    expect(track.body).toMatchObject({ status: 'reported', location: null, description: issue!.description });
    // An estate that is not there (or no longer in service) is a 404, and nothing is written.
    const lost = await server.call(API.generalReport, { json: { ...json, id: randomUUID(), estateId: 'no-such-estate' } });
    expect(lost).toMatchObject({ status: 404, body: { code: 'notFound' } });
  });

  it('an invented tracking token is a 404', async () => {
    expect((await server.call(API.tracking, { params: { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } })).status).toBe(404);
  });

  it('the eleventh report within ten minutes from one device is accepted, but held for review', async () => {
    server.clock.advance(11 * 60_000); // a fresh window
    const other = (await server.running.deps.store.read.getLocation('south-lawn'))!.code;
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await report({ locationCode: other, category: 'greening', description: `report ${i}` }));
    expect(results.map((r) => r.status)).toEqual(Array(11).fill(201));
    expect(results.map((r) => r.body.held)).toEqual([...Array(10).fill(false), true]);
    expect(await server.running.deps.store.read.isHeld(results[10].body.issueId)).toBe(true);
  });
});
