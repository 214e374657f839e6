/** The lobby tablet's four-face rating; an unhappy face with a reason becomes an issue. */
import type { KioskRating, Location, KioskRatingReceipt } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

export async function rateAtKiosk(deps: Deps, location: Location, r: KioskRating) {
  const now = deps.clock();
  const { receipt } = await deps.store.write((tx) =>
    once<KioskRatingReceipt>(tx, location.estateId, r.id, 'kioskRating', r, now, async () => {
      let issueId: string | null = null;
      if (r.face <= 2 && r.reason) {
        const issue = await createIssue(
          tx,
          {
            estateId: location.estateId,
            locationId: location.id,
            source: 'kiosk',
            category: r.category ?? 'service',
            severity: 'general',
            description: r.reason,
            verified: false,
            at: now,
          },
          { kind: 'owner' },
          { face: r.face },
        );
        issueId = issue.id;
      }
      await tx.insertKioskRating({
        id: r.id,
        estateId: location.estateId,
        locationId: location.id,
        face: r.face,
        reason: r.reason,
        category: r.category ?? null,
        issueId,
        createdAt: now,
      });
      return { kind: 'kioskRating', id: r.id, issueId };
    }),
  );
  return receipt;
}
