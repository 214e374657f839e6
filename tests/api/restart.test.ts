import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failItem, inspection, jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('nothing is lost across a server restart in the middle of a sync', () => {
  it('photo sent, server restarts, record retried: one record, photo held, session still valid', async () => {
    const token = await server.login('wang');
    const photo = await jpeg(80, 60, '#aa3333');
    const ref = { sha256: sha256(photo), size: photo.length };
    const body = inspection('fire_point', 'b2-fire', server.clock.now, failItem('escape', 'boxes in the escape route', [ref]));

    expect((await server.request('PUT', `/api/photos/${ref.sha256}`, { token, body: photo })).status).toBe(201);
    // The phone loses its connection here; the server is restarted before the record arrives.
    await server.restart();

    const first = await server.call(API.submitInspection, { token, json: body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ photosReceived: 1, photosMissing: [] });

    // The receipt was lost on the way back; the phone retries after another restart.
    await server.restart();
    const retry = await server.call(API.submitInspection, { token, json: body });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await server.running.deps.store.read.listIssues({ estateId: 'demo-gardens', source: ['patrol'] })).total).toBe(1);

    const served = await fetch(`${server.url}/api/photos/${ref.sha256}`, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
  });

  it("an owner's tracking link keeps working after a restart", async () => {
    const code = (await server.running.deps.store.read.getLocation('b1-lobby'))!.code;
    const r = await server.call(API.reportProblem, {
      json: { id: crypto.randomUUID(), locationCode: code, category: 'hygiene', description: 'bins overflowing' },
    });
    await server.restart();
    expect((await server.call(API.tracking, { params: { token: r.body.trackingToken } })).status).toBe(200);
  });
});
