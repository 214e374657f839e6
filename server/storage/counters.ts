/**
 * Counters behind the rate limits and the wrong-password waits. In memory for the one SQLite process; in
 * PostgreSQL (storage/postgres/counters.ts) when several servers must count together.
 */
export interface Counter {
  count: number;
  startedAt: number;
  lastAt: number;
}

/**
 * 'window': the count starts again once `resetAfterMs` has passed since its window opened (fixed windows).
 * 'idle': … once `resetAfterMs` has passed since the last hit (forgotten when left alone).
 */
export type ResetMode = 'window' | 'idle';

export interface Counters {
  /** One more hit on `key`; the counter as it stands after it. */
  add(key: string, now: number, resetAfterMs: number, mode: ResetMode): Promise<Counter>;
  get(key: string): Promise<Counter | undefined>;
  clear(key: string): Promise<void>;
}

/** Whether a counter last touched at `c` has run out by `now`. */
export const expired = (c: Counter, now: number, resetAfterMs: number, mode: ResetMode): boolean =>
  mode === 'window' ? now - c.startedAt >= resetAfterMs : now - c.lastAt > resetAfterMs;

const SWEEP_ABOVE = 100_000;
const FORGET_MS = 86_400_000;

export class MemoryCounters implements Counters {
  private counters = new Map<string, Counter>();

  async add(key: string, now: number, resetAfterMs: number, mode: ResetMode): Promise<Counter> {
    const c = this.counters.get(key);
    const next =
      c && !expired(c, now, resetAfterMs, mode)
        ? { count: c.count + 1, startedAt: c.startedAt, lastAt: now }
        : { count: 1, startedAt: now, lastAt: now };
    this.counters.set(key, next);
    if (this.counters.size > SWEEP_ABOVE) for (const [k, v] of this.counters) if (now - v.lastAt > FORGET_MS) this.counters.delete(k);
    return next;
  }

  async get(key: string): Promise<Counter | undefined> {
    return this.counters.get(key);
  }

  async clear(key: string): Promise<void> {
    this.counters.delete(key);
  }
}
