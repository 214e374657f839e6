/**
 * The two reads nearly every request makes, kept on this server between changes: who is calling (a session with its
 * user and memberships) and a location by id. On PostgreSQL each is a round trip that wakes a database process; on
 * the phones' sync path they were two of five statements per inspection. On SQLite they are library calls, but still
 * about a tenth of an inspection's CPU.
 *
 * Each engine says what changed: PostgreSQL's change feed (postgres/change-feed.ts), SQLite's own triggers and its
 * data_version for other processes (sqlite/changes.ts). This server's own change is dropped before it is answered;
 * nothing is kept while changes may be missed, nor longer than KEEP_AT_MOST_MS.
 */
import type { Reads } from './store.ts';

/** What changed: `identity` (users, memberships, archived estates), `locations`, or `session:<token hash>`. */
export type Change = string;

/** Enough for every active session and every location of a large estate; past it, the oldest go first. */
const MAX_ENTRIES = 50_000;
/**
 * However quiet the feed, nothing is kept longer than this: a notification lost where the feed cannot tell (a pooler
 * between the servers and PostgreSQL that does not carry LISTEN, say) leaves a revoked session working 30 s, not
 * for good.
 */
export const KEEP_AT_MOST_MS = 30_000;

class Memo<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** Counts drops: a read that a drop overtook may hold what was dropped, so it is not kept. */
  private generation = 0;

  constructor(
    private readonly live: () => boolean,
    private readonly now: () => number,
  ) {}

  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const kept = this.entries.get(key);
    if (kept !== undefined && kept.until > this.now() && this.live()) return kept.value;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation && this.live()) {
      this.entries.delete(key);
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { value, until: this.now() + KEEP_AT_MOST_MS });
    }
    return value;
  }

  drop(key?: string): void {
    this.generation++;
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}

export interface ReadCache {
  /** `read` with the kept reads in front of it. */
  over(read: Reads): Reads;
  /** A change from the feed; null when changes may have been missed. */
  changed(change: Change | null): void;
}

/**
 * `live`: whether changes are being heard (nothing is kept while they are not). `now`: the real clock by default; kept
 * reads expire by it, whatever clock the server's rules run on. `beforeRead`: runs first on every read, for an engine
 * that learns of changes by asking (SQLite's data_version) and reports them through `changed`.
 */
export function readCache(live: () => boolean, now: () => number = Date.now, beforeRead: () => void = () => {}): ReadCache {
  type Identity = Awaited<ReturnType<Reads['sessionWithUser']>>;
  type Place = Awaited<ReturnType<Reads['getLocation']>>;
  const identities = new Memo<NonNullable<Identity>>(live, now);
  const places = new Memo<NonNullable<Place>>(live, now);
  return {
    over: (read) => ({
      ...read,
      sessionWithUser: (tokenHash) => {
        beforeRead();
        return identities.get(tokenHash, () => read.sessionWithUser(tokenHash));
      },
      getLocation: (id) => {
        beforeRead();
        return places.get(id, () => read.getLocation(id));
      },
    }),
    changed: (change) => {
      if (change === null) {
        identities.drop();
        places.drop();
      } else if (change === 'identity') identities.drop();
      else if (change === 'locations') places.drop();
      else if (change.startsWith('session:')) identities.drop(change.slice('session:'.length));
    },
  };
}
