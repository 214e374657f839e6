/**
 * A phone whose clock is wrong never strands its records: the server corrects the times by the phone's
 * offset (measured from the server's Date header), and keeps both the phone's time and its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const HOUR = 3_600_000;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const stored = async (id: string) => {
  const [row] = await server.sql(
    'SELECT started_at, finished_at, received_at, device_started_at, device_finished_at FROM inspections WHERE id = ?',
    [id],
  );
  // PostgreSQL hands BIGINT back as text on a plain connection.
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : Number(v)]));
};
const post = async (body: unknown, deviceTime?: number) =>
  server.request('POST', '/api/inspections', {
    token: await server.login('wang'),
    json: body,
    headers: deviceTime ? { 'x-pqm-device-time': String(deviceTime) } : {},
  });

describe('a phone clock one hour fast', () => {
  it("a round saved with the offset the phone had measured is taken, on the server's clock, with the phone's time kept", async () => {
    const now = server.clock.now;
    const body = { ...inspection('lobby', 'b1-lobby', now - 60_000 + HOUR), deviceClockOffset: -HOUR };
    const r = await post(body, now + HOUR);
    expect(r.status, r.text).toBe(201);
    expect(await stored(body.id)).toEqual({
      started_at: body.startedAt - HOUR,
      finished_at: body.finishedAt - HOUR,
      received_at: now,
      device_started_at: body.startedAt,
      device_finished_at: body.finishedAt,
    });
  });

  it('a round saved offline, before any offset was known, is corrected by the offset the phone shows when it sends', async () => {
    const now = server.clock.now;
    const body = { ...inspection('lobby', 'b2-lobby', now - 120_000 + HOUR), deviceClockOffset: null };
    const r = await post(body, now + HOUR);
    expect(r.status, r.text).toBe(201);
    expect(await stored(body.id)).toMatchObject({ finished_at: body.finishedAt - HOUR, device_finished_at: body.finishedAt });
  });

  it('a round saved while the clock was wrong and sent after it was set right is not stuck: it is taken at its receipt time', async () => {
    const now = server.clock.now;
    const body = inspection('lift', 'b1-lift-a', now + HOUR);
    const r = await post(body, now);
    expect(r.status, r.text).toBe(201);
    expect(await stored(body.id)).toMatchObject({ finished_at: now, received_at: now, device_finished_at: body.finishedAt });
    // Retried, it is the same record.
    expect((await post(body, now)).status).toBe(200);
  });
});
