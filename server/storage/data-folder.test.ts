import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { StartupError, lockDataFolder } from './data-folder.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * Another process reads the lock file for `ms` (as a second server starting at the same moment does, on its way to
 * being refused); resolves once it holds its read.
 */
function readBriefly(file: string, ms: number): Promise<void> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const db = new (require(${JSON.stringify(sqlite)}))(${JSON.stringify(file)});
    db.exec('BEGIN'); db.prepare('SELECT count(*) FROM sqlite_master').get(); console.log('held');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms}); db.exec('COMMIT'); db.close();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`the reader exited (${code}) before it held its read`)));
  });
}

it("a start that meets another start's momentary read of the lock waits for it, rather than both refusing", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-lock-'));
  dirs.push(dir);
  await readBriefly(join(dir, 'pqm.lock'), 300);
  const lock = lockDataFolder(dir);
  lock.release();
});

it('a folder a running server holds is refused, and says so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-lock-'));
  dirs.push(dir);
  const first = lockDataFolder(dir);
  try {
    expect(() => lockDataFolder(dir)).toThrow(StartupError);
  } finally {
    first.release();
  }
});
