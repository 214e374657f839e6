/**
 * What needs a supervisor now, per estate: overdue rectifications, missed and due patrols,
 * owner reports to accept and new urgent issues. The body holds absolute times only (no "now"),
 * so it changes only when something really changed and an unchanged poll can be a 304.
 */
import { HOUR, SEVERITIES, escalationLevel, level2DeadlineBefore, type Alerts, type Issue, type IssueAlert, type LocalText, type PatrolAlert } from '../../shared/index.ts';
import type { Store } from '../storage/store.ts';
import type { PatrolBoard, SlotView } from './patrol-board.ts';

const LIST_LIMIT = 50;
const DUE_SOON_MS = 2 * HOUR;
const URGENT_NEW_MS = 24 * HOUR;

export function computeAlerts(store: Store, board: PatrolBoard, estateId: string, now: number): Alerts {
  const policy = store.getPolicy(estateId);
  const departments = new Map(store.listDepartments(estateId).map((d) => [d.id, d.name]));
  const names = new Map<string, { name: LocalText; kind: string }>();
  const nameOf = (id: string | null) => {
    if (!id) return null;
    let n = names.get(id);
    if (!n) {
      const loc = board.location(estateId, id, now) ?? store.getLocation(id);
      n = loc ? { name: loc.name, kind: loc.kind } : { name: { zh: '?', en: '?' }, kind: 'unknown' };
      names.set(id, n);
    }
    return n;
  };
  const issueAlert = (i: Issue): IssueAlert => ({
    id: i.id,
    locationId: i.locationId,
    locationName: nameOf(i.locationId)?.name ?? null,
    category: i.category,
    severity: i.severity,
    status: i.status,
    description: i.description,
    departmentId: i.departmentId,
    departmentName: (i.departmentId && departments.get(i.departmentId)) || null,
    deadline: i.deadline,
    createdAt: i.createdAt,
    level: escalationLevel(i, now, policy),
    meToo: i.meToo,
  });

  const overdue = store.overdueIssues(estateId, now, LIST_LIMIT, level2DeadlineBefore(now, policy));
  const awaiting = store.awaitingAcceptance(estateId, LIST_LIMIT);
  const urgent = store.urgentSince(estateId, now - URGENT_NEW_MS, LIST_LIMIT);

  const { missed, due, dueSoon } = board.summary(estateId, now, DUE_SOON_MS, LIST_LIMIT);
  const patrolAlert = (v: SlotView): PatrolAlert => {
    const n = nameOf(v.locationId);
    return { locationId: v.locationId, locationName: n?.name ?? { zh: '?', en: '?' }, kind: n?.kind ?? 'unknown', start: v.start, end: v.end, closes: v.closes, late: v.status === 'late' };
  };

  const overdueAlerts = overdue.issues.map(issueAlert);
  const severities = overdueAlerts.map((a) => a.severity).concat(missed.count ? ['important'] : []);
  const worst = [...SEVERITIES].reverse().find((s) => severities.includes(s)) ?? null;

  return {
    estateId,
    timeZone: store.getEstate(estateId)?.timeZone ?? 'Asia/Shanghai',
    counts: {
      badge: overdue.total + missed.count,
      overdue: overdue.total,
      missed: missed.count,
      due: due.count,
      dueSoon: dueSoon.count,
      awaitingAcceptance: awaiting.total,
      heldForReview: awaiting.held,
      urgent: urgent.total,
      // Counted by the database over all overdue work: a count never comes from the capped list.
      escalated: overdue.escalated,
    },
    worst,
    overdue: overdueAlerts,
    missed: missed.top.map(patrolAlert),
    due: due.top.map(patrolAlert),
    dueSoon: dueSoon.top.map(patrolAlert),
    awaitingAcceptance: awaiting.issues.map(issueAlert),
    urgent: urgent.issues.map(issueAlert),
  };
}
