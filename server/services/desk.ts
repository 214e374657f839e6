/**
 * 接待与咨询: the service desk logs an owner's visit or call. A complaint, and a request not settled at once, becomes
 * an issue that waits to be accepted and runs on an owner report's deadlines; the entry keeps the issue it became.
 */
import {
  DESK_CHANNEL_LABELS,
  becomesIssue,
  clockShift,
  type Actor,
  type DeskEntryReceipt,
  type DeskEntrySubmission,
  type Location,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

/**
 * `sentAt`: the phone's clock as it sent the entry. Its times are put on the server's clock by it, never refused; a
 * retry is recognised by what the phone sent, not by the corrected times (a resend's offset differs by its delay).
 */
export async function logDeskEntry(
  deps: Deps,
  desk: Location,
  sent: DeskEntrySubmission,
  by: Actor & { kind: 'user' },
  sentAt: number | null = null,
): Promise<DeskEntryReceipt> {
  const now = deps.clock();
  const shift = clockShift({ startedAt: sent.receivedAt, finishedAt: sent.answeredAt }, null, sentAt === null ? null : now - sentAt, now);
  const e = { ...sent, receivedAt: sent.receivedAt + shift, answeredAt: sent.answeredAt + shift };
  const { receipt } = await deps.store.write((tx) =>
    once<DeskEntryReceipt>(tx, desk.estateId, e.id, 'deskEntry', sent, now, async () => {
      let issueId: string | null = null;
      if (becomesIssue(e)) {
        // Who came and how, before what they said: "【来电 · 2-1-1502】…".
        const from = [DESK_CHANNEL_LABELS[e.channel].zh, e.household].filter(Boolean).join(' · ');
        const issue = await createIssue(
          tx,
          {
            estateId: desk.estateId,
            locationId: desk.id,
            source: 'desk',
            category: e.category,
            // As with an owner's report, the quality team grades it when they accept it.
            severity: 'general',
            description: `【${from}】${e.summary}`,
            verified: false,
            // The owner came in at receivedAt: the response time promised to owners runs from then.
            at: e.receivedAt,
          },
          by,
          { deskEntry: e.id, topic: e.topic },
        );
        issueId = issue.id;
      }
      await tx.insertDeskEntry({ ...e, estateId: desk.estateId, staffId: by.id, issueId, createdAt: now });
      return { kind: 'deskEntry', id: e.id, issueId };
    }),
  );
  return receipt;
}
