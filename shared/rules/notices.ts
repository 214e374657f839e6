/**
 * What the work-chat groups are told, and whom: one rule for every channel. Messages read well on a phone:
 * Chinese first, the place, what is wrong, the severity, the deadline, and a link that opens the item.
 */
import type { Membership } from '../model/answers.ts';
import type { Audience } from '../model/channels.ts';
import type { LocalText } from '../model/common.ts';
import type { Issue } from '../model/issue.ts';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../i18n/labels.ts';
import { formatEstateTime } from '../time/calendar.ts';

export const NOTICE_KINDS = [
  'assigned',
  'dueSoon',
  'overdue',
  'escalated',
  'ownerReport',
  'acceptLate',
  'ownerNotFixed',
  'lowRating',
  'toDispatch',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeEvent {
  kind: NoticeKind;
  issue: Issue;
  location: LocalText | null;
  locationCode: string | null;
  department: LocalText | null;
  timeZone: string;
}

/** What a department's group hears of its own work; escalation level 1 (overdue) is the department's and its lead's. */
const DEPARTMENT_KINDS: readonly NoticeKind[] = ['assigned', 'dueSoon', 'overdue'];

/** The person behind a phone's channel, as a member of the estate. */
export type Listener = Pick<Membership, 'userId' | 'role' | 'departmentId' | 'lead'>;

/**
 * An assignment, "due soon" and "overdue" go to that department's group; level 2 (escalated) and everything that
 * waits for a supervisor go to the quality team's. A person's phone hears what is theirs: the jobs they own (or,
 * while no one in the department owns it, their department's), overdue work in the department they lead, and, for
 * supervisors, what the quality team hears. `listener`: the person, for a phone's channel (none: they left).
 */
export function noticeFor(audience: Audience, event: Pick<NoticeEvent, 'kind' | 'issue'>, listener?: Listener): boolean {
  const { kind, issue } = event;
  const departmentWork = DEPARTMENT_KINDS.includes(kind);
  if (audience.kind === 'department') return departmentWork && issue.departmentId === audience.departmentId;
  if (audience.kind === 'quality') return !departmentWork;
  if (!listener || listener.userId !== audience.userId) return false;
  if (!departmentWork) return listener.role === 'supervisor' || listener.role === 'admin';
  if (listener.role !== 'department' || listener.departmentId !== issue.departmentId) return false;
  if (issue.assigneeId === null) return true;
  return issue.assigneeId === listener.userId || (kind === 'overdue' && listener.lead);
}

const HEADLINE: Record<NoticeKind, LocalText> = {
  assigned: { zh: '整改通知', en: 'Rectification notice' },
  dueSoon: { zh: '整改即将到期', en: 'Rectification due soon' },
  overdue: { zh: '整改已超期', en: 'Rectification overdue' },
  escalated: { zh: '超期升级', en: 'Overdue, escalated' },
  ownerReport: { zh: '新业主报事', en: 'New owner report' },
  acceptLate: { zh: '报事超时未受理', en: 'Owner report not accepted in time' },
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
  if (e.kind !== 'ownerReport' && e.kind !== 'acceptLate' && e.kind !== 'toDispatch' && e.kind !== 'lowRating')
    lines.push(`完成时限 Due: ${formatEstateTime(e.issue.deadline, e.timeZone, { deviceZone: e.timeZone })}`);
  const link = DEPARTMENT_KINDS.includes(e.kind) ? '/notices' : e.locationCode ? `/l/${e.locationCode}` : '/';
  return { title: `${h.zh} · ${place}`, text: lines.join('\n'), link };
}

/** The morning digest for the quality team, at a set local time. */
export interface Digest {
  estate: LocalText;
  /** YYYY-MM-DD, the estate's today. */
  date: string;
  missedYesterday: number;
  dueToday: number;
  overdue: number;
  waitingForDispatch: number;
}

export function digestText(d: Digest): NoticeText {
  const title = `每日简报 Daily digest · ${d.estate.zh} ${d.date}`;
  const text = [
    `【每日简报】Daily digest · ${d.estate.zh} ${d.estate.en} · ${d.date}`,
    `昨日漏检 Missed yesterday: ${d.missedYesterday}`,
    `今日待巡查 Rounds due today: ${d.dueToday}`,
    `超期未整改 Overdue: ${d.overdue}`,
    `待派单 Waiting for dispatch: ${d.waitingForDispatch}`,
  ].join('\n');
  return { title, text, link: '/' };
}

/** Missed rounds so far today, sent at most once an hour while there are any: one message, not one per slot. */
export interface MissedRounds {
  estate: LocalText;
  date: string;
  missed: number;
  /** The locations with the most missed rounds, most first. */
  places: { name: LocalText; missed: number }[];
  /** 巡更: guard-route rounds missed today, by route and the hour they were due ("22:00"). */
  guardRounds?: { route: LocalText; start: string }[];
}

export function missedText(m: MissedRounds): NoticeText {
  const title = `今日漏检 Missed rounds · ${m.estate.zh} ${m.date}`;
  const lines = [`【今日漏检】Missed rounds today · ${m.estate.zh} ${m.estate.en} · ${m.missed}`];
  for (const p of m.places.slice(0, 10)) lines.push(`${p.name.zh} ${p.name.en}: ${p.missed}`);
  const guards = m.guardRounds ?? [];
  if (guards.length) {
    lines.push(`巡更漏巡 Guard rounds missed: ${guards.length}`);
    for (const g of guards.slice(0, 10)) lines.push(`${g.route.zh} ${g.route.en} ${g.start}`);
  }
  return { title, text: lines.join('\n'), link: '/' };
}
