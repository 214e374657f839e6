/**
 * What the work-chat groups are told, and whom: one rule for every channel. Messages read well on a phone:
 * Chinese first, the place, what is wrong, the severity, the deadline, and a link that opens the item.
 */
import type { Audience } from '../model/channels.ts';
import type { LocalText } from '../model/common.ts';
import type { Issue } from '../model/issue.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../i18n/labels.ts';
import { formatEstateTime } from '../time/calendar.ts';

export const NOTICE_KINDS = ['assigned', 'ownerReport', 'ownerNotFixed', 'lowRating', 'toDispatch'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeEvent {
  kind: NoticeKind;
  issue: Issue;
  location: LocalText | null;
  locationCode: string | null;
  department: LocalText | null;
  timeZone: string;
}

/** An assignment goes to that department's group; everything else needs the quality team. */
export function noticeFor(audience: Audience, event: Pick<NoticeEvent, 'kind' | 'issue'>): boolean {
  if (audience.kind === 'department') return event.kind === 'assigned' && event.issue.departmentId === audience.departmentId;
  return event.kind !== 'assigned';
}

const HEADLINE: Record<NoticeKind, LocalText> = {
  assigned: { zh: '整改通知', en: 'Rectification notice' },
  ownerReport: { zh: '新业主报事', en: 'New owner report' },
  ownerNotFixed: { zh: '业主反馈未解决', en: 'Owner says it is not fixed' },
  lowRating: { zh: '业主不满意', en: 'Owner dissatisfied' },
  toDispatch: { zh: '待派单', en: 'Waiting for dispatch' },
};

export interface NoticeText {
  title: string;
  /** Plain text, a few short lines; the sender adds the link. */
  text: string;
  /** The path on the server's public address that opens the item: the department's notices, or the place. */
  link: string;
}

export function noticeText(e: NoticeEvent): NoticeText {
  const h = HEADLINE[e.kind];
  const place = e.location ? `${e.location.zh} ${e.location.en}` : '—';
  const lines = [
    `【${h.zh}】${h.en}`,
    `地点 Place: ${place}`,
    `问题 Problem: ${e.issue.description.slice(0, 300)}`,
    `类别 Category: ${CATEGORY_LABELS[e.issue.category].zh} · 等级 Severity: ${SEVERITY_LABELS[e.issue.severity].zh} ${SEVERITY_LABELS[e.issue.severity].en}`,
  ];
  if (e.department) lines.push(`责任部门 Department: ${e.department.zh} ${e.department.en}`);
  if (e.kind === 'assigned' || e.kind === 'ownerNotFixed')
    lines.push(`完成时限 Due: ${formatEstateTime(e.issue.deadline, e.timeZone, { deviceZone: e.timeZone })}`);
  const link = e.kind === 'assigned' ? '/notices' : e.locationCode ? `/l/${e.locationCode}` : '/';
  return { title: `${h.zh} · ${place}`, text: lines.join('\n'), link };
}
