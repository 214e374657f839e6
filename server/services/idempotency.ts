/**
 * Device-generated UUIDs make every write safe to retry. The id is claimed first, in the same transaction
 * as the write: a retry finds the claim and gets the first answer back, a different body under the same
 * UUID is refused, and two copies racing each other cannot both write (the second waits for the first).
 */
import { conflict } from './refusals.ts';
import { canonicalHash } from '../security/crypto.ts';
import type { Writes } from '../storage/store.ts';

/** Any record's receipt: the shared ones (shared/model/receipts.ts), or one stored before photo progress is added. */
type AnyReceipt = { kind: string; id: string };

export async function once<R extends AnyReceipt>(
  tx: Writes,
  estateId: string,
  id: string,
  kind: R['kind'],
  body: unknown,
  now: number,
  write: () => Promise<R>,
): Promise<{ receipt: R; replayed: boolean }> {
  const bodyHash = canonicalHash(body);
  if (!(await tx.claimReceipt({ estateId, id, kind, bodyHash }, now))) {
    const existing = await tx.getReceipt(id);
    if (!existing || existing.kind !== kind || existing.bodyHash !== bodyHash) {
      throw conflict(`id ${id} was already used for a different ${existing?.kind ?? kind}; generate a new id for a new record`);
    }
    // The same kind under the same id: the receipt this write stored the first time.
    return { receipt: existing.receipt as R, replayed: true };
  }
  const receipt = await write();
  await tx.setReceipt(id, receipt);
  return { receipt, replayed: false };
}
