/**
 * The data folder belongs to one server at a time. Two servers on one folder would each keep their own
 * patrol board and alerts, and two first starts at once raced to create the database. The lock is an
 * exclusive SQLite lock on `pqm.lock`: the operating system drops it when the process dies, however it dies.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** A start-up problem an operator can act on: printed as one line, and the server exits non-zero. */
export class StartupError extends Error {}

export interface FolderLock {
  release(): void;
}

export function lockDataFolder(dataDir: string): FolderLock {
  // A second's wait, no more. Two servers starting at once both read the file on their way to its lock; one that
  // refused at once on meeting the other's read would leave both refused, neither running. A lock held for longer is
  // another server, running.
  const db = new Database(join(dataDir, 'pqm.lock'), { timeout: 1_000 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY')
      throw new StartupError(`another server is already running on the data folder ${dataDir}`);
    throw e;
  }
  return {
    release: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}
