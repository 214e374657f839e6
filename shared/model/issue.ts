import * as v from 'valibot';
import { Category, Id, Instant, PhotoRefs, Severity, Uuid, requiredText, trimmedText, type PhotoRef, finiteNumber } from './common.ts';

export const ISSUE_SOURCES = ['patrol', 'owner', 'monthly', 'survey', 'kiosk', 'drill', 'desk'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];
/** What owners raise themselves (a report by QR code, or at the service desk): it waits to be accepted, as owners were promised. */
export const OWNER_SOURCES: readonly IssueSource[] = ['owner', 'desk'];

/**
 * reported → assigned → rectified → closed, with reopened (back to the department)
 * and rejected (not a problem, or a duplicate) on the side.
 */
export const ISSUE_STATUSES = ['reported', 'assigned', 'rectified', 'closed', 'reopened', 'rejected'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const OPEN_STATUSES: readonly IssueStatus[] = ['reported', 'assigned', 'rectified', 'reopened'];

/** The reference number (报事单号) an owner reads and quotes: the first eight hex digits of the issue's id. */
export const referenceOf = (issueId: string) => issueId.replace(/-/g, '').slice(0, 8).toUpperCase();

export interface Issue {
  id: string;
  estateId: string;
  locationId: string | null;
  source: IssueSource;
  category: Category;
  severity: Severity;
  description: string;
  /** Sub-type or cause (a lift's "door fault"), for Pareto analysis. */
  cause: string | null;
  photos: PhotoRef[];
  status: IssueStatus;
  /** Owner reports are unverified until staff accept them. */
  verified: boolean;
  departmentId: string | null;
  /** The person in that department who owns the job (null: the department as a whole, until its lead hands it on). */
  assigneeId: string | null;
  requirement: string | null;
  deadline: number;
  /** Escalation raised by hand or by an owner's "not fixed"; the clock may raise it further. */
  manualLevel: number;
  reopenCount: number;
  meToo: number;
  duplicateOf: string | null;
  createdAt: number;
  /** The latest fix; a reopen clears it. */
  rectifiedAt: number | null;
  closedAt: number | null;
  /** The first fix and the deadline in force then: a reopen never rewrites them, so a late first fix stays late. */
  firstRectifiedAt: number | null;
  firstDeadline: number | null;
  /** Rectification evidence. */
  afterPhotos: PhotoRef[];
}

export type Actor =
  | {
      kind: 'user';
      id: string;
      role: 'admin' | 'supervisor' | 'inspector' | 'department';
      departmentId?: string | null;
      /** 部门负责人: hands work on within the department and hears its escalations. */
      lead?: boolean;
    }
  | { kind: 'owner' }
  | { kind: 'system' };

export const IssueAction = v.variant('type', [
  v.object({ type: v.literal('accept') }),
  v.object({ type: v.literal('reject'), reason: requiredText(500, 'reason'), duplicateOf: v.optional(v.nullable(Id), null) }),
  v.object({
    type: v.literal('assign'),
    departmentId: Id,
    requirement: requiredText(500, 'requirement'),
    deadline: v.optional(v.nullable(Instant), null),
    severity: v.optional(Severity),
    /** A person in that department who owns the job; none: the department's lead hands it on. */
    assigneeId: v.optional(v.nullable(Id), null),
  }),
  /** Hand-over (转派): the job goes to another person of the same department, or back to the whole department (null). */
  v.object({ type: v.literal('handOver'), assigneeId: v.nullable(Id), note: v.optional(trimmedText(300, 'note'), '') }),
  v.object({
    type: v.literal('rectify'),
    note: requiredText(500, 'note'),
    photos: PhotoRefs,
    /** Why there is no "after" photo when the problem was reported with one (shared/rules/issue-workflow.ts). */
    noPhotoReason: v.optional(trimmedText(300, 'noPhotoReason')),
  }),
  v.object({ type: v.literal('verify'), note: v.optional(trimmedText(500, 'note'), '') }),
  v.object({ type: v.literal('reopen'), reason: requiredText(500, 'reason') }),
  v.object({ type: v.literal('escalate'), reason: v.optional(trimmedText(500, 'reason'), '') }),
  v.object({ type: v.literal('ownerConfirm') }),
  v.object({ type: v.literal('ownerNotFixed'), reason: v.optional(trimmedText(500, 'reason'), '') }),
]);
export type IssueAction = v.InferOutput<typeof IssueAction>;
export type IssueActionType = IssueAction['type'];
/** An action as a client sends it (before the schema's defaults). */
export type IssueActionInput = v.InferInput<typeof IssueAction>;

/** An action sent from a device carries its own UUID so a retry is recognised. */
export const IssueActionRequest = v.object({ id: Uuid, action: IssueAction });
export type IssueActionRequest = v.InferOutput<typeof IssueActionRequest>;

export interface IssueEvent {
  issueId: string;
  type: IssueActionType | 'created' | 'autoEscalated' | 'meToo' | 'rated';
  actor: Actor;
  at: number;
  /** What changed, as recorded; never edited afterwards. */
  data: Record<string, unknown>;
}

/** What an owner sends from a location's QR page. No account. */
export const OwnerReport = v.object({
  id: Uuid,
  locationCode: v.pipe(v.string(), v.regex(/^[a-z2-7]{26}$/, 'must be a location code')),
  category: Category,
  description: requiredText(1000, 'description'),
  photos: v.optional(PhotoRefs, []),
  contact: v.optional(trimmedText(100, 'contact'), ''),
});
export type OwnerReport = v.InferOutput<typeof OwnerReport>;

/**
 * An owner's report with no location code (a code that no longer works, a link that leads nowhere): the estate is
 * chosen and the place said in words.
 */
export const GeneralReport = v.object({
  id: Uuid,
  estateId: Id,
  place: requiredText(100, 'place'),
  category: Category,
  description: requiredText(1000, 'description'),
  photos: v.optional(PhotoRefs, []),
  contact: v.optional(trimmedText(100, 'contact'), ''),
});
export type GeneralReport = v.InferOutput<typeof GeneralReport>;

/** A neighbour's "me too" on a problem already reported at the same place. */
export const MeTooRequest = v.object({
  id: Uuid,
  locationCode: v.pipe(v.string(), v.regex(/^[a-z2-7]{26}$/, 'must be a location code')),
  issueId: Uuid,
});
export type MeTooRequest = v.InferOutput<typeof MeTooRequest>;

export const OwnerRating = v.object({
  rating: v.pipe(
    finiteNumber('rating must be a number'),
    v.integer('rating must be a whole number'),
    v.minValue(1, 'rating must be 1–5'),
    v.maxValue(5, 'rating must be 1–5'),
  ),
  comment: v.optional(trimmedText(500, 'comment'), ''),
});
export type OwnerRating = v.InferOutput<typeof OwnerRating>;

/** An owner's "not fixed" on a rectified report, with why. */
export const NotFixedRequest = v.object({ reason: v.optional(trimmedText(500, 'reason'), '') });
