/**
 * What the server answers for a record sent under a device-made UUID. A retry gets the same receipt back
 * (server/services/idempotency.ts), so a phone can always tell what the server holds.
 */
import type { Confirmation } from './checklist.ts';
import type { Issue, IssueStatus } from './issue.ts';
import type { SectionScore } from '../rules/scoring.ts';

interface ReceiptOf<K extends string> {
  kind: K;
  id: string;
}

/** Which of a record's photos the server has received so far; the phone sends the missing ones. */
export interface PhotoProgress {
  photos: string[];
  photosReceived: number;
  photosMissing: string[];
}

export interface InspectionReceipt extends ReceiptOf<'inspection'>, PhotoProgress {
  /** Issues raised from failed items. */
  issues: string[];
  /** As the server judged it: a kiosk code that was not valid when the round started is kept as such. */
  confirmedBy: Confirmation | 'kiosk_code_invalid';
}

export interface IssueActionReceipt extends ReceiptOf<'issueAction'> {
  issueId: string;
  status: IssueStatus;
  photos: string[];
  /** The issue as it is now (another action may have followed this one). */
  issue?: Issue;
}

export interface OwnerReportReceipt extends ReceiptOf<'ownerReport'> {
  issueId: string;
  possibleDuplicateOf: string[];
  held: boolean;
  /** The owner's link to follow and rate the report; never stored in clear on the server. */
  trackingToken: string;
}

export interface MeTooReceipt extends ReceiptOf<'meToo'> {
  issueId: string;
  trackingToken: string;
}

/** A guard round as the server judged it. */
export interface RouteRoundReceipt extends ReceiptOf<'routeRound'> {
  complete: boolean;
  skipped: string[];
  flags: ('skipped' | 'outOfOrder' | 'tooFast' | 'tooSlow')[];
}

export interface DeskEntryReceipt extends ReceiptOf<'deskEntry'> {
  /** The issue a complaint, or an unsettled request, became. */
  issueId: string | null;
}

export interface KioskRatingReceipt extends ReceiptOf<'kioskRating'> {
  /** A poor rating with a reason becomes an issue. */
  issueId: string | null;
}

export interface MonthlyReceipt extends ReceiptOf<'monthly'> {
  total: number;
  sections: SectionScore[];
  issues: string[];
}

export type PlanRecordReceipt = ReceiptOf<'planRecord'>;

export interface ManualIssueReceipt extends ReceiptOf<'issue'> {
  issueId: string;
}

export interface SurveyResponseReceipt extends ReceiptOf<'surveyResponse'> {
  campaignId: string;
}
