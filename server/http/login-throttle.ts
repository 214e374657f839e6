/**
 * Wrong passwords slow the next try; they never lock an account. Counted three ways:
 * - one account from one address: 5 free tries, then a wait that doubles with each miss (to 15 min);
 * - one account from anywhere: 20 free, then waits capped at 30 s, so a spread-out attack cannot lock a real
 *   person out for longer than that;
 * - one address across accounts (a spray): 50 free, then doubling waits.
 * A wait is answered before the password is checked, so waiting is not a way to keep guessing.
 */
const FORGET_AFTER_MS = 15 * 60_000;

interface Rule {
  free: number;
  maxWaitMs: number;
}

const PAIR: Rule = { free: 5, maxWaitMs: 15 * 60_000 };
const ACCOUNT: Rule = { free: 20, maxWaitMs: 30_000 };
const ADDRESS: Rule = { free: 50, maxWaitMs: 15 * 60_000 };

export class LoginThrottle {
  private misses = new Map<string, { count: number; last: number }>();

  private keys(username: string, ip: string): [string, Rule][] {
    const user = username.toLowerCase();
    return [
      [`pair:${user}|${ip}`, PAIR],
      [`account:${user}`, ACCOUNT],
      [`address:${ip}`, ADDRESS],
    ];
  }

  /** Milliseconds to wait before this try may be checked; 0 = go ahead. */
  waitMs(username: string, ip: string, now: number): number {
    let wait = 0;
    for (const [key, rule] of this.keys(username, ip)) {
      const m = this.misses.get(key);
      if (!m || now - m.last > FORGET_AFTER_MS || m.count < rule.free) continue;
      const delay = Math.min(rule.maxWaitMs, 1000 * 2 ** (m.count - rule.free + 1));
      wait = Math.max(wait, m.last + delay - now);
    }
    return wait;
  }

  miss(username: string, ip: string, now: number): void {
    for (const [key] of this.keys(username, ip)) {
      const m = this.misses.get(key);
      this.misses.set(key, { count: m && now - m.last <= FORGET_AFTER_MS ? m.count + 1 : 1, last: now });
    }
    if (this.misses.size > 100_000) for (const [k, m] of this.misses) if (now - m.last > FORGET_AFTER_MS) this.misses.delete(k);
  }

  /** A right password clears that account's count from that address. */
  succeed(username: string, ip: string): void {
    this.misses.delete(this.keys(username, ip)[0][0]);
  }
}
