/** Fixed-window limits over shared counters (storage/counters.ts): every server on one database counts together. */
import type { Counters } from '../storage/counters.ts';
import { HttpError } from './errors.ts';

export class RateLimiter {
  constructor(private readonly counters: Counters) {}

  /** Counts one hit; throws 429 with Retry-After once `limit` hits fall in the current window. */
  async hit(key: string, limit: number, windowMs: number, now: number, message = 'too many requests, try again later'): Promise<void> {
    const c = await this.counters.add(key, now, windowMs, 'window');
    if (c.count > limit) {
      const retry = Math.max(1, Math.ceil((c.startedAt + windowMs - now) / 1000));
      throw new HttpError(429, message, [], { 'Retry-After': String(retry) });
    }
  }

  /** Counts one hit and returns the count in the current window, refusing nothing. */
  async count(key: string, windowMs: number, now: number): Promise<number> {
    return (await this.counters.add(key, now, windowMs, 'window')).count;
  }
}
