/** Storing a patrol record: idempotent, validated against its template version, failed items → issues. */
import {
  checkAnswers,
  failedItems,
  onServerClock,
  type Actor,
  type InspectionReceipt,
  type InspectionSubmission,
  type Location,
  type PhotoProgress,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Reads } from '../storage/store.ts';
import { invalid } from './refusals.ts';
import { userAuthor } from '../photos/authors.ts';
import { verifyKioskCode } from '../security/crypto.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

export function photoHashes(s: InspectionSubmission): string[] {
  return [...new Set(s.answers.flatMap((a) => a.photos.map((p) => p.sha256)))];
}

/** An inspection's receipt as stored; which photos have arrived is looked up each time it is answered. */
export type StoredInspectionReceipt = Omit<InspectionReceipt, Exclude<keyof PhotoProgress, 'photos'>>;

/** The receipt tells the device exactly what the server holds, photos included. */
export async function withPhotoProgress(store: Reads, receipt: StoredInspectionReceipt): Promise<InspectionReceipt> {
  const expected = receipt.photos ?? [];
  // Most rounds have no photo: nothing to look up.
  const received = expected.length ? await store.receivedPhotos(receipt.id) : [];
  return { ...receipt, photosReceived: received.length, photosMissing: expected.filter((h) => !received.includes(h)) };
}

/**
 * `sentAt` is the phone's clock when it sent the request (x-pqm-device-time), for records saved before the
 * phone knew its offset.
 */
export async function submitInspection(
  deps: Deps,
  location: Location,
  s: InspectionSubmission,
  actor: Actor & { kind: 'user' },
  sentAt: number | null = null,
) {
  const now = deps.clock();
  // On the server's clock, never refused for the phone's (shared/rules/device-clock.ts); the phone's times are kept too.
  const at = onServerClock(s, s.deviceClockOffset ?? null, sentAt === null ? null : now - sentAt, now);

  // Checked before the write: a committed template version never changes, and the writer is not held meanwhile.
  const template = await deps.store.read.getTemplate(location.estateId, s.templateId, s.templateVersion);
  if (!template || template.kind !== location.kind) {
    throw invalid(`templateId: ${s.templateId} v${s.templateVersion} is not a checklist for this ${location.kind}`, [
      { path: 'templateId', message: 'unknown template for this location', rule: 'unknown' },
    ]);
  }
  const errors = checkAnswers(template, s.answers);
  if (errors.length) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

  const result = await deps.store.write((tx) =>
    once<StoredInspectionReceipt>(tx, location.estateId, s.id, 'inspection', { ...s, inspectorId: actor.id }, now, async () => {
      // A kiosk code proves presence only if it was valid when the patrol started.
      let confirmedBy: InspectionReceipt['confirmedBy'] = s.confirmedBy;
      if (s.confirmedBy === 'kiosk_code') {
        const secret = await tx.kioskSecret(location.id);
        if (!secret || !s.kioskCode || !verifyKioskCode(secret, s.kioskCode, at.startedAt)) confirmedBy = 'kiosk_code_invalid';
      }
      const failed = failedItems(template, s.answers);
      await tx.insertInspection({
        id: s.id,
        estateId: location.estateId,
        locationId: location.id,
        inspectorId: actor.id,
        templateId: s.templateId,
        templateVersion: s.templateVersion,
        startedAt: at.startedAt,
        finishedAt: at.finishedAt,
        confirmedBy,
        answers: s.answers,
        failedCount: failed.length,
        receivedAt: now,
        deviceStartedAt: s.startedAt,
        deviceFinishedAt: s.finishedAt,
      });
      const photos = photoHashes(s);
      await tx.linkPhotos(s.id, photos, userAuthor(actor.id));
      const issues: string[] = [];
      for (const { item, answer } of failed) {
        const issue = await createIssue(
          tx,
          {
            estateId: location.estateId,
            locationId: location.id,
            source: 'patrol',
            category: item.category,
            severity: item.severity,
            description: answer.note ? `${item.label.zh}:${answer.note}` : item.label.zh,
            cause: item.id,
            photos: answer.photos,
            originId: s.id,
            at: at.finishedAt,
          },
          actor,
          { inspection: s.id, item: item.id, value: answer.value },
        );
        issues.push(issue.id);
      }
      return { kind: 'inspection', id: s.id, issues, photos, confirmedBy };
    }),
  );
  if (!result.replayed) deps.board.recordInspection(location.estateId, location.id, { id: s.id, at: at.finishedAt });
  return { receipt: await withPhotoProgress(deps.store.read, result.receipt), replayed: result.replayed };
}
