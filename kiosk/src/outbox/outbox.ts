/**
 * The outbox: everything a user saves goes here first (durably), then to the server.
 * One drain runs at a time. Photos go first, then the record; an entry is deleted only
 * after the server's JSON receipt for that very record. A 401 pauses the queue until the
 * user signs in again; a permanent 4xx parks the entry under "needs attention" and the
 * rest carry on; anything else (offline, 5xx, a captive portal) is retried with backoff.
 */
import { ApiError, type RequestOptions } from '../api/http.ts';
import type { OutboxEntry, OutboxKind, PqmDb, StoredPhoto } from './db.ts';
import { API, VIDEO_LIMITS, failureOf, pathOf, type Failure, type PhotoStored, type VideoProgress } from '../../../shared/index.ts';
import { checkEntry, entryUrl, receiptKindOf, type EntryBody, type EntryParams, type EntryReceipt } from './entries.ts';
import { StorageFullError } from './storage-full.ts';

/** A record to queue, typed by its kind: an inspection's body is an InspectionSubmission, and so on. */
export type NewEntry = {
  [K in OutboxKind]: { id: string; kind: K; body: EntryBody<K>; auth: boolean; label: string; owner?: string | null } & EntryParams<K>;
}[OutboxKind];

export interface PhotoInput {
  sha256: string;
  blob: Blob;
}

export interface OutboxStatus {
  /** False until the queue has been read from the device: until then no count is shown (not a false "0"). */
  ready: boolean;
  pending: number;
  attention: OutboxEntry[];
  /** Set when the server said 401: nothing more is sent until sign-in. */
  paused: 'auth' | null;
  syncing: boolean;
  lastSyncAt: number | null;
  lastError: Failure | null;
}

export interface OutboxDeps {
  db: PqmDb;
  send: <T>(path: string, o?: RequestOptions) => Promise<T>;
  now?: () => number;
  /** The signed-in user; staff records of anyone else wait for that person to sign in again. */
  currentUser?: () => string | null;
  onReceipt?: (entry: OutboxEntry, receipt: EntryReceipt) => void | Promise<void>;
  /** Tests only: runs when the photo clean-up has read the queue, to force a save into that moment. */
  onGcRead?: () => void;
}

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

export function backoff(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

const isQuotaError = (e: unknown) => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'UnknownError');

export class Outbox {
  private running: Promise<void> | null = null;
  private listeners = new Set<(s: OutboxStatus) => void>();
  private status: OutboxStatus = {
    ready: false,
    pending: 0,
    attention: [],
    paused: null,
    syncing: false,
    lastSyncAt: null,
    lastError: null,
  };
  private readonly now: () => number;

  constructor(private readonly deps: OutboxDeps) {
    this.now = deps.now ?? Date.now;
  }

