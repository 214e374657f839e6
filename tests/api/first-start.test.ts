/**
 * The built server's first start on an empty data folder, and the admin command on that folder: the embedded
 * engine's own files (not run against PostgreSQL, like the backup and data-folder tests).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { spawnServer } from '../support/process.ts';

const request = (token: string) => ({
  token,
  organisation: { name: '安居物业服务有限公司' },
  admin: { username: 'root', displayName: 'Root', password: 'a-long-pass-phrase-here' },
  estate: { name: { zh: '滨江花园', en: 'Riverside Gardens' } },
});

describe('the built server and admin command on an empty data folder', () => {
  it('prints a one-time setup link on the first start, and none once set up; the admin command resets a password', async () => {
    const first = await spawnServer();
    try {
      const token = /\/setup#([A-Za-z0-9_-]{43})/.exec(first.output())?.[1];
      expect(token, first.output()).toBeDefined();
      const done = await fetch(`${first.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request(token!)),
      });
      expect(done.status).toBe(200);
    } finally {
      await first.stop();
    }
    const second = await spawnServer({ dataDir: first.dataDir });
    await second.stop();
    expect(second.output()).not.toContain('/setup#');

    const admin = join(projectRoot(), 'dist/server/admin.js');
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [admin, ...args, '--data-dir', first.dataDir], { env: { PATH: process.env.PATH } });
    expect((await run('list-users')).stdout).toMatch(/^root\s+Root\s+active\s+admin@e-/);
    expect((await run('reset-password', 'root')).stdout).toMatch(/new password for root .*: [a-z2-9]{4}(-[a-z2-9]{4}){3}/);
    await expect(run('reset-password', 'nobody')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no account nobody') });
  });
});
