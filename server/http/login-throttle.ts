/**
 * Wrong passwords slow the next try; they never lock an account. Counted three ways:
 * - one account from one address: 5 free tries, then a wait that doubles with each miss (to 15 min);
 * - one account from anywhere: 20 free, then waits capped at 30 s, so a spread-out attack cannot lock a real
 *   person out for longer than that;
 * - one address across accounts (a spray): 50 free, then doubling waits.
 * A wait is answered before the password is checked, so waiting is not a way to keep guessing.
 */
import { expired, type Counters } from '../storage/counters.ts';

const FORGET_AFTER_MS = 15 * 60_000;

interface Rule {
  free: number;
  maxWaitMs: number;
}

const PAIR: Rule = { free: 5, maxWaitMs: 15 * 60_000 };
const ACCOUNT: Rule = { free: 20, maxWaitMs: 30_000 };
const ADDRESS: Rule = { free: 50, maxWaitMs: 15 * 60_000 };

export class LoginThrottle {
  constructor(private readonly counters: Counters) {}

  private keys(username: string, ip: string): [string, Rule][] {
    const user = username.toLowerCase();
    return [
      [`login-pair:${user}|${ip}`, PAIR],
      [`login-account:${user}`, ACCOUNT],
      [`login-address:${ip}`, ADDRESS],
    ];
  }

  /** Milliseconds to wait before this try may be checked; 0 = go ahead. */
  async waitMs(username: string, ip: string, now: number): Promise<number> {
    let wait = 0;
    for (const [key, rule] of this.keys(username, ip)) {
      const m = await this.counters.get(key);
      if (!m || expired(m, now, FORGET_AFTER_MS, 'idle') || m.count < rule.free) continue;
      const delay = Math.min(rule.maxWaitMs, 1000 * 2 ** (m.count - rule.free + 1));
      wait = Math.max(wait, m.lastAt + delay - now);
    }
    return wait;
  }

  async miss(username: string, ip: string, now: number): Promise<void> {
    for (const [key] of this.keys(username, ip)) await this.counters.add(key, now, FORGET_AFTER_MS, 'idle');
  }

  /** A right password clears that account's count from that address. */
  async succeed(username: string, ip: string): Promise<void> {
    await this.counters.clear(this.keys(username, ip)[0][0]);
  }
}
