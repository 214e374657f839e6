/** The alerts payload a supervisor's extension polls (GET /api/estates/:id/alerts). */
import type { Category, LocalText, Severity } from './common.ts';
import type { IssueStatus } from './issue.ts';

export interface IssueAlert {
  id: string;
  locationId: string | null;
  locationName: LocalText | null;
  category: Category;
  severity: Severity;
  status: IssueStatus;
  description: string;
  departmentId: string | null;
  departmentName: LocalText | null;
  deadline: number;
  createdAt: number;
  level: number;
  meToo: number;
  /** An owner's report not yet accepted: when it must be (受理时限). */
  respondBy: number | null;
}

export interface PatrolAlert {
  locationId: string;
  locationName: LocalText;
  kind: string;
  start: number;
  end: number;
  /** Its hours on the estate's wall clock, "09:00–12:00" (shared/time/calendar.ts slotHours): a list needs no formatter. */
  hours: string;
  closes: number;
  late: boolean;
}

export interface Alerts {
  estateId: string;
  /** The estate's zone: slot times are shown as its wall clock. */
  timeZone: string;
  counts: {
    /** Toolbar badge: what needs the supervisor: overdue rectifications, missed patrols, problems waiting for dispatch, late acceptances. */
    badge: number;
    overdue: number;
    missed: number;
    due: number;
    dueSoon: number;
    awaitingAcceptance: number;
    /** 待派单: accepted problems no dispatch rule sent to a department. */
    awaitingDispatch: number;
    /** Owner reports past their response time, still not accepted (counted in the badge). */
    acceptLate: number;
    /** Owner reports from a flooded address or location, waiting for review (not in awaitingAcceptance). */
    heldForReview: number;
    urgent: number;
    escalated: number;
    /** Open issues an owner said were not fixed in the last week. */
    ownerNotFixed: number;
    /** Guard rounds (巡更) of the estate's day that closed with no complete round (counted in the badge). */
    missedRounds?: number;
  };
  /** The worst severity among overdue items (a missed patrol counts as important). */
  worst: Severity | null;
  overdue: IssueAlert[];
  missed: PatrolAlert[];
  due: PatrolAlert[];
  dueSoon: PatrolAlert[];
  awaitingAcceptance: IssueAlert[];
  awaitingDispatch: IssueAlert[];
  urgent: IssueAlert[];
  /** 业主反馈未解决: reopened by the owner's "not fixed" in the last week and still open. */
  ownerNotFixed: IssueAlert[];
  /** 漏巡更: today's guard rounds missed, by route. */
  missedRounds?: RoundAlert[];
}

export interface RoundAlert {
  routeId: string;
  routeName: LocalText;
  start: number;
  end: number;
  /** "21:00–23:00" on the estate's wall clock, as PatrolAlert's. */
  hours: string;
}
