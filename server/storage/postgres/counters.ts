/** Rate counters every server on the database shares: one upsert per hit on an unlogged table. */
import type pg from 'pg';
import type { Counter, Counters, ResetMode } from '../counters.ts';

const FORGET_MS = 86_400_000;

const toCounter = (r: { count: number; started_at: string | number; last_at: string | number }): Counter => ({
  count: Number(r.count),
  startedAt: Number(r.started_at),
  lastAt: Number(r.last_at),
});

export class PgCounters implements Counters {
  private adds = 0;
  constructor(private readonly pool: pg.Pool) {}

  async add(key: string, now: number, resetAfterMs: number, mode: ResetMode): Promise<Counter> {
    // The same rule as expired() in storage/counters.ts, evaluated on the row as it was.
    const runOut = mode === 'window' ? 'counters.started_at <= $2::bigint - $3::bigint' : 'counters.last_at < $2::bigint - $3::bigint';
    const { rows } = await this.pool.query(
      `INSERT INTO counters (key, count, started_at, last_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN ${runOut} THEN 1 ELSE counters.count + 1 END,
         started_at = CASE WHEN ${runOut} THEN $2 ELSE counters.started_at END,
         last_at = $2
       RETURNING count, started_at, last_at`,
      [key, now, resetAfterMs],
    );
    if (++this.adds % 1000 === 0) await this.pool.query('DELETE FROM counters WHERE last_at < $1', [now - FORGET_MS]);
    return toCounter(rows[0]);
  }

  async get(key: string): Promise<Counter | undefined> {
    const { rows } = await this.pool.query('SELECT count, started_at, last_at FROM counters WHERE key = $1', [key]);
    return rows[0] && toCounter(rows[0]);
  }

  async clear(key: string): Promise<void> {
    await this.pool.query('DELETE FROM counters WHERE key = $1', [key]);
  }
}
