/** Fixed-window counters in memory: enough for one process guarding logins and public forms. */
import { HttpError } from './errors.ts';

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  /** Counts one hit; throws 429 with Retry-After once `limit` hits fall in the current window. */
  hit(key: string, limit: number, windowMs: number, now: number, message = 'too many requests, try again later'): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      return;
    }
    w.count++;
    if (w.count > limit) {
      const retry = Math.ceil((w.start + windowMs - now) / 1000);
      throw new HttpError(429, message, [], { 'Retry-After': String(retry) });
    }
  }

  /** Counts one hit and returns the count in the current window, refusing nothing. */
  count(key: string, windowMs: number, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      return 1;
    }
    return ++w.count;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}
