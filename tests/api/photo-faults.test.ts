/** Photos under faults: the same photo uploaded at once from several phones, a stored file that went missing. */
import { rmSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const put = async (bytes: Uint8Array, user = 'wang') =>
  server.request('PUT', `/api/photos/${sha256(bytes)}`, { token: await server.login(user), body: bytes, headers: { 'content-type': 'image/jpeg' } });
const file = (hash: string) => join(server.dataDir, 'blobs', hash.slice(0, 2), `${hash}.jpg`);

describe('photo storage under faults', () => {
  it('six phones uploading the same photo at once all get it stored, and no temporary file is left', async () => {
    const photo = await jpeg(1200, 900, '#7a4411');
    const users = ['wang', 'li', 'zhao', 'supervisor', 'admin', 'cleaning'];
    const results = await Promise.all(users.map((u) => put(photo, u)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(existsSync(file(sha256(photo)))).toBe(true);
    expect(readdirSync(join(server.dataDir, 'blobs', sha256(photo).slice(0, 2))).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a photo whose file went missing is written again by the next upload, and served', async () => {
    const photo = await jpeg(640, 480, '#117a44');
    expect((await put(photo)).status).toBe(201);
    rmSync(file(sha256(photo)));
    expect((await put(photo)).status).toBe(201);
    expect(existsSync(file(sha256(photo)))).toBe(true);
  });
});
