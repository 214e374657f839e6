/**
 * A full or read-only disk, on real small file systems (tmpfs; the test mounts them, so it needs root, as CI
 * has): one clear line at start, a 503 with Retry-After while running, and recovery when space returns.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jpeg, sha256 } from '../support/payloads.ts';
import { spawnServer } from '../support/process.ts';

const mounts: string[] = [];
function tmpfs(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    tmpfs('1m');
    return true;
  } catch {
    return false;
  }
})();
afterAll(() => {
  for (const dir of mounts) {
    // Lazy, so a server a failed test left running cannot keep the mount.
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Fills the file system until it is full. */
function fill(mount: string): string {
  const filler = join(mount, 'filler');
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(`${filler}-${i}`, chunk);
    } catch {
      return filler;
    }
  }
}
const unfill = (mount: string) => {
  for (const f of readdirSync(mount)) if (f.startsWith('filler')) rmSync(join(mount, f));
};

const refusal = (e: unknown) => String((e as Error).message);

describe.runIf(canMount)('a full or read-only disk', () => {
  it('starting on a read-only disk: one line naming the folder and the problem, exit 1', async () => {
    const mount = tmpfs('4m');
    execFileSync('mount', ['-o', 'remount,ro', mount]);
    const dataDir = join(mount, 'data');
    const message = await spawnServer({ dataDir }).then(
      () => 'started',
      (e) => refusal(e),
    );
    expect(message).toMatch(/exited with 1/);
    expect(message).toContain(`pqm: cannot use the data folder ${dataDir}: the disk is read-only`);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('starting on a full disk: one line, exit 1, and no partial files left behind', async () => {
    const mount = tmpfs('2m');
    const dataDir = join(mount, 'data');
    fill(mount);
    const message = await spawnServer({ dataDir }).then(
      () => 'started',
      (e) => refusal(e),
    );
    expect(message).toContain(`pqm: cannot use the data folder ${dataDir}: the disk is full`);
    expect(message).not.toMatch(/\n\s+at /);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a restart while the disk is still full is refused at once, not "healthy" until the first sign-in', async () => {
    const mount = tmpfs('64m');
    const dataDir = join(mount, 'data');
    const first = await spawnServer({ dataDir, args: ['--demo'] });
    await first.stop();
    fill(mount);
    const message = await spawnServer({ dataDir }).then(
      (s) => {
        void s.stop();
        ('started');
      },
      (e) => refusal(e),
    );
    expect(message).toContain('the disk is full');
    // Its data is untouched.
    expect(readdirSync(dataDir)).toContain('pqm.sqlite');
  });

  it('while running, a full disk answers 503 with Retry-After, leaves no temporary file, and recovers when space returns', async () => {
    const mount = tmpfs('64m');
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    const server = await spawnServer({ dataDir, args: ['--demo'] });
    fill(mount);
    const photo = await jpeg(1600, 1200, '#335577');
    const put = () =>
      fetch(`${server.url}/api/photos/${sha256(photo)}`, {
        method: 'PUT',
        body: Buffer.from(photo),
        headers: { 'content-type': 'image/jpeg' },
      });
    const full = await put();
    expect(full.status).toBe(503);
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await full.json()).error).toMatch(/disk is full/);
    const blobs = join(dataDir, 'blobs');
    const leftovers = readdirSync(blobs, { recursive: true })
      .map(String)
      .filter((f) => f.includes('.tmp'));
    expect(leftovers).toEqual([]);
    // Sign-in writes a session: refused the same way, never a 500.
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'demo-2026' }),
    });
    expect([200, 503]).toContain(login.status);

    unfill(mount);
    expect((await put()).status).toBe(201);
    const again = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'demo-2026' }),
    });
    expect(again.status).toBe(200);
    await server.stop();
  });
});
