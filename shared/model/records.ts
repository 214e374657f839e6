import * as v from 'valibot';
import { Category, Id, IsoDate, LocalText, Severity, Uuid, requiredText, trimmedText, finiteNumber } from './common.ts';
import { LocationKind } from './estate.ts';
import { ChecklistItem } from './checklist.ts';
import { Schedule } from './schedule.ts';

/** The plan's other records: training (人员培训), emergency drills (应急演练), community activities (社区活动). */
export const TRAINING_KINDS = ['new_staff', 'skills', 'quality', 'fire'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TrainingRecord = v.object({
  kind: v.literal('training'),
  id: Uuid,
  date: IsoDate,
  topic: v.picklist(TRAINING_KINDS, `must be one of ${TRAINING_KINDS.join(', ')}`),
  title: requiredText(200, 'title'),
  hours: v.pipe(finiteNumber('hours must be a number'), v.minValue(0.25, 'hours must be at least 0.25'), v.maxValue(40)),
  trainer: v.optional(trimmedText(100, 'trainer'), ''),
  /** Who was expected and whether they came. */
  attendees: v.pipe(v.array(v.object({ userId: Id, attended: v.boolean() })), v.maxLength(500)),
});

export const DrillRecord = v.object({
  kind: v.literal('drill'),
  id: Uuid,
  date: IsoDate,
  scenario: requiredText(200, 'scenario'),
  participants: v.pipe(finiteNumber(), v.integer(), v.minValue(0)),
  /** From the alarm to the first responder on site. */
  responseMinutes: v.pipe(finiteNumber('responseMinutes must be a number'), v.minValue(0), v.maxValue(600)),
  problems: v.pipe(v.array(requiredText(300, 'problem')), v.maxLength(20)),
});

export const ActivityRecord = v.object({
  kind: v.literal('activity'),
  id: Uuid,
  date: IsoDate,
  title: requiredText(200, 'title'),
  turnout: v.pipe(finiteNumber(), v.integer(), v.minValue(0)),
  /** Average owner feedback, 1–5. */
  feedback: v.nullable(v.pipe(finiteNumber(), v.minValue(1, 'feedback must be 1–5'), v.maxValue(5, 'feedback must be 1–5'))),
  notes: v.optional(trimmedText(1000, 'notes'), ''),
});

export const PlanRecord = v.variant('kind', [TrainingRecord, DrillRecord, ActivityRecord]);
export type PlanRecord = v.InferOutput<typeof PlanRecord>;
export type TrainingRecord = v.InferOutput<typeof TrainingRecord>;

/** Administration payloads. */
export const BuildingInput = v.object({ name: LocalText });
export const DepartmentInput = v.object({ name: LocalText, categories: v.array(Category) });
/** A password a person chooses or an administrator sets. */
export const NewPassword = v.pipe(
  v.string('password must be text'),
  v.minLength(8, 'password must have at least 8 characters'),
  v.maxLength(200, 'password is longer than 200 characters'),
);
/** Sign-in with a username and password. */
export const LoginRequest = v.object({
  username: requiredText(40, 'username'),
  password: v.pipe(v.string('password must be text'), v.minLength(1, 'password is required'), v.maxLength(200)),
});
export const ChangePasswordRequest = v.object({ current: v.pipe(v.string('current must be text'), v.maxLength(200)), next: NewPassword });
export const ResetPasswordRequest = v.object({ password: NewPassword });
const InvitationToken = v.pipe(v.string('token must be text'), v.regex(/^[A-Za-z0-9_-]{20,100}$/, 'token: this is not an invitation link'));
/** POST /api/join/peek: whose invitation a link is, before they choose a password. */
export const JoinToken = v.object({ token: InvitationToken });
/** POST /api/join: the invited person's own password. */
export const JoinRequest = v.object({ token: InvitationToken, password: NewPassword });
export const UserInput = v.object({
  username: v.pipe(v.string(), v.trim(), v.regex(/^[a-zA-Z0-9_.-]{2,40}$/, 'username: 2–40 letters, digits, _ . -')),
  displayName: requiredText(80, 'displayName'),
  /** None: the person gets a one-time invitation link and sets their own password (no one else ever knows it). */
  password: v.optional(NewPassword),
  role: v.picklist(['admin', 'supervisor', 'inspector', 'department'], 'must be admin, supervisor, inspector or department'),
  departmentId: v.optional(v.nullable(Id), null),
  /** 部门负责人 of that department. */
  lead: v.optional(v.boolean('lead must be true or false'), false),
});
/** Staff in bulk, as CSV (server/services/people-import.ts reads the columns). */
export const PeopleImportRequest = v.object({
  csv: v.pipe(v.string(), v.minLength(1, 'csv is empty'), v.maxLength(1_000_000, 'csv is larger than 1 MB')),
  preview: v.optional(v.boolean('preview must be true or false'), false),
});
/** A person's place in an estate, changed later: PUT /api/estates/:id/users/:userId/membership. */
export const MembershipInput = v.object({
  role: v.picklist(['admin', 'supervisor', 'inspector', 'department'], 'must be admin, supervisor, inspector or department'),
  departmentId: v.optional(v.nullable(Id), null),
  lead: v.optional(v.boolean('lead must be true or false'), false),
});
export type MembershipInput = v.InferOutput<typeof MembershipInput>;
const Hours = v.pipe(finiteNumber(), v.minValue(0.25), v.maxValue(24 * 30));
const Minutes = v.pipe(finiteNumber(), v.integer('minutes must be whole'), v.minValue(1), v.maxValue(24 * 60));
export const PolicyInput = v.object({
  hours: v.object({ general: Hours, important: Hours, urgent: Hours }),
  level2AfterHours: v.object({ general: Hours, important: Hours, urgent: Hours }),
  separateDuties: v.optional(v.boolean('separateDuties must be true or false'), true),
  responseMinutes: v.optional(v.object({ general: Minutes, important: Minutes, urgent: Minutes })),
  autoAccept: v.optional(v.boolean('autoAccept must be true or false'), false),
  retentionDays: v.optional(
    v.pipe(finiteNumber(), v.integer('retentionDays must be whole'), v.minValue(7, 'retentionDays: at least 7'), v.maxValue(3650)),
  ),
});
export const TemplateInput = v.object({
  id: Id,
  kind: LocationKind,
  name: LocalText,
  schedule: v.nullable(Schedule),
  items: v.pipe(v.array(ChecklistItem), v.minLength(1, 'a checklist needs at least one item'), v.maxLength(60)),
});
export type BuildingInput = v.InferOutput<typeof BuildingInput>;
export type DepartmentInput = v.InferOutput<typeof DepartmentInput>;
export type UserInput = v.InferOutput<typeof UserInput>;
export type TemplateInput = v.InferOutput<typeof TemplateInput>;

export const ManualIssueInput = v.object({
  id: Uuid,
  source: v.picklist(['survey', 'drill', 'monthly', 'patrol'], 'must be survey, drill, monthly or patrol'),
  category: Category,
  severity: Severity,
  description: requiredText(1000, 'description'),
  locationId: v.optional(v.nullable(Id), null),
});
export type ManualIssueInput = v.InferOutput<typeof ManualIssueInput>;
