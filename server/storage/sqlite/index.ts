/** The embedded SQLite store: one file in the data folder, durable settings, migrations at open. */
import type { Store } from '../store.ts';
import { estateRepo } from './estates.ts';
import { issueRepo } from './issues.ts';
import { openDatabase } from './open.ts';
import { peopleRepo } from './people.ts';
import { recordRepo } from './records.ts';

export function createSqliteStore(file: string): Store {
  const db = openDatabase(file);
  return {
    ...estateRepo(db),
    ...peopleRepo(db),
    ...issueRepo(db),
    ...recordRepo(db),
    // BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way on an upgrade.
    tx: (fn) => db.transaction(fn).immediate(),
    close: () => db.close(),
  };
}
