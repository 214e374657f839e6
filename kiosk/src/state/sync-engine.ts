/**
 * One outbox for the app, drained on load, when the network comes back, when the app becomes
 * visible, after every save and on a timer. Falls back to sending directly when IndexedDB is
 * unavailable (some in-app browsers), so owners can still report while online.
 * Pages reach it through state/sync.ts, which loads this module after the first paint.
 */
import { API, pathOf } from '../../../shared/index.ts';
import { api } from '../api/http.ts';
import { cacheGet, cachePut, openStore, type OutboxEntry } from '../outbox/db.ts';
import { Outbox, type NewEntry, type PhotoInput } from '../outbox/outbox.ts';
import { checkEntry, entryUrl, type EntryReceipt } from '../outbox/entries.ts';
import { currentMe } from './session.ts';

import type { MyReport } from './sync.ts';

let outbox: Outbox | null = null;
let ready: Promise<Outbox | null> | null = null;
const TIMER_MS = 30_000;

async function rememberReceipt(entry: OutboxEntry, receipt: EntryReceipt): Promise<void> {
  if (receipt.kind !== 'ownerReport' && receipt.kind !== 'meToo') return;
  const mine = (await cacheGet<MyReport[]>('myReports'))?.value ?? [];
  mine.unshift({ issueId: receipt.issueId, trackingToken: receipt.trackingToken, label: entry.label, at: Date.now() });
  await cachePut('myReports', mine.slice(0, 20));
  window.dispatchEvent(new CustomEvent('pqm:receipt', { detail: { id: entry.id, receipt } }));
}

export function startSync(): Promise<Outbox | null> {
  ready ??= (async () => {
    try {
      outbox = new Outbox({
        db: await openStore(),
        send: api,
        onReceipt: rememberReceipt,
        currentUser: () => currentMe()?.user.id ?? null,
      });
      await outbox.load();
    } catch {
      return null;
    }
    const drain = () => void outbox?.drain();
    window.addEventListener('online', () => void outbox?.drain({ force: true }));
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && drain());
    setInterval(drain, TIMER_MS);
    drain();
    return outbox;
  })();
  return ready;
}

/**
 * Saves a record for sending. Resolves once it is safely on the device (or, without IndexedDB, sent).
 * Returns the receipt when it went straight to the server.
 */
export async function save(entry: NewEntry, photos: PhotoInput[] = []): Promise<{ queued: boolean; receipt?: EntryReceipt }> {
  const box = await startSync();
  if (!box) {
    // No IndexedDB: sent at once, so checked here as the queue would have (outbox/entries.ts).
    checkEntry(entry.kind, entry.body);
    for (const p of photos) await api(pathOf(API.uploadPhoto, { sha: p.sha256 }), { method: 'PUT', body: p.blob, auth: entry.auth });
    const receipt = await api<EntryReceipt>(entryUrl(entry.kind, entry.params), { method: 'POST', json: entry.body, auth: entry.auth });
    return { queued: false, receipt };
  }
  await box.add(entry.auth ? { ...entry, owner: currentMe()?.user.id ?? null } : entry, photos);
  void box.drain();
  return { queued: true };
}

/**
 * Whether a saved record has reached the server, waiting at most `ms` for this drain: true once it has left the
 * queue, false while it still waits (offline, or the server slow), so the page can say "sent" or "saved here".
 */
export async function sentWithin(id: string, ms: number): Promise<boolean> {
  const box = outbox;
  if (!box) return true;
  await Promise.race([box.drain(), new Promise((r) => setTimeout(r, ms))]);
  return !(await box.entries()).some((e) => e.id === id);
}
