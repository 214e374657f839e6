/**
 * What the PWA keeps on the phone (IndexedDB "pqm"):
 * - outbox:   records waiting to reach the server, deleted only after the server's JSON receipt
 * - photos:   compressed photo blobs by SHA-256, kept until no waiting record refers to them
 * - cache:    the last field kit (locations, checklists) and location pages, so a patrol works offline
 * - meta:     last successful sync time
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { Failure } from '../../../shared/index.ts';
import type { EntryBody, OutboxKind } from './entries.ts';

export type { OutboxKind } from './entries.ts';

/** One kind of entry: its body is what that kind's schema takes (outbox/entries.ts). */
export type OutboxEntry = { [K in OutboxKind]: EntryFields & { kind: K; body: EntryBody<K> } }[OutboxKind];

interface EntryFields {
  /** The record's UUID: the idempotency key the server checks. */
  id: string;
  url: string;
  /** Photos to upload before the record. */
  photos: string[];
  /** Staff records need the session token; owner records never send it. */
  auth: boolean;
  /** Who made a staff record: only their own session sends it (a shared phone never re-attributes work). */
  owner?: string | null;
  label: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  state: 'pending' | 'attention';
  /** Why the last try failed, as data to word in the user's language (older versions of the app stored text). */
  lastError: Failure | string | null;
  /** The server's receipt once sent (kept on owner reports for their tracking link). */
  receipt?: unknown;
}

export interface StoredPhoto {
  sha256: string;
  blob: Blob;
  size: number;
  uploaded: boolean;
}

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byCreated: number } };
  photos: { key: string; value: StoredPhoto };
  cache: { key: string; value: { key: string; value: unknown; savedAt: number } };
  meta: { key: string; value: unknown };
}

export type PqmDb = IDBPDatabase<Schema>;

let opening: Promise<PqmDb> | null = null;

/**
 * idb loads with the first use, not with the page: a location's first paint reads nothing from IndexedDB. A failed
 * open (the chunk not loaded on a poor line, storage refused) is forgotten, so the next save tries again.
 */
export function openStore(name = 'pqm'): Promise<PqmDb> {
  opening ??= import('idb')
    .then(({ openDB }) =>
      openDB<Schema>(name, 1, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
            db.createObjectStore('photos', { keyPath: 'sha256' });
            db.createObjectStore('cache', { keyPath: 'key' });
            db.createObjectStore('meta');
          }
        },
      }),
    )
    .catch((error: unknown) => {
      opening = null;
      throw error;
    });
  return opening;
}

/** For tests: forget the open connection so the next openStore() opens afresh. */
export function resetStoreForTests(): void {
  opening = null;
}

export async function cacheGet<T>(key: string): Promise<{ value: T; savedAt: number } | undefined> {
  try {
    const row = await (await openStore()).get('cache', key);
    return row ? { value: row.value as T, savedAt: row.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps something the user is relying on that is not yet a record (a guard round under way): durably, and a failure
 * (the phone out of space) is thrown for the screen to say, never swallowed as a cache's would be.
 */
export async function keep(key: string, value: unknown): Promise<void> {
  const tx = (await openStore()).transaction('cache', 'readwrite', { durability: 'strict' });
  await Promise.all([tx.store.put({ key, value, savedAt: Date.now() }), tx.done]);
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  try {
    const db = await openStore();
    await db.put('cache', { key, value, savedAt: Date.now() });
  } catch {
    // Caching is a convenience; failing to cache never blocks the screen.
  }
}
