/**
 * The embedded SQLite store: one file in the data folder, one writer connection behind an async queue
 * (group commit for every write) and one reader connection (WAL: readers never wait for the writer). Who is calling
 * and locations are kept between changes (../read-cache.ts, told by changes.ts).
 */
import type { Statement } from 'better-sqlite3';
import type { ChecklistTemplate } from '../../../shared/index.ts';
import { readCache } from '../read-cache.ts';
import { repositories } from '../repos/index.ts';
import type { Param, Row, Sql } from '../sql.ts';
import { toTime } from '../repos/records.ts';
import type { Reads, Store, Writes } from '../store.ts';
import { watchChanges } from './changes.ts';
import { openDatabase, type Db } from './open.ts';

/** better-sqlite3 is synchronous; the promises only give both engines one shape. Statements are prepared once. */
function sqliteSql(db: Db): Sql {
  const cache = new Map<string, Statement>();
  const prepared = (text: string) => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = db.prepare(text)));
    return s;
  };
  return {
    all: async (text, params: readonly Param[] = []) => prepared(text).all(...params) as Row[],
    get: async (text, params: readonly Param[] = []) => prepared(text).get(...params) as Row | undefined,
    run: async (text, params: readonly Param[] = []) => prepared(text).run(...params).changes,
  };
}

interface Job {
  fn: (tx: Writes) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How many writes one commit may hold, so a steady stream still commits (and answers) often. */
const MAX_GROUP = 256;

/**
 * Group commit: writes that arrive together share one transaction and so one fsync. Each runs in its own
 * savepoint, so one that throws rolls back alone and the others still land; none is answered before the
 * commit that holds it is on disk. Writes that arrive while a group runs join it (up to MAX_GROUP).
 */
function groupCommit(db: Db, tx: Writes, ended: () => void) {
  const queue: Job[] = [];
  let running = false;

  const runGroup = async () => {
    const done: { job: Job; ok: boolean; value: unknown }[] = [];
    let current: Job | null = null;
    try {
      db.exec('BEGIN IMMEDIATE');
      while (queue.length && done.length < MAX_GROUP) {
        const job = (current = queue.shift()!);
        db.exec('SAVEPOINT job');
        try {
          const value = await job.fn(tx);
          db.exec('RELEASE job');
          done.push({ job, ok: true, value });
        } catch (error) {
          db.exec('ROLLBACK TO job');
          db.exec('RELEASE job');
          done.push({ job, ok: false, value: error });
        }
        current = null;
      }
      db.exec('COMMIT');
    } catch (error) {
      // The engine failed (disk full, I/O): nothing of this group landed, so every write in it fails.
      if (db.inTransaction) db.exec('ROLLBACK');
      ended();
      for (const { job } of done) job.reject(error);
      current?.reject(error);
      return;
    }
    // Before any write of the group is answered: what it changed is no longer kept.
    ended();
    for (const { job, ok, value } of done) (ok ? job.resolve : job.reject)(value);
  };

  const drain = async () => {
    while (queue.length) await runGroup();
    running = false;
  };

  return <T>(fn: (tx: Writes) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!running) {
        running = true;
        // Wait one turn so that writes arriving together start out in one group.
        setImmediate(() => void drain());
      }
    });
}

/**
 * One writer commits in order, so the rowid is the commit order: everything up to the largest rowid a reader
 * sees is committed. (Rows are never deleted, so a rowid is never handed out twice.)
 */
function inspectionsAfter(db: Db): Reads['inspectionsAfter'] {
  const latest = db.prepare('SELECT coalesce(max(rowid), 0) AS seq FROM inspections');
  const after = db.prepare(
    'SELECT rowid AS seq, id, location_id, inspector_id, finished_at FROM inspections WHERE estate_id = ? AND rowid > ? ORDER BY rowid',
  );
  return async (estateId, cursor) => {
    if (cursor === null) return { rows: [], cursor: String((latest.get() as { seq: number }).seq) };
    const rows = after.all(estateId, Number(cursor)) as Row[];
    return { rows: rows.map(toTime), cursor: rows.length ? String(rows[rows.length - 1].seq) : cursor };
  };
}

export function createSqliteStore(file: string): Store {
  const writer = openDatabase(file);
  const reader = openDatabase(file, { readOnly: true });
  const after = inspectionsAfter(reader);
  const templateCache = new Map<string, ChecklistTemplate>();
  // Changes are always heard here: the triggers run in this process, and data_version tells of any other.
  const cache = readCache(
    () => true,
    Date.now,
    () => changes.checkOthers(),
  );
  const changes = watchChanges(writer, cache.changed);
  let closed = false;
  return {
    engine: 'sqlite',
    read: cache.over({ ...repositories(sqliteSql(reader), templateCache), inspectionsAfter: after }),
    // One writer: a transaction already excludes every other.
    write: groupCommit(
      writer,
      {
        ...repositories(sqliteSql(writer)),
        inspectionsAfter: inspectionsAfter(writer),
        exclusive: async () => {},
      },
      changes.groupEnded,
    ),
    ping: async () => void reader.prepare('SELECT 1').get(),
    close: async () => {
      if (closed) return;
      closed = true;
      reader.close();
      writer.close();
    },
  };
}
