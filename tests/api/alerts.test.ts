import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let sup: string;
const H = 3_600_000;
const alerts = (headers: Record<string, string> = {}) =>
  server.call(API.alerts, { params: { estateId: 'demo-gardens' }, token: sup, headers });

/** An inspector finds lift A's intercom silent: an urgent issue. Its id. */
async function silentIntercom(on: TestServer): Promise<string> {
  const r = await on.call(API.submitInspection, {
    token: await on.login('wang'),
    json: inspection('lift', 'b2-lift-a', on.clock.now, failItem('alarm', 'intercom silent', [{ sha256: 'c'.repeat(64), size: 1234 }])),
  });
  return r.body.issues[0];
}

beforeAll(async () => {
  server = await startTestServer();
  sup = await server.login('supervisor');
});
afterAll(() => server.close());

describe('alerts for supervisors', () => {
  it('at 09:00 on Monday the 07:00 hygiene rounds are missed and the 09:00 ones due', async () => {
    const r = await alerts();
    expect(r.status).toBe(200);
    // Five hygiene locations (2 lobbies, car park, 2 stairwells) missed their 07:00–09:00 round.
    const missedHygiene = r.body.missed.filter((m: { kind: string }) => ['lobby', 'car_park', 'corridor'].includes(m.kind));
    expect(missedHygiene).toHaveLength(5);
    // Each comes with its hours on the estate's clock, so no client needs a date formatter to list it.
    expect(new Set(missedHygiene.map((m: { hours: string }) => m.hours))).toEqual(new Set(['07:00–09:00']));
    expect(r.body.due.map((d: { locationId: string }) => d.locationId)).toContain('b1-lobby');
    expect(r.body.counts.badge).toBe(r.body.counts.overdue + r.body.counts.missed);
  });

  it('an inspection fills the due slot and drops out of the due list at once', async () => {
    await server.call(API.submitInspection, { token: await server.login('wang'), json: inspection('lobby', 'b1-lobby', server.clock.now) });
    const r = await alerts();
    expect(r.body.due.map((d: { locationId: string }) => d.locationId)).not.toContain('b1-lobby');
  });

  it('an unchanged state is a bodiless 304 to If-None-Match', async () => {
    const first = await alerts();
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await alerts({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('the same tag made weak by a compressing proxy (W/"…", as nginx sends it) still gets a 304', async () => {
    const tag = (await alerts()).headers.get('etag') as string;
    const weak = tag.startsWith('W/') ? tag : `W/${tag}`;
    expect((await alerts({ 'if-none-match': weak })).status).toBe(304);
    expect((await alerts({ 'if-none-match': `"something-else", ${weak}` })).status).toBe(304);
  });

  it('an urgent issue left unrectified past 2 h becomes overdue, raises the badge and the ETag changes', async () => {
    const before = await alerts();
    const issueId = await silentIntercom(server);
    const fresh = await alerts({ 'if-none-match': before.headers.get('etag') as string });
    expect(fresh.status).toBe(200);
    expect(fresh.body.urgent.map((u: { id: string }) => u.id)).toContain(issueId);

    server.clock.advance(2 * H + 60_000);
    const late = await alerts();
    const overdue = late.body.overdue.find((o: { id: string }) => o.id === issueId);
    expect(overdue).toMatchObject({ severity: 'urgent', level: 1, locationName: { en: 'Building 2 lift A' } });
    expect(late.body.worst).toBe('urgent');
    expect(late.body.counts.overdue).toBeGreaterThan(fresh.body.counts.overdue);

    server.clock.advance(2 * H);
    expect((await alerts()).body.overdue.find((o: { id: string }) => o.id === issueId)?.level).toBe(2);
    server.clock.advance(-4 * H - 60_000);
  });

  it('new owner reports wait in "to accept" until a supervisor accepts them', async () => {
    const code = (await server.running.deps.store.read.getLocation('carpark'))!.code;
    const rep = await server.request('POST', '/api/owner/reports', {
      json: { id: randomUUID(), locationCode: code, category: 'order', description: '<img src=x onerror=alert(1)>' },
    });
    let r = await alerts();
    const waiting = r.body.awaitingAcceptance.find((a: { id: string }) => a.id === rep.body.issueId);
    expect(waiting?.description).toBe('<img src=x onerror=alert(1)>'); // stored and sent as plain text
    await server.call(API.actOnIssue, {
      params: { id: rep.body.issueId },
      token: sup,
      json: { id: randomUUID(), action: { type: 'accept' } },
    });
    r = await alerts();
    expect(r.body.awaitingAcceptance.map((a: { id: string }) => a.id)).not.toContain(rep.body.issueId);
  });
});

describe('alerts of an archived estate', () => {
  it('still name the places of its open work, though none of them is on the patrol board any more', async () => {
    const own = await startTestServer();
    try {
      const token = await own.login('supervisor');
      const issueId = await silentIntercom(own);
      expect((await own.call(API.archiveEstate, { params: { estateId: 'demo-gardens' }, token: await own.login('admin') })).status).toBe(
        200,
      );
      const polled = await own.call(API.alerts, { params: { estateId: 'demo-gardens' }, token });
      expect(polled.status).toBe(200);
      expect(polled.body.urgent.find((u: { id: string }) => u.id === issueId)).toMatchObject({ locationName: { en: 'Building 2 lift A' } });
      // Every place named: none is "?".
      const names = [...polled.body.overdue, ...polled.body.urgent].map((i: { locationName: { en: string } | null }) => i.locationName?.en);
      expect(names.filter((n) => n === '?')).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
