/**
 * Every write route, fed arbitrary JSON (and near-misses of valid bodies) by fast-check, signed in as an
 * administrator and as nobody: never a 5xx. Bounded (a fixed seed and number of runs), so it is a test,
 * not a lottery: a failure prints the seed, route and body to replay.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { inspection } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let params: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  const store = server.running.deps.store;
  const report = await server.call(API.reportProblem, {
    json: {
      id: randomUUID(),
      locationCode: (await store.read.getLocation('b2-lobby'))!.code,
      category: 'hygiene',
      description: 'fuzz target',
    },
  });
  params = {
    estateId: 'demo-gardens',
    id: report.body.issueId,
    code: (await store.read.getLocation('b2-lobby'))!.code,
    token: report.body.trackingToken,
    sha: '0'.repeat(64),
    userId: 'u-li',
  };
});
afterAll(() => server.close());

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The app's own route table: a route added tomorrow is fuzzed tomorrow. */
function writeRoutes(): { method: string; path: string }[] {
  const app = createApp(server.running.deps);
  const seen = new Set<string>();
  return app.routes
    .filter((r) => WRITES.includes(r.method) && r.path.startsWith('/api/') && !r.path.includes('*'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name) }));
}

/** Valid-looking bodies with one thing wrong, and plain garbage. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { id: fc.oneof(fc.uuid(), fc.string()), locationCode: fc.string(), category: fc.string(), description: fc.string({ unit: 'binary' }) },
    { requiredKeys: [] },
  ),
  fc
    .constant(null)
    .map(() => inspection('lobby', 'b2-lobby', server.clock.now))
    .chain((valid) =>
      fc
        .record({ key: fc.constantFrom(...Object.keys(valid)), value: fc.jsonValue() })
        .map(({ key, value }) => ({ ...valid, [key]: value })),
    ),
  fc.record({
    id: fc.uuid(),
    action: fc.record(
      {
        type: fc.constantFrom('accept', 'reject', 'assign', 'rectify', 'verify', 'reopen', 'escalate'),
        note: fc.string(),
        photos: fc.jsonValue(),
      },
      { requiredKeys: ['type'] },
    ),
  }),
);

describe('no write route answers 5xx to anything', () => {
  it('every write route, anonymous and as an administrator, arbitrary JSON', async () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      // A fresh session per route: a fuzzed logout or password change must not blind the rest.
      const token = await server.login('admin');
      await fc
        .assert(
          fc.asyncProperty(body, fc.boolean(), async (json, signedIn) => {
            const r = await server.request(route.method, route.path, { json, token: signedIn ? token : undefined });
            if (r.status >= 500)
              failures.push(`${route.method} ${route.path} ${JSON.stringify(json).slice(0, 200)} → ${r.status} ${r.text.slice(0, 200)}`);
            return r.status < 500;
          }),
          { numRuns: 20, seed: 20261130, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  });
});
