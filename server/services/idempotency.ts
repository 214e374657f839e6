/**
 * Device-generated UUIDs make every write safe to retry: the first request's receipt is
 * stored in the same transaction as the write, so a retry gets that receipt back and a
 * different body under the same UUID is refused.
 */
import { conflict } from '../http/errors.ts';
import { canonicalHash } from '../security/crypto.ts';
import type { Store } from '../storage/store.ts';

export type Receipt = Record<string, unknown> & { kind: string; id: string };

export function once(store: Store, id: string, kind: string, body: unknown, now: number, write: () => Receipt): { receipt: Receipt; replayed: boolean } {
  return store.tx(() => {
    const bodyHash = canonicalHash(body);
    const existing = store.getReceipt(id);
    if (existing) {
      if (existing.kind !== kind || existing.bodyHash !== bodyHash) {
        throw conflict(`id ${id} was already used for a different ${existing.kind}; generate a new id for a new record`);
      }
      return { receipt: existing.receipt as Receipt, replayed: true };
    }
    const receipt = write();
    store.insertReceipt({ id, kind, bodyHash, receipt }, now);
    return { receipt, replayed: false };
  });
}
