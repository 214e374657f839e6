/**
 * What any server changed, as it commits. Triggers (migration 13) NOTIFY `pqm_changes` when a session, a user, a
 * membership, an estate's archiving or a location changes; each server LISTENs and drops what it kept of it
 * (../read-cache.ts).
 *
 * Two kinds of connection listen:
 * - every pool connection, so that a server's own write has dropped what it changed before that write is answered
 *   (PostgreSQL sends a session's own notifications before the ReadyForQuery that ends its COMMIT);
 * - one connection of its own, so that other servers' changes arrive while the pool has no connection open. While it
 *   is down, nothing is kept: `live` is false until it is back.
 */
import pg from 'pg';
import type { Change } from '../read-cache.ts';

export const CHANGES_CHANNEL = 'pqm_changes';
/** The listener's name in pg_stat_activity. */
export const FEED_NAME = 'pqm change feed';

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

export class ChangeFeed {
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  live = false;

  constructor(
    private readonly url: string,
    /** Called for each change, and with null when changes may have been missed (the listener was down). */
    private readonly onChange: (change: Change | null) => void,
  ) {}

  /** Makes `client` (a pool connection, or the feed's own) report the changes it hears. */
  async listenOn(client: pg.ClientBase): Promise<void> {
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL) this.onChange(n.payload ?? null);
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: FEED_NAME });
    const down = () => {
      if (this.client !== client) return;
      this.client = null;
      this.live = false;
      this.onChange(null);
      client.end().catch(() => {});
      this.schedule();
    };
    client.on('error', down);
    client.on('end', down);
    try {
      await client.connect();
      await this.listenOn(client);
    } catch {
      client.end().catch(() => {});
      this.schedule();
      return;
    }
    if (this.closed) return void client.end().catch(() => {});
    this.client = client;
    this.failures = 0;
    // Whatever changed while nobody listened is unknown: start from nothing kept.
    this.onChange(null);
    this.live = true;
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, wait);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
