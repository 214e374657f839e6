/** Photos under faults: the same photo uploaded at once from several phones, a stored file that went missing. */
import { rmSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, testEngine, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const put = async (bytes: Uint8Array, user = 'wang') =>
  server.request('PUT', `/api/photos/${sha256(bytes)}`, {
    token: await server.login(user),
    body: bytes,
    headers: { 'content-type': 'image/jpeg' },
  });
// Where the bytes are: a file in the data folder (SQLite), or a row (PostgreSQL, shared by every server).
const file = (hash: string) => join(server.dataDir, 'blobs', hash.slice(0, 2), `${hash}.jpg`);
const stored = async (hash: string) =>
  testEngine() === 'postgres'
    ? (await server.sql('SELECT sha256 FROM photo_blobs WHERE sha256 = ?', [hash])).length === 1
    : existsSync(file(hash));
const lose = async (hash: string) =>
  testEngine() === 'postgres' ? void (await server.sql('DELETE FROM photo_blobs WHERE sha256 = ?', [hash])) : rmSync(file(hash));

describe('photo storage under faults', () => {
  it('six phones uploading the same photo at once all get it stored, and no temporary file is left', async () => {
    const photo = await jpeg(1200, 900, '#7a4411');
    const users = ['wang', 'li', 'zhao', 'supervisor', 'admin', 'cleaning'];
    const results = await Promise.all(users.map((u) => put(photo, u)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(await stored(sha256(photo))).toBe(true);
    if (testEngine() === 'sqlite')
      expect(readdirSync(join(server.dataDir, 'blobs', sha256(photo).slice(0, 2))).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a photo whose file went missing is written again by the next upload, and served', async () => {
    const photo = await jpeg(640, 480, '#117a44');
    expect((await put(photo)).status).toBe(201);
    await lose(sha256(photo));
    expect((await put(photo)).status).toBe(201);
    expect(await stored(sha256(photo))).toBe(true);
  });
});
