/**
 * The app's outbox as pages use it. The outbox itself (IndexedDB, the contract's checks, the retries: sync-engine.ts)
 * is a module of its own, asked for at start-up but not needed to paint: a QR code's page shows before it arrives.
 * Saving waits for it, and so does everything else here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntryReceipt } from '../outbox/entries.ts';
import type { NewEntry, Outbox, OutboxStatus, PhotoInput } from '../outbox/outbox.ts';

/** An owner's report sent from this phone, remembered so that they can follow it. */
export interface MyReport {
  issueId: string;
  trackingToken: string;
  label: string;
  at: number;
}

let engine: Promise<typeof import('./sync-engine.ts')> | null = null;
/** The outbox's module, fetched once. A fetch that failed (the phone went offline before it came) is tried again. */
function outboxEngine(): Promise<typeof import('./sync-engine.ts')> {
  engine ??= import('./sync-engine.ts').catch((e: unknown) => {
    engine = null;
    throw e;
  });
  return engine;
}
let started: Outbox | null = null;
let markStarted: (box: Outbox | null) => void = () => {};
/** Resolves once the outbox has opened, whoever opened it. */
const whenStarted = new Promise<Outbox | null>((resolve) => {
  markStarted = resolve;
});

/** Opens the outbox and starts draining it; null where the browser has no IndexedDB. */
export async function startSync(): Promise<Outbox | null> {
  started = await (await outboxEngine()).startSync();
  markStarted(started);
  return started;
}

/**
 * Saves a record for sending. Resolves once it is safely on the device (or, without IndexedDB, sent).
 * Returns the receipt when it went straight to the server.
 */
export async function save(entry: NewEntry, photos: PhotoInput[] = []): Promise<{ queued: boolean; receipt?: EntryReceipt }> {
  return (await outboxEngine()).save(entry, photos);
}

/** Whether a saved record has reached the server, waiting at most `ms` (sync-engine.ts). */
export async function sentWithin(id: string, ms: number): Promise<boolean> {
  return (await outboxEngine()).sentWithin(id, ms);
}

/**
 * The outbox's counts, once it has opened. Showing them does not open it: the app does that after the page has
 * loaded (main.tsx), so that the first paint does not wait for the outbox's code.
 */
export function useOutbox(): OutboxStatus | null {
  const [status, set] = useState<OutboxStatus | null>(started?.current ?? null);
  useEffect(() => {
    let off: (() => void) | undefined;
    let mounted = true;
    void whenStarted.then((box) => {
      if (mounted) off = box?.subscribe(set);
    });
    return () => {
      mounted = false;
      off?.();
    };
  }, []);
  return status;
}

/** The outbox once it has opened; null before, or without IndexedDB. */
export function currentOutbox(): Outbox | null {
  return started;
}
