/**
 * Backup while the server takes writes, restore into a fresh folder, and compare every record and photo:
 * the backup is one consistent moment, and the restored server works (owners' links included).
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { jpeg, sha256, webmClip } from '../support/payloads.ts';
import { spawnServer } from '../support/process.ts';

const run = promisify(execFile);
const tool = (name: string) => join(projectRoot(), `dist/server/${name}.js`);
const work = mkdtempSync(join(tmpdir(), 'pqm-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = Record<string, unknown>;
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
const rows = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map((r) =>
    JSON.stringify(r, (_, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
  );
/** The stored file's hash: a photo is <sha>.jpg, a clip <sha>.webm. */
const fileHash = (dir: string, sha: string) => {
  const folder = join(dir, 'blobs', sha.slice(0, 2));
  const name = readdirSync(folder).find((f) => f.startsWith(`${sha}.`));
  return createHash('sha256')
    .update(readFileSync(join(folder, name ?? `${sha}.jpg`)))
    .digest('hex');
};

describe('backup and restore', () => {
  it('a backup taken under write load restores every record and photo of its moment, and the restored server works', async () => {
    const source = join(work, 'source');
    const server = await spawnServer({ dataDir: source, args: ['--demo'] });
    const reader = new Database(join(source, 'pqm.sqlite'), { readonly: true });
    const codes = reader.prepare('SELECT code FROM locations').pluck().all() as string[];
    reader.close();

    // An owner's report with a photo, made before the backup: its tracking link must work after restore.
    const photo = await jpeg(320, 240, '#884422');
    const device = { 'x-pqm-device': randomUUID() };
    await fetch(`${server.url}/api/photos/${sha256(photo)}`, {
      method: 'PUT',
      body: Buffer.from(photo),
      headers: { 'content-type': 'image/jpeg', ...device },
    });
    // And a clip, which a backup keeps and a restore names as a clip.
    const clip = webmClip(40_000, 9);
    await fetch(`${server.url}/api/videos/${sha256(clip)}?from=0&size=${clip.length}`, {
      method: 'PUT',
      body: Buffer.from(clip),
      headers: { 'content-type': 'application/octet-stream', ...device },
    });
    const before = await (
      await fetch(`${server.url}/api/owner/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...device },
        body: JSON.stringify({
          id: randomUUID(),
          locationCode: codes[0],
          category: 'hygiene',
          description: 'before the backup',
          photos: [
            { sha256: sha256(photo), size: photo.length },
            { sha256: sha256(clip), size: clip.length, kind: 'video' },
          ],
        }),
      })
    ).json();

    // Writes keep coming while the backup runs.
    let writing = true;
    let written = 0;
    const load = (async () => {
      while (writing) {
        const r = await fetch(`${server.url}/api/owner/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${written % 200}` },
          body: JSON.stringify({
            id: randomUUID(),
            locationCode: codes[written % codes.length],
            category: 'hygiene',
            description: `under load ${written}`,
          }),
        });
        if (r.status === 201) written++;
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const file = join(work, 'backup.pqm');
    const { stdout } = await run(process.execPath, [tool('backup'), file, '--data-dir', source]);
    expect(stdout).toMatch(/records, \d+ photos/);
    writing = false;
    await load;
    expect(written).toBeGreaterThan(0);
    await server.stop();

    const restored = join(work, 'restored');
    await run(process.execPath, [tool('restore'), file, '--data-dir', restored]);

    // Every record of the backup is in the source exactly as it was; only writes after its moment are missing.
    const a = new Database(join(source, 'pqm.sqlite'), { readonly: true });
    const b = new Database(join(restored, 'pqm.sqlite'), { readonly: true });
    expect(tables(b)).toEqual(tables(a));
    expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const table of tables(a)) {
      const kept = new Set(rows(a, table));
      const back = rows(b, table);
      expect(
        back.filter((r) => !kept.has(r)),
        table,
      ).toEqual([]);
    }
    const issuesA = a.prepare('SELECT count(*) FROM issues').pluck().get() as number;
    const issuesB = b.prepare('SELECT count(*) FROM issues').pluck().get() as number;
    expect(issuesB).toBeLessThanOrEqual(issuesA);
    expect(issuesB).toBeGreaterThan(issuesA - written - 1);
    // Every photo of the backup, byte for byte.
    const shas = b.prepare('SELECT sha256 FROM photos').pluck().all() as string[];
    expect(shas.length).toBeGreaterThanOrEqual(4);
    for (const sha of shas) expect(fileHash(restored, sha), sha).toBe(fileHash(source, sha));
    a.close();
    b.close();

    // The restored server starts, and the owner's link from before the backup still opens, with its photo.
    const again = await spawnServer({ dataDir: restored });
    const track = await (await fetch(`${again.url}/api/track/${before.trackingToken}`)).json();
    expect(track).toMatchObject({
      description: 'before the backup',
      photos: [
        { sha256: sha256(photo), video: false },
        { sha256: sha256(clip), video: true },
      ],
    });
    expect((await fetch(`${again.url}/api/track/${before.trackingToken}/photos/${sha256(photo)}`)).status).toBe(200);
    const played = await fetch(`${again.url}/api/track/${before.trackingToken}/photos/${sha256(clip)}`);
    expect([played.status, played.headers.get('content-type')]).toEqual([200, 'video/webm']);
    expect(Buffer.from(await played.arrayBuffer()).equals(Buffer.from(clip))).toBe(true);
    await again.stop();

    // Restore refuses a folder that is not empty.
    await expect(run(process.execPath, [tool('restore'), file, '--data-dir', restored])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not empty'),
    });
  });
});