  subscribe(fn: (s: OutboxStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  get current(): OutboxStatus {
    return this.status;
  }

  /** Saves the record and its photos in one strict-durability transaction; resolves once on disk. */
  /** Throws InvalidEntryError, before anything is stored, for a body its kind's schema refuses. */
  async add(entry: NewEntry, photos: PhotoInput[] = []): Promise<void> {
    checkEntry(entry.kind, entry.body);
    const { params, ...record } = entry;
    // As stored: its URL in place of its parameters. (A spread of a union loses the kind-to-body link TypeScript checks.)
    const full = {
      ...record,
      url: entryUrl(entry.kind, params),
      photos: photos.map((p) => p.sha256),
      createdAt: this.now(),
      attempts: 0,
      nextAttemptAt: 0,
      state: 'pending',
      lastError: null,
    } as OutboxEntry;
    try {
      const tx = this.deps.db.transaction(['outbox', 'photos'], 'readwrite', { durability: 'strict' });
      await Promise.all([
        tx.objectStore('outbox').put(full),
        ...photos.map((p) => tx.objectStore('photos').put({ sha256: p.sha256, blob: p.blob, size: p.blob.size, uploaded: false })),
        tx.done,
      ]);
    } catch (e) {
      if (!isQuotaError(e) || photos.length === 0) throw isQuotaError(e) ? new StorageFullError(false) : e;
      // Out of space: keep the words even if the pictures cannot be kept.
      const tx = this.deps.db.transaction('outbox', 'readwrite', { durability: 'strict' });
      await Promise.all([
        tx.store.put({
          ...full,
          photos: [],
          lastError: { status: 0, code: 'photoNotStored', message: 'photo could not be stored on this phone' },
        }),
        tx.done,
      ]);
      await this.refresh();
      throw new StorageFullError(true);
    }
    await this.refresh();
  }

  /** After signing in again. */
  resume(): void {
    this.status = { ...this.status, paused: null };
    this.emit();
  }

  /** Send an entry that needed attention once more (after the user fixed what was wrong elsewhere). */
  async retry(id: string): Promise<void> {
    const e = await this.deps.db.get('outbox', id);
    if (e) await this.deps.db.put('outbox', { ...e, state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null });
    await this.refresh();
  }

  /** Only ever on the user's explicit choice, never by the queue itself. */
  async discard(id: string): Promise<void> {
    await this.deps.db.delete('outbox', id);
    await this.gcPhotos();
    await this.refresh();
  }

  async entries(): Promise<OutboxEntry[]> {
    return this.deps.db.getAllFromIndex('outbox', 'byCreated');
  }

  /**
   * Single-flight: a drain already running is joined, not duplicated.
   * `force` skips the backoff wait: for signals that conditions changed (back online, the user asked).
   */
  drain(opts: { force?: boolean } = {}): Promise<void> {
    this.running ??= this.drainOnce(opts.force ?? false).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** When the next entry is due for a retry, if any. */
  async nextAttemptAt(): Promise<number | null> {
    const pending = (await this.entries()).filter((e) => e.state === 'pending');
    return pending.length ? Math.min(...pending.map((e) => e.nextAttemptAt)) : null;
  }

  private async drainOnce(force: boolean): Promise<void> {
    if (this.status.paused) return;
    this.status = { ...this.status, syncing: true };
    this.emit();
    try {
      for (const entry of await this.entries()) {
        if (entry.state !== 'pending' || (!force && entry.nextAttemptAt > this.now())) continue;
        if (entry.auth && entry.owner && this.deps.currentUser && entry.owner !== this.deps.currentUser()) continue;
        const outcome = await this.sendOne(entry);
        if (outcome === 'stop') break;
      }
    } finally {
      this.status = { ...this.status, syncing: false };
      await this.refresh();
    }
  }

  private async sendOne(entry: OutboxEntry): Promise<'ok' | 'next' | 'stop'> {
    const { db, send } = this.deps;
    try {
      for (const sha of entry.photos) {
        const photo = await db.get('photos', sha);
        if (!photo || photo.uploaded) continue;
        // A clip's blob carries its video type (photos/clip.ts); it goes in parts, a photo in one.
        if (photo.blob.type.startsWith('video/')) await this.sendClip(photo, entry.auth);
        else {
          const r = await send<PhotoStored>(pathOf(API.uploadPhoto, { sha }), {
            method: 'PUT',
            body: photo.blob,
            auth: entry.auth,
          });
          if (r.kind !== 'photo' || r.sha256 !== sha) throw new ApiError(502, 'photo upload was not acknowledged');
        }
        await db.put('photos', { ...photo, uploaded: true });
      }
      const receipt = await send<EntryReceipt>(entry.url, { method: 'POST', json: entry.body, auth: entry.auth });
      if (receipt.kind !== receiptKindOf(entry.kind) || receipt.id !== entry.id)
        throw new ApiError(502, 'the answer is not a receipt for this record');
      // The record is in, but the server still lacks photos: never delete the entry while the phone has them.
      const missing = 'photosMissing' in receipt && Array.isArray(receipt.photosMissing) ? receipt.photosMissing : [];
      if (missing.length) {
        const held = (await Promise.all(missing.map((sha) => db.get('photos', sha)))).filter((p) => p !== undefined);
        if (held.length < missing.length) {
          const lost = missing.length - held.length;
          await db.put('outbox', {
            ...entry,
            state: 'attention',
            lastError: {
              status: 0,
              code: 'photoMissing',
              message: `photo missing: ${lost} photo(s) of this record are no longer on this phone`,
            },
          });
          return 'next';
        }
        for (const p of held) await db.put('photos', { ...p, uploaded: false });
        throw new ApiError(503, 'the server has not got every photo yet; sending them again');
      }
      await this.deps.onReceipt?.(entry, receipt);
      const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.delete(entry.id), tx.done]);
      await this.gcPhotos();
      this.status = { ...this.status, lastSyncAt: this.now(), lastError: null };
      await db.put('meta', this.status.lastSyncAt, 'lastSyncAt');
      return 'ok';
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, String(e));
      if (err.status === 401 && err.ours && entry.auth) {
        this.status = { ...this.status, paused: 'auth', lastError: failureOf(err) };
        return 'stop';
      }
      if (!err.transient) {
        await db.put('outbox', { ...entry, state: 'attention', lastError: failureOf(err) });
        return 'next';
      }
      const attempts = entry.attempts + 1;
      await db.put('outbox', { ...entry, attempts, nextAttemptAt: this.now() + backoff(attempts), lastError: failureOf(err) });
      this.status = { ...this.status, lastError: failureOf(err) };
      // Offline or the server is down: the rest would fail the same way.
      return 'stop';
    }
  }

