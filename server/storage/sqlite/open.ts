import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens the database file with durable settings: WAL so readers never block the writer,
 * synchronous=FULL so a committed sync survives power loss, and a busy timeout for a second process.
 * The writer migrates; a reader is opened after it and may only read.
 */
export function openDatabase(file: string, opts: { readOnly?: boolean } = {}): Db {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  if (opts.readOnly) {
    db.pragma('query_only = ON');
    return db;
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** One migration per transaction, its version read inside it: a migration is applied whole, and once. */
function migrate(db: Db): void {
  const step = db.transaction((): boolean => {
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v >= MIGRATIONS.length) return false;
    db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${v + 1}`);
    return true;
  });
  while (step.immediate());
}
