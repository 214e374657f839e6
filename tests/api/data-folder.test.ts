/**
 * The server's data folder under faults, on real processes: two servers on one folder, a kill during the
 * first start, SIGTERM in the middle of a burst.
 */
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jpeg, sha256 } from '../support/payloads.ts';
import { spawnServer } from '../support/process.ts';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-folder-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('one data folder, one server', () => {
  it('a second server on the same folder refuses with one clear line and exits non-zero', async () => {
    const dataDir = folder();
    const first = await spawnServer({ dataDir });
    const second = await spawnServer({ dataDir }).then(
      (s) => ({ started: true, output: s.output(), stop: () => s.stop() }),
      (e: Error) => ({ started: false, output: e.message, stop: async () => null }),
    );
    await second.stop();
    expect(second.started).toBe(false);
    expect(second.output).toMatch(/exited with 1/);
    expect(second.output).toContain(`pqm: another server is already running on the data folder ${dataDir}`);
    expect(second.output).not.toMatch(/\n\s+at /); // no stack trace
    // The first one is unharmed.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    await first.stop();
  });

  it('two servers started together on an empty folder: one runs, the other refuses cleanly', async () => {
    const dataDir = folder();
    const results = await Promise.allSettled([spawnServer({ dataDir }), spawnServer({ dataDir })]);
    const running = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(running).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String(refused[0].reason)).toContain('another server is already running');
    await (running[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof spawnServer>>>).value.stop();
  });

  it('a server killed during its first start leaves the whole demo or none of it, and the next start completes it', async () => {
    for (const after of [150, 450, 800]) {
      const dataDir = folder();
      let child: ChildProcess | null = null;
      const doomed = spawnServer({ dataDir, args: ['--demo'], onChild: (c) => (child = c) }).catch(() => null);
      await new Promise((r) => setTimeout(r, after));
      (child as ChildProcess | null)?.kill('SIGKILL');
      await doomed;
      const again = await spawnServer({ dataDir, args: ['--demo'] });
      await again.stop();
      const db = new Database(join(dataDir, 'pqm.sqlite'), { readonly: true });
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const counts = {
        estates: count('estates'),
        inspections: count('inspections'),
        plans: count('plan_records'),
        locations: count('locations'),
      };
      db.close();
      expect(counts.estates, `killed after ${after} ms`).toBe(1);
      expect(counts.inspections, `killed after ${after} ms`).toBeGreaterThan(500);
      expect(counts.plans, `killed after ${after} ms`).toBeGreaterThan(0);
    }
  });
});

describe('stopping', () => {
  it('SIGTERM during a burst of uploads lets every request in flight finish, then exits 0', async () => {
    const dataDir = folder();
    const server = await spawnServer({ dataDir });
    const photos = await Promise.all(
      Array.from({ length: 12 }, (_, i) => jpeg(1600, 1200, `#${(0x102030 + i * 0x0a0b0c).toString(16).slice(0, 6)}`)),
    );
    // Every upload is in flight (headers and half its body sent) when the signal comes.
    const uploads = photos.map((p) => {
      const req = request(`${server.url}/api/photos/${sha256(p)}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', 'content-length': p.length },
      });
      const answer = new Promise<number | string>((resolve) => {
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', (e) => resolve(`cut: ${e.message}`));
      });
      req.write(p.subarray(0, p.length >> 1));
      return { req, p, answer };
    });
    await new Promise((r) => setTimeout(r, 200));
    const exited = server.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    for (const { req, p } of uploads) req.end(p.subarray(p.length >> 1));
    expect(await Promise.all(uploads.map((u) => u.answer))).toEqual(Array(12).fill(201));
    expect(await exited).toBe(0);
  });
});
