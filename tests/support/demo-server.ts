/** The seeded demo estate (60 days of history) on a real server at a fixed instant, for figure tests. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { buildDeps, startServer, type Running } from '../../server/start.ts';

export interface DemoServer {
  running: Running;
  /** The supervisor's token. */
  token: string;
  /** The database, read-only, for counting directly. */
  db: Database.Database;
  close(): Promise<void>;
}

export async function startDemoServer(now: number): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-demo-'));
  const config = { ...loadConfig([], {}), port: 0, host: '127.0.0.1', dataDir: dir, staticDir: '/nonexistent' };
  const deps = await buildDeps(config, () => now);
  await seedDemo(deps);
  const running = await startServer(config, deps);
  const r = await fetch(`${running.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo-2026' }),
  });
  const token = ((await r.json()) as { token: string }).token;
  const db = new Database(join(dir, 'pqm.sqlite'), { readonly: true });
  return {
    running,
    token,
    db,
    async close() {
      db.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** For a test file: the demo server, started before its tests and closed after them (fields filled in beforeAll). */
export function useDemoServer(now: number): DemoServer {
  const demo = {} as DemoServer;
  beforeAll(async () => void Object.assign(demo, await startDemoServer(now)), 120_000);
  afterAll(() => demo.close());
  return demo;
}
