/**
 * The PostgreSQL store, chosen by DATABASE_URL=postgres://…: the same repositories over a connection pool.
 * Reads go to the pool, except who is calling and locations, which each server keeps between changes
 * (../read-cache.ts, told by change-feed.ts). Writes that arrive together share one transaction on one connection (group
 * commit, below). Several servers may share one database.
 */
import pg from 'pg';
import type { ChecklistTemplate } from '../../../shared/index.ts';
import { repositories } from '../repos/index.ts';
import type { Param, Sql } from '../sql.ts';
import { toTime } from '../repos/records.ts';
import type { Reads, Store, Writes } from '../store.ts';
import { newSecret } from '../../security/crypto.ts';
import { PgBlobs } from './blobs.ts';
import { ChangeFeed } from './change-feed.ts';
import { PgCounters } from './counters.ts';
import { PG_MIGRATIONS } from './migrations.ts';
import { readCache } from '../read-cache.ts';

// Times are milliseconds in BIGINT, and counts are int8: both fit a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * `?` placeholders (the SQL in repos/ is written once, for both engines) become `$1, $2, …`, and each text gets a
 * name, so every connection parses and plans it once (a prepared statement) instead of on every call.
 */
const prepared = new Map<string, { name: string; text: string }>();
function toPg(text: string): { name: string; text: string } {
  let out = prepared.get(text);
  if (out === undefined) {
    let n = 0;
    // No SQL here puts a `?` inside a string literal; quoted text is left alone all the same.
    out = { name: `pqm_${prepared.size}`, text: text.replace(/'[^']*'|\?/g, (m) => (m === '?' ? `$${++n}` : m)) };
    prepared.set(text, out);
  }
  return out;
}

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

function pgSql(db: Queryable): Sql {
  const query = (text: string, params: readonly Param[] = []) => db.query({ ...toPg(text), values: params as Param[] });
  return {
    all: async (text, params) => (await query(text, params)).rows,
    get: async (text, params) => (await query(text, params)).rows[0],
    run: async (text, params) => (await query(text, params)).rowCount ?? 0,
  };
}

/** Serialization failures and deadlocks are retried whole: a write does only database work, so it can run again. */
const RETRY = new Set(['40001', '40P01']);
const MIGRATION_LOCK = 7_441_001;

/** A transaction-scoped advisory lock named by a string: released by COMMIT or ROLLBACK. */
async function lock(client: pg.PoolClient, key: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One server migrates; the others wait here and then find nothing left to do.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    for (let v = Number(rows[0].v); v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Everything a server keeps in PostgreSQL, on one pool: the records, the photos, the rate counters, the secret. */
export interface PostgresBackend {
  store: Store;
  blobs: PgBlobs;
  counters: PgCounters;
  /** The server secret every server shares: made once, by whichever server starts first. */
  secret(): Promise<string>;
}

export async function openPostgres(url: string, opts: { poolSize?: number } = {}): Promise<PostgresBackend> {
  const cache = readCache(() => feed.live);
  const feed = new ChangeFeed(url, cache.changed);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    // Each connection hears the changes, so a write has dropped what it changed by the time its COMMIT returns.
    onConnect: (client) => feed.listenOn(client),
  });
  // An idle connection that fails (the database restarted) is dropped, not thrown at the process.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  await feed.start();
  return {
    store: postgresStore(pool, cache.over, () => feed.close()),
    blobs: new PgBlobs(pool),
    counters: new PgCounters(pool),
    secret: async () => {
      await pool.query(`INSERT INTO server_settings (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING`, [newSecret()]);
      return (await pool.query(`SELECT value FROM server_settings WHERE key = 'secret'`)).rows[0].value as string;
    },
  };
}

/** The records alone (the storage contract suite uses this). */
export async function createPostgresStore(url: string, opts: { poolSize?: number } = {}): Promise<Store> {
  return (await openPostgres(url, opts)).store;
}

/**
 * Commit order by transaction id: every transaction older than a snapshot's xmin has finished, so all their rows are
 * visible in it. One statement reads the horizon and the rows of transactions from the last horizon on, in one
 * snapshot (one round trip on every poll); the horizon is where the next read starts. A transaction still open then
 * is read next time, and one read twice is skipped by id.
 */
function inspectionsAfter(db: Queryable): Reads['inspectionsAfter'] {
  return async (estateId, cursor) => {
    const { rows } = await db.query(
      `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x)
       SELECT horizon.x, i.id, i.location_id, i.inspector_id, i.finished_at
       FROM horizon LEFT JOIN inspections i ON $2::xid8 IS NOT NULL AND i.estate_id = $1 AND i.xid >= $2::xid8`,
      [estateId, cursor],
    );
    return { rows: rows.filter((r) => r.id !== null).map(toTime), cursor: rows[0].x as string };
  };
}

/** The pool hands the same few connections out again and again: each one's transaction object is made once. */
const transactions = new WeakMap<pg.PoolClient, Writes>();
function transactionOf(client: pg.PoolClient): Writes {
  let tx = transactions.get(client);
  if (!tx)
    transactions.set(
      client,
      (tx = { ...repositories(pgSql(client)), inspectionsAfter: inspectionsAfter(client), exclusive: (key) => lock(client, key) }),
    );
  return tx;
}

interface Job {
  fn: (tx: Writes) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** How many writes one transaction may hold, and how many such transactions run at once (each on a connection). */
const MAX_GROUP = 64;
const GROUPS_AT_ONCE = 3;

/**
 * Group commit: writes that arrive together share one transaction, so each pays neither a BEGIN nor a COMMIT of its
 * own (two round trips, and a WAL flush). Savepoints would cost two round trips each, so a group has none: when a write
 * in it throws, the whole group is rolled back and each of its writes runs again alone, in its own transaction
 * (`alone`), and is answered from that. Writes are re-run as a retry re-runs them, so they must (and do) allow it.
 */
function groupCommit(pool: pg.Pool, alone: <T>(fn: (tx: Writes) => Promise<T>) => Promise<T>) {
  const queue: Job[] = [];
  let running = 0;
  let scheduled = false;

  const runGroup = async (jobs: Job[]) => {
    // A write that arrived alone is a transaction of its own: if it throws, it is not run twice.
    if (jobs.length === 1) return alone(jobs[0].fn).then(jobs[0].resolve, jobs[0].reject);
    const values: unknown[] = [];
    let client: pg.PoolClient | null = null;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const tx = transactionOf(client);
      for (const job of jobs) values.push(await job.fn(tx));
      await client.query('COMMIT');
    } catch {
      await client?.query('ROLLBACK').catch(() => {});
      client?.release();
      for (const job of jobs) alone(job.fn).then(job.resolve, job.reject);
      return;
    }
    client.release();
    for (const [i, job] of jobs.entries()) job.resolve(values[i]);
  };

  const pump = () => {
    scheduled = false;
    while (queue.length && running < GROUPS_AT_ONCE) {
      running++;
      void runGroup(queue.splice(0, MAX_GROUP)).finally(() => {
        running--;
        pump();
      });
    }
  };

  return <T>(fn: (tx: Writes) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!scheduled && running < GROUPS_AT_ONCE) {
        scheduled = true;
        // Wait one turn so that writes arriving together start out in one group.
        setImmediate(pump);
      }
    });
}

function postgresStore(pool: pg.Pool, cached: (read: Reads) => Reads, stopFeed: () => Promise<void>): Store {
  const templateCache = new Map<string, ChecklistTemplate>();

  const alone = async <T>(fn: (tx: Writes) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(transactionOf(client));
        await client.query('COMMIT');
        return value;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        if (attempt < 5 && RETRY.has((e as { code?: string }).code ?? '')) continue;
        throw e;
      } finally {
        client.release();
      }
    }
  };

  let closed: Promise<void> | null = null;
  return {
    engine: 'postgres',
    read: cached({ ...repositories(pgSql(pool), templateCache), inspectionsAfter: inspectionsAfter(pool) }),
    write: groupCommit(pool, alone),
    ping: async () => void (await pool.query('SELECT 1')),
    close: () => (closed ??= stopFeed().then(() => pool.end())),
  };
}
