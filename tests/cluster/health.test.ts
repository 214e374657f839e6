/** /healthz tells the truth, so a load balancer drops a server whose database has gone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/start.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';

it('a server whose database is gone answers /healthz with 503, and says so in one line', async () => {
  const admin = inject('pgAdminUrl');
  const databaseUrl = await createDatabase(admin);
  const dataDir = mkdtempSync(join(tmpdir(), 'pqm-health-'));
  const running = await startServer({ ...loadConfig([], {}), port: 0, host: '127.0.0.1', dataDir, staticDir: '/nonexistent', databaseUrl });
  try {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    await dropDatabase(admin, databaseUrl);
    const r = await fetch(`${running.url}/healthz`);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('10');
    expect(await r.json()).toEqual({ ok: false, error: 'the database or the photo storage does not answer' });
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
