/** The embedded SQLite store: one file in the data folder, durable settings, migrations at open. */
import type { Store } from '../store.ts';
import { estateRepo } from './estates.ts';
import { issueRepo } from './issues.ts';
import { openDatabase, type Db } from './open.ts';
import { peopleRepo } from './people.ts';
import { recordRepo } from './records.ts';

interface Job {
  fn: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes that arrive together share one transaction and so one fsync.
 * Each job runs in its own savepoint, so a job that throws rolls back alone and the others still land;
 * no job is answered before the commit that holds it is on disk.
 */
function groupCommit(db: Db) {
  let queue: Job[] = [];
  const flush = () => {
    const jobs = queue;
    queue = [];
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const job of jobs) {
          try {
            results.push({ ok: true, value: db.transaction(job.fn)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const r = results[i];
      if (r.ok) job.resolve(r.value);
      else job.reject(r.error);
    });
  };
  return <T>(fn: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.push({ fn, resolve: resolve as (v: unknown) => void, reject }) === 1) setImmediate(flush);
    });
}

export function createSqliteStore(file: string): Store {
  const db = openDatabase(file);
  return {
    ...estateRepo(db),
    ...peopleRepo(db),
    ...issueRepo(db),
    ...recordRepo(db),
    // BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way on an upgrade.
    // Inside a group commit, the same call becomes a savepoint.
    tx: (fn) => db.transaction(fn).immediate(),
    batch: groupCommit(db),
    close: () => db.close(),
  };
}
