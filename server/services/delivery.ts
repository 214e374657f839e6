/**
 * Sends the notification outbox (and first sweeps for what the clock made news of: services/reminders.ts). Each due delivery is claimed first (so several servers never send one twice),
 * sent within its provider's pace, and settled: sent, tried again later with backoff, or failed for good with
 * the reason, which the console shows. Retryable failures are retried for two days before they count as failed.
 */
import { providerRequest, verdict, PER_MINUTE, type Verdict } from '../channels/providers.ts';
import type { Deps } from '../context.ts';
import type { Channel, Delivery } from '../storage/store.ts';
import { vapidKeys, webPushRequest } from '../channels/web-push.ts';
import { sweep } from './reminders.ts';

/** What sending needs: the outbox, the clock, the public address for links. */
type Senders = Pick<Deps, 'store' | 'clock' | 'config' | 'secret'>;

const MINUTE = 60_000;
const LEASE_MS = MINUTE;
const GIVE_UP_MS = 48 * 60 * MINUTE;
const TIMEOUT_MS = 10_000;

/** 30 s, 1 min, 2 min … up to 30 min between tries. */
export const backoff = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * MINUTE);

function request(deps: Senders, channel: Channel, d: Pick<Delivery, 'id' | 'title' | 'body' | 'link' | 'dedupe'>, now: number) {
  if (channel.kind === 'webpush') {
    const payload = { title: d.title, body: d.body, link: d.link, tag: d.dedupe };
    return webPushRequest(channel.url, JSON.parse(channel.secret), payload, vapidKeys(deps.secret, deps.config.publicUrl));
  }
  const text = `${d.body}\n${deps.config.publicUrl}${d.link}`;
  return providerRequest(channel.kind, channel.url, channel.secret, { id: d.id, title: d.title, text }, now);
}

async function send(
  deps: Senders,
  channel: Channel,
  d: Pick<Delivery, 'id' | 'title' | 'body' | 'link' | 'dedupe'>,
  now: number,
): Promise<Verdict> {
  const req = request(deps, channel, d, now);
  try {
    const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return verdict(channel.kind, res.status, await res.text());
  } catch (e) {
    return { kind: 'retry', error: e instanceof Error ? e.message : String(e) };
  }
}

export class Deliverer {
  /** Drains run one after another: a drain asked for while one runs sends, after it, what is due by then. */
  private tail: Promise<unknown> = Promise.resolve();
  private busy = false;
  private sweptAt = Number.NEGATIVE_INFINITY;
  /** Hourly news this server has queued already. */
  private readonly swept = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: Senders) {}

  /** Sends what is due now, after any drain already running; one at a time per server. Resolves to the number delivered. */
  drain(): Promise<number> {
    const run = this.tail.then(async () => {
      this.busy = true;
      try {
        return await this.drainOnce();
      } finally {
        this.busy = false;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  start(everyMs = 5_000): void {
    // The timer skips a beat while a drain is still running rather than queue up behind it.
    this.timer ??= setInterval(() => {
      if (!this.busy) void this.drain().catch((e) => console.error('pqm: notifications:', e));
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A test message, sent at once and not queued: the console's "send a test message". */
  async test(channel: Channel): Promise<Verdict> {
    const title = '测试消息 · Test message';
    const id = `test-${this.deps.clock()}`;
    return send(this.deps, channel, { id, title, body: `${title}: ${channel.name}`, link: '/', dedupe: id }, this.deps.clock());
  }

  private async drainOnce(): Promise<number> {
    const { store } = this.deps;
    // What the clock makes news of (due soon, overdue, the digest), looked for once a minute.
    const started = this.deps.clock();
    if (started - this.sweptAt >= MINUTE) {
      this.sweptAt = started;
      await sweep({ ...this.deps, sent: this.swept }, started);
    }
    let delivered = 0;
    const channels = new Map<string, Channel | undefined>();
    for (const d of await store.read.dueDeliveries(this.deps.clock(), 200)) {
      const now = this.deps.clock();
      if (!channels.has(d.channelId)) channels.set(d.channelId, await store.read.getChannel(d.channelId));
      const channel = channels.get(d.channelId);
      if (!channel) {
        await store.write((tx) => tx.settleDelivery(d.id, { ...d, state: 'failed', lastError: 'the channel was removed' }));
        continue;
      }
      // Within the provider's pace: past it, wait for the minute to pass rather than be throttled.
      if ((await store.read.sentSince(channel.id, now - MINUTE)) >= PER_MINUTE[channel.kind]) {
        await store.write((tx) => tx.claimDelivery(d.id, d.nextAt, now + 10_000));
        continue;
      }
      if (!(await store.write((tx) => tx.claimDelivery(d.id, d.nextAt, now + LEASE_MS)))) continue;
      const result = await send(this.deps, channel, d, now);
      const attempts = d.attempts + 1;
      const settled =
        result.kind === 'ok'
          ? { state: 'sent' as const, attempts, nextAt: now, sentAt: now, lastError: null }
          : result.kind === 'permanent' || now - d.createdAt > GIVE_UP_MS
            ? { state: 'failed' as const, attempts, nextAt: now, sentAt: null, lastError: result.error }
            : { state: 'pending' as const, attempts, nextAt: now + backoff(attempts), sentAt: null, lastError: result.error };
      await store.write(async (tx) => {
        await tx.settleDelivery(d.id, settled);
        // A phone that dropped its subscription is told nothing more.
        if (result.kind === 'permanent' && result.gone) await tx.removeChannel(channel.id, now);
      });
      if (result.kind === 'permanent' && result.gone) channels.set(channel.id, undefined);
      if (result.kind === 'ok') delivered++;
    }
    return delivered;
  }
}
