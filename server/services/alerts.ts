/**
 * What needs a supervisor now, per estate: overdue rectifications, missed and due patrols,
 * owner reports to accept, problems waiting for dispatch and new urgent issues. The body holds absolute times only (no "now"),
 * so it changes only when something really changed and an unchanged poll can be a 304.
 */
import {
  HOUR,
  SEVERITIES,
  acceptLateBefore,
  escalationLevel,
  respondBy,
  slotHours,
  level2DeadlineBefore,
  type Alerts,
  type Issue,
  type IssueAlert,
  type LocalText,
  type PatrolAlert,
} from '../../shared/index.ts';
import type { Reads } from '../storage/store.ts';
import type { BoardView, SlotView } from './patrol-board.ts';
import { missedRoundsToday } from './routes.ts';

const LIST_LIMIT = 50;
const DUE_SOON_MS = 2 * HOUR;
const URGENT_NEW_MS = 24 * HOUR;
/** An owner's \"not fixed\" stays news for the supervisors this long. */
const NOT_FIXED_WINDOW_MS = 7 * 86_400_000;
const UNKNOWN = { name: { zh: '?', en: '?' }, kind: 'unknown' };

export async function computeAlerts(store: Reads, board: BoardView, estateId: string, now: number): Promise<Alerts> {
  // The policy and the zone come with the board, so every read below leaves at once: a poll waits for one round trip.
  const { policy, timeZone } = board;
  const names = new Map<string, { name: LocalText; kind: string }>();
  const remember = (id: string, loc: { name: LocalText; kind: string } | undefined) => {
    if (loc) names.set(id, { name: loc.name, kind: loc.kind });
    return loc !== undefined;
  };
  // Names come from the board (active locations); others are read before the lists are built.
  const onBoard = (id: string) => names.has(id) || remember(id, board.location(id));
  const nameOf = (id: string | null) => (id === null ? null : onBoard(id) ? names.get(id)! : UNKNOWN);
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
    respondBy: respondBy(i, policy),
  });

  const [departmentList, overdue, awaiting, toDispatch, urgent, notFixed, missedRounds] = await Promise.all([
    store.listDepartments(estateId),
    store.overdueIssues(estateId, now, LIST_LIMIT, level2DeadlineBefore(now, policy)),
    store.awaitingAcceptance(estateId, LIST_LIMIT, acceptLateBefore(now, policy)),
    store.awaitingDispatch(estateId, LIST_LIMIT),
    store.urgentSince(estateId, now - URGENT_NEW_MS, LIST_LIMIT),
    store.notFixedSince(estateId, now - NOT_FIXED_WINDOW_MS, LIST_LIMIT),
    missedRoundsToday(store, estateId, timeZone, now),
  ]);
  const departments = new Map(departmentList.map((d) => [d.id, d.name]));
  // A deactivated place is not on the board: its name is read, all such places at once.
  const offBoard = new Set<string>();
  for (const i of [...overdue.issues, ...awaiting.issues, ...toDispatch.issues, ...urgent.issues, ...notFixed.issues]) {
    if (i.locationId && !onBoard(i.locationId)) offBoard.add(i.locationId);
  }
  await Promise.all([...offBoard].map(async (id) => remember(id, await store.getLocation(id))));

  const { missed, due, dueSoon } = board.summary(DUE_SOON_MS, LIST_LIMIT);
  const patrolAlert = (v: SlotView): PatrolAlert => {
    const n = nameOf(v.locationId);
    return {
      locationId: v.locationId,
      locationName: n?.name ?? UNKNOWN.name,
      kind: n?.kind ?? UNKNOWN.kind,
      start: v.start,
      end: v.end,
      hours: slotHours(v, timeZone),
      closes: v.closes,
      late: v.status === 'late',
    };
  };

  const overdueAlerts = overdue.issues.map(issueAlert);
  const severities = overdueAlerts.map((a) => a.severity).concat(missed.count || missedRounds.length ? ['important'] : []);
  const worst = [...SEVERITIES].reverse().find((s) => severities.includes(s)) ?? null;

  return {
    estateId,
    timeZone,
    counts: {
      badge: overdue.total + missed.count + toDispatch.total + awaiting.late + missedRounds.length,
      overdue: overdue.total,
      missed: missed.count,
      due: due.count,
      dueSoon: dueSoon.count,
      awaitingAcceptance: awaiting.total,
      heldForReview: awaiting.held,
      acceptLate: awaiting.late,
      awaitingDispatch: toDispatch.total,
      urgent: urgent.total,
      // Counted by the database over all overdue work: a count never comes from the capped list.
      escalated: overdue.escalated,
      ownerNotFixed: notFixed.total,
      missedRounds: missedRounds.length,
    },
    worst,
    overdue: overdueAlerts,
    missed: missed.top.map(patrolAlert),
    due: due.top.map(patrolAlert),
    dueSoon: dueSoon.top.map(patrolAlert),
    awaitingAcceptance: awaiting.issues.map(issueAlert),
    awaitingDispatch: toDispatch.issues.map(issueAlert),
    urgent: urgent.issues.map(issueAlert),
    ownerNotFixed: notFixed.issues.map(issueAlert),
    missedRounds,
  };
}
