/**
 * The audit log: each administrative change is recorded by the service that makes it, in the same transaction, with
 * who, when, and what was before and after. Secrets never go in (a channel is recorded by its host; a password
 * reset by the fact of it).
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../shared/index.ts';
import type { Writes } from '../storage/store.ts';

export interface Change {
  estateId: string;
  action: AuditAction;
  target: string;
  before?: unknown;
  after?: unknown;
}

/** Records one change by the user `by`, in the caller's transaction. */
export async function audit(tx: Writes, by: string, change: Change, at: number): Promise<void> {
  const user = await tx.getUser(by);
  await tx.insertAudit({
    id: randomUUID(),
    estateId: change.estateId,
    at,
    actorId: by,
    actor: user ? `${user.displayName} (${user.username})` : by,
    action: change.action,
    target: change.target,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