  /**
   * A clip goes in parts, from wherever the server says this phone's upload stands: a clip cut off by a lost
   * signal or a closed app resumes there on the next try, and no byte is sent twice once acknowledged.
   */
  private async sendClip(clip: StoredPhoto, auth: boolean): Promise<void> {
    const { send } = this.deps;
    const sha = clip.sha256;
    const size = clip.blob.size;
    const whereItStands = () => send<VideoProgress>(pathOf(API.videoProgress, { sha }), { auth });
    let at = await whereItStands();
    let conflicts = 0;
    while (!at.stored) {
      const from = at.received;
      try {
        at = await send<VideoProgress>(pathOf(API.uploadVideoPart, { sha }, { from, size }), {
          method: 'PUT',
          body: clip.blob.slice(from, from + VIDEO_LIMITS.part, 'application/octet-stream'),
          auth,
        });
      } catch (e) {
        // Another send of this clip (a second tab, another server's answer lost) moved the upload on: ask again.
        if (e instanceof ApiError && e.status === 409 && ++conflicts <= 3) {
          at = await whereItStands();
          continue;
        }
        throw e;
      }
      if (at.kind !== 'video' || at.sha256 !== sha || (!at.stored && at.received <= from))
        throw new ApiError(502, 'video part was not acknowledged');
    }
  }

  /**
   * Photos no waiting record refers to are removed (uploaded or not, nobody needs them). One read-write
   * transaction over both stores: a save cannot land between reading the queue and deleting a photo.
   */
  private async gcPhotos(): Promise<void> {
    const tx = this.deps.db.transaction(['outbox', 'photos'], 'readwrite');
    const needed = new Set((await tx.objectStore('outbox').getAll()).flatMap((e) => e.photos));
    this.deps.onGcRead?.();
    const photos = tx.objectStore('photos');
    for (const key of await photos.getAllKeys()) if (!needed.has(key)) await photos.delete(key);
    await tx.done;
  }

  /** Reads the queue from the device, so counts are true from the first paint after it. */
  load(): Promise<void> {
    return this.refresh();
  }

  private async refresh(): Promise<void> {
    const all = await this.entries();
    const lastSyncAt = ((await this.deps.db.get('meta', 'lastSyncAt')) as number | undefined) ?? this.status.lastSyncAt;
    this.status = {
      ...this.status,
      ready: true,
      pending: all.filter((e) => e.state === 'pending').length,
      attention: all.filter((e) => e.state === 'attention'),
      lastSyncAt,
    };
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn(this.status);
  }
}
