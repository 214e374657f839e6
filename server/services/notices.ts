/**
 * Telling the work-chat groups and people's phones: each event queues one message per channel that should hear of it
 * (shared/rules/notices.ts), in the transaction of the event itself, so a message is never lost and never
 * sent for something that did not happen. services/delivery.ts sends them.
 */
import { randomUUID } from 'node:crypto';
import { noticeFor, noticeText, type Issue, type NoticeKind, type NoticeText } from '../../shared/index.ts';
import type { Writes } from '../storage/store.ts';

/** `dedupe` names what happened once (a sweep finds the same overdue issue again and again); by default the event's time. */
export async function announce(
  tx: Writes,
  kind: NoticeKind,
  issue: Issue,
  now: number,
  dedupe = `${kind}:${issue.id}:${now}`,
): Promise<void> {
  const all = await tx.listChannels(issue.estateId);
  // Phones are people's: who they are in the estate decides what they hear.
  const members = all.some((c) => c.audience.kind === 'person') ? await tx.membersOf(issue.estateId) : [];
  const listener = (userId: string) => members.find((m) => m.userId === userId && !m.disabled);
  const channels = all.filter((c) =>
    noticeFor(c.audience, { kind, issue }, c.audience.kind === 'person' ? listener(c.audience.userId) : undefined),
  );
  if (!channels.length) return;
  // One after another: a transaction is one connection, which runs one query at a time.
  const estate = await tx.getEstate(issue.estateId);
  const location = issue.locationId ? await tx.getLocation(issue.locationId) : undefined;
  const departments = await tx.listDepartments(issue.estateId);
  const { title, text, link } = noticeText({
    kind,
    issue,
    location: location?.name ?? null,
    locationCode: location?.code ?? null,
    department: departments.find((d) => d.id === issue.departmentId)?.name ?? null,
    timeZone: estate?.timeZone ?? 'Asia/Shanghai',
  });
  await queueNotice(tx, issue.estateId, channels, dedupe, { title, text, link }, now);
}

/** Queues one message to each of `channels`, once per channel and `dedupe` key, in the caller's transaction. */
export async function queueNotice(
  tx: Writes,
  estateId: string,
  channels: readonly { id: string }[],
  dedupe: string,
  { title, text, link }: NoticeText,
  now: number,
): Promise<void> {
  for (const c of channels)
    await tx.enqueueDelivery({
      id: randomUUID(),
      estateId,
      channelId: c.id,
      dedupe,
      title,
      body: text,
      link,
      state: 'pending',
      attempts: 0,
      nextAt: now,
      createdAt: now,
      sentAt: null,
      lastError: null,
    });
}
