/**
 * What the server answers, typed once: the server's services are checked against these, and the PWA and the
 * extension read them, so neither side declares the other's shapes again.
 */
import type { Category, LocalText, Role } from './common.ts';
import type { ChecklistTemplate } from './checklist.ts';
import type { Department, Estate, Location, LocationKind } from './estate.ts';
import type { Issue, IssueActionType, IssueEvent, IssueStatus } from './issue.ts';
import type { DeadlinePolicy } from '../rules/deadlines.ts';
import type { PatrolKpi, Rate, RectificationKpi } from '../rules/kpi.ts';
import type { AreaSatisfaction, SampleProgress, Satisfaction } from '../rules/satisfaction.ts';
import type { Completion } from '../rules/schedule.ts';
import type { SlotStatus } from '../rules/schedule.ts';
import type { Schedule } from './schedule.ts';
import type { RoutingRule } from './routing.ts';
import type { Answer } from './checklist.ts';
import type { InspectionReceipt } from './receipts.ts';
import type { PlanRecord } from './records.ts';
import type { Deduction, ScoringSheet } from './scoring.ts';
import type { SectionScore } from '../rules/scoring.ts';
import type { SurveyTemplate } from './survey.ts';
import type { GroupRole } from './group.ts';
import type { OwnerEventType } from '../i18n/labels.ts';
import type { DeskFigure } from '../rules/desk.ts';
import type { Measure } from './review.ts';
import type { PatrolRoute } from './route.ts';
import type { RouteFigures, RoundRecord } from '../rules/routes.ts';

export interface Membership {
  userId: string;
  estateId: string;
  role: Role;
  departmentId: string | null;
  /** 部门负责人 of departmentId: hands its work on to people and hears its escalations. */
  lead: boolean;
  /** The estate is archived: what is there can be read, nothing changed. */
  archived?: boolean;
  /** Held through a group role, not given in the estate: read-only unless the person is the group's administrator. */
  viaGroup?: boolean;
}

/** GET /api/auth/me */
export interface Me {
  user: { id: string; username: string; displayName: string; groupRole: GroupRole | null };
  memberships: Membership[];
  estates: Estate[];
}

/** GET /api/estates/:id/field-kit: what a staff phone keeps to patrol offline. */
export interface FieldKit {
  estate: Estate;
  role: Role;
  departmentId: string | null;
  locations: { id: string; code: string; name: LocalText; kind: LocationKind; buildingId: string | null; schedule: Schedule | null }[];
  templates: ChecklistTemplate[];
  departments: { id: string; name: LocalText }[];
  policy: DeadlinePolicy;
  routes: PatrolRoute[];
}

export interface SlotInfo {
  key: string;
  start: number;
  end: number;
  /** Its hours on the estate's wall clock, "09:00–12:00" (shared/time/calendar.ts slotHours). */
  hours: string;
  closes: number;
  status: SlotStatus;
  onTime?: boolean | null;
}

/** What staff see on a location's page: today's slots, the checklist due, open issues here. */
export interface StaffLanding {
  role: Role;
  departmentId: string | null;
  template: ChecklistTemplate | null;
  slots: SlotInfo[];
  /** The slot an inspection started now would fill; null: a voluntary round. */
  fills: string | null;
  nextDueAt: number | null;
  missedToday: number;
  openIssues: Issue[];
}

/** GET /api/locations/by-code/:code (and inlined into /l/:code): to anyone, the place and what is known there. */
export interface LocationLanding {
  location: { id: string; name: LocalText; kind: LocationKind; code: string };
  /** The company (its name heads owners' pages) and the service desk's number. Absent in a phone's offline copy. */
  estate: { id: string; name: LocalText; timeZone: string; company?: string | null; servicePhone?: string };
  categories: readonly Category[];
  openReports: { id: string; category: Category; status: IssueStatus; createdAt: number; meToo: number }[];
  /** Only for staff of the estate. */
  staff?: StaffLanding;
}

/**
 * GET /api/help(?code=): whom an owner can call, and where to report, when a code or link leads nowhere. A replaced
 * code names its estate; otherwise every estate in service, for the owner to choose; the company either way.
 */
export interface ServiceHelp {
  company: string | null;
  estates: { id: string; name: LocalText; servicePhone: string }[];
}

/**
 * GET /api/track/:token: what an owner's tracking link shows. The reporter sees their own words and photos; a
 * follower ("me too") sees the public status only (description null, no photos, no actions).
 */
export interface OwnerTracking {
  /** 报事单号: a short number the owner can quote on the phone. */
  reference: string;
  /** The promised time to accept the report (受理时限), while it waits. */
  respondBy: number | null;
  /** What the department said it did, once it reported the fix. */
  fixNote: string | null;
  follower: boolean;
  status: IssueStatus;
  statusLabel: LocalText;
  category: Category;
  description: string | null;
  location: { name: LocalText; kind: LocationKind } | null;
  estate: { name: LocalText; timeZone: string; company: string | null; servicePhone: string } | null;
  createdAt: number;
  deadline: number | null;
  photos: MediaItem[];
  afterPhotos: MediaItem[];
  timeline: { type: OwnerEventType; at: number }[];
  canConfirm: boolean;
  canSayNotFixed: boolean;
  canRate: boolean;
  rating: number | null;
  meToo: number;
}

export interface EstateMember {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  lead: boolean;
  disabled: boolean;
}

/** GET /api/estates/:id/setup: the console's view of an estate's set-up. */
export interface EstateSetup {
  estate: Estate;
  /** The property company's name, heading printed notices. */
  company: string | null;
  policy: DeadlinePolicy;
  /** Dispatch rules (派单规则), in order. */
  routing: RoutingRule[];
  buildings: { id: string; estateId: string; name: LocalText }[];
  locations: Location[];
  departments: Department[];
  templates: ChecklistTemplate[];
  members: EstateMember[];
  publicUrl: string;
}

/** A count of issues by some key (a category, a severity, a location, a cause), largest first. */
export interface KeyCount {
  key: string;
  count: number;
}

/** GET /api/estates/:id/analysis/patrols */
export interface PatrolAnalysis {
  total: Completion;
  byKind: (Completion & { key: string })[];
  byArea: (Completion & { key: string })[];
  /**
   * The weakest locations, lowest completion first (at most 100): an estate of a hundred thousand
   * places would otherwise send every one of them to a page that shows a few. The CSV export has every location.
   */
  byLocation: (Completion & { key: string; name?: LocalText })[];
  /** How many locations had patrols in the period (byLocation holds the weakest of them). */
  locationCount: number;
  byPerson: (PatrolKpi & { name: string })[];
  /** Missed slots by location and local hour of the slot's start, most missed first (at most 100). */
  heat: { locationId: string; name?: LocalText; hours: number[]; total: number }[];
  /** How many locations missed a patrol in the period. */
  heatCount: number;
  voluntary: number;
}

/** GET /api/estates/:id/analysis/issues */
export interface IssueAnalysis {
  total: number;
  byCategory: KeyCount[];
  bySeverity: KeyCount[];
  bySource: KeyCount[];
  byLocation: (KeyCount & { name?: LocalText })[];
  overTime: { day: string; byCategory: Record<string, number>; bySeverity: Record<string, number>; total: number }[];
  lifts: {
    total: number;
    byLift: (KeyCount & { name?: LocalText; repeat: boolean })[];
    /** Each cause with its name: the checklist or score-sheet item it was found under, or 其他 / Other. */
    byCause: (KeyCount & { cumulativeShare: number; name: LocalText })[];
    repeats: { locationId: string; cause: string; count: number }[];
  };
  complaints: { total: number; byCategory: KeyCount[] };
}

/** GET /api/estates/:id/analysis/rectification: one row per department. */
export type DepartmentRectification = RectificationKpi & { name?: LocalText };

/** GET /api/estates/:id/analysis/satisfaction */
export interface SatisfactionTrend {
  campaigns: (Satisfaction & { id: string; name: LocalText; opensOn: string; responses: number })[];
  kiosk: { ratings: number; satisfied: number };
}

/** GET /api/estates/:id/routes */
export interface RouteList {
  routes: PatrolRoute[];
}

/** GET /api/estates/:id/analysis/routes: each route's rounds against its slots, skips by checkpoint, by guard. */
export interface RouteAnalysis {
  routes: {
    route: PatrolRoute;
    figures: Omit<RouteFigures, 'byGuard'> & { byGuard: (RouteFigures['byGuard'][number] & { name: string })[] };
    /** The latest rounds, newest first, as judged. */
    recent: (RoundRecord & { guardName: string })[];
  }[];
}

/** A quarter's facts for its review (总结评估), each from the same services as the analysis pages. */
export interface ReviewFacts {
  quarter: string;
  from: number;
  to: number;
  /** The latest survey opened in the quarter, its service areas worst first. */
  survey: { campaign: LocalText; areas: AreaSatisfaction[] } | null;
  liftFaults: (KeyCount & { name?: LocalText })[];
  /** Lifts with repeat faults of one cause: each is proposed for more frequent checks of that item. */
  liftRepeats: { locationId: string; name?: LocalText; cause: string; causeName: LocalText; count: number }[];
  complaints: KeyCount[];
  /** Departments by their overdue rate, worst first. */
  overdueDepartments: { departmentId: string; name?: LocalText; overdue: Rate }[];
  /** Missed patrol slots by place and local hour, most first. */
  missed: { locationId: string; name?: LocalText; hours: number[]; total: number }[];
}

/** GET /api/estates/:id/reviews/:quarter: the quarter's facts, the measures taken in it, and last quarter's before and after. */
export interface QuarterReview {
  facts: ReviewFacts;
  /** Whether the quarter has ended (its "after" figures are final). */
  ended: boolean;
  measures: (Measure & { before: number | null })[];
  /** The measures of the quarter before, each with its figure then and now. */
  previous: (Measure & { before: number | null; after: number | null })[];
}

/** GET /api/estates/:id/analysis/desk: the service desk's response time and first-contact resolution. */
export interface DeskAnalysis {
  total: DeskFigure;
  byTopic: DeskFigure[];
  byPerson: (DeskFigure & { name: string })[];
}

/** GET /api/estates/:id/analysis/kpi: the month's figures per person and per department. */
export interface KpiReport {
  people: {
    userId: string;
    name: string;
    role: Role;
    departmentId: string | null;
    slotsFilled: number;
    onTime: Rate;
    voluntary: number;
    trainingHours: number;
    training: Rate;
  }[];
  departments: DepartmentRectification[];
  patrolTotal: Completion;
}

/** GET /api/issues/:id: an issue as staff see it, with its history and what this person may do next. */
export interface IssueView {
  issue: Issue;
  location: { id: string; name: LocalText; kind: LocationKind; code: string } | null;
  history: IssueEvent[];
  /** Where it came from; the owner's contact only for supervisors, nothing for department staff. */
  origin: { originId: string | null; ownerContact: string | null; rating: number | null; ratingComment: string | null } | null;
  /** For a patrol finding: the round it came from, and how presence there was confirmed. */
  inspection: { id: string; inspectorId: string; finishedAt: number; confirmedBy: string } | null;
  actions: IssueActionType[];
}

/** A survey campaign, as the console lists it. */
export interface CampaignView {
  id: string;
  estateId: string;
  surveyId: string;
  name: LocalText;
  opensOn: string;
  closesOn: string;
  sampleTarget: number;
  code: string;
  createdAt: number;
}

/** GET /api/estates/:id/campaigns: each campaign with its sample and results. */
export interface CampaignResults {
  campaign: CampaignView;
  sample: SampleProgress;
  areas: AreaSatisfaction[];
  overall: Satisfaction;
  byChannel: Record<string, number>;
}

/** { ok: true }: done, nothing more to say. */
export interface Done {
  ok: true;
}

/** POST /api/auth/login */
export interface SignedIn {
  token: string;
  expiresAt: number;
  user: Me['user'];
  memberships: Membership[];
}

/** A session as its owner or an administrator sees it: never the token or its hash. */
export interface SessionView {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string;
  current: boolean;
}

export interface SessionList {
  sessions: SessionView[];
}

/** POST /api/estates/:id/users/:userId/disable (or enable) */
export interface AccountSwitched extends Done {
  disabled: boolean;
}

/** PUT /api/photos/:sha */
export interface PhotoStored {
  kind: 'photo';
  sha256: string;
  size: number;
  stored: true;
}

/**
 * PUT /api/videos/:sha?from=&size= (one part) and GET /api/videos/:sha (where an upload stands): how many bytes
 * of the clip the server holds from this sender. `stored` once the whole clip arrived, matched its hash and is kept.
 */
export interface VideoProgress {
  kind: 'video';
  sha256: string;
  size: number;
  received: number;
  stored: boolean;
}

/** A photo or a clip as a page shows it: by its hash, and whether to play it. */
export interface MediaItem {
  sha256: string;
  video: boolean;
}

/** A patrol round as stored: its times on the server's clock, the phone's own times beside them. */
export interface InspectionRecord {
  id: string;
  estateId: string;
  locationId: string;
  inspectorId: string;
  templateId: string;
  templateVersion: number;
  startedAt: number;
  finishedAt: number;
  confirmedBy: string;
  answers: Answer[];
  failedCount: number;
  receivedAt: number;
  /** The phone's own times; startedAt/finishedAt are on the server's clock (shared/rules/device-clock.ts). */
  deviceStartedAt: number | null;
  deviceFinishedAt: number | null;
}

/** GET /api/inspections/:id */
export interface InspectionView extends InspectionRecord {
  receipt: InspectionReceipt | null;
}

/** GET /api/estates/:id/issues: one page of the board, and how many match in all. */
export interface IssuePage {
  total: number;
  issues: Issue[];
}

/** A rectification notice: the issue, and where it is. */
export interface Notice extends Issue {
  location: { name?: LocalText; kind?: LocationKind } | null;
  assignee: Person | null;
}

/** Someone by name, for lists and hand-over. */
export interface Person {
  id: string;
  displayName: string;
}

/** GET /api/estates/:id/notices: the department's open work, and who in it can take a job. */
export interface NoticeList {
  notices: Notice[];
  people: Person[];
}

/** A monthly scored inspection as stored. */
export interface MonthlyRecord {
  id: string;
  estateId: string;
  month: string;
  sheetId: string;
  sheetVersion: number;
  inspectedOn: string;
  inspectorId: string;
  deductions: Deduction[];
  sections: SectionScore[];
  total: number;
  createdAt: number;
}

/** GET /api/estates/:id/monthly */
export interface MonthlyList {
  sheet: ScoringSheet | null;
  inspections: MonthlyRecord[];
}

/** GET /api/estates/:id/campaigns */
export interface CampaignList {
  campaigns: CampaignResults[];
}

/** POST /api/estates/:id/campaigns: the campaign and the link owners open. */
export interface CampaignCreated extends CampaignView {
  url: string;
}

/** GET /api/surveys/:code: what an owner sees before answering. */
export interface PublicSurvey {
  campaign: { name: LocalText; opensOn: string; closesOn: string };
  estate: { name: LocalText } | null;
  survey: SurveyTemplate | null;
}

/** GET /api/estates/:id/records */
export interface PlanRecordList {
  records: PlanRecord[];
}

/** GET /api/estates/:id/locations/:id/kiosk-link: the lobby tablet's address, with its secret. */
export interface KioskLink {
  url: string;
}

/** GET /api/estates/:id/locations/:id/kiosk-code: the rotating code shown at the location now. */
export interface KioskCode {
  code: string | null;
  validFor: number;
}

/** POST /api/estates/:id/locations/import: what was imported (or, for a preview, would be). */
export interface LocationsImported {
  created: number;
  locations: Location[];
  /** Buildings the file names that did not exist yet: created with the locations. */
  newBuildings: string[];
  preview: boolean;
}

/** POST /api/estates/:id/users */
export interface UserCreated {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  lead: boolean;
  /** The one-time link that lets them set their password, when none was given. */
  invitation: InvitationLink | null;
}

/** A one-time link (and the QR code made from it) a person opens on their phone to set their own password. */
export interface InvitationLink {
  url: string;
  expiresAt: number;
}

/** POST /api/join/peek: who an invitation is for. */
export interface InvitationView {
  username: string;
  displayName: string;
  estate: LocalText | null;
  expiresAt: number;
}

/** One round of 我的今日: a slot of today at one location, with its status now. */
export interface DayRound {
  locationId: string;
  code: string;
  name: LocalText;
  kind: LocationKind;
  key: string;
  start: number;
  end: number;
  closes: number;
  status: SlotStatus;
}

/** GET /api/estates/:id/my-day: today's rounds across the estate, soonest first (an inspector's 我的今日). */
export interface MyDay {
  estateId: string;
  timeZone: string;
  /** The estate's today (YYYY-MM-DD) the rounds belong to; some of them may have started the evening before. */
  date: string;
  rounds: DayRound[];
}

/** GET /api/issues/:id/owner-data: what the server keeps that an owner gave with one report (a PIPL request). */
export interface OwnerData {
  issueId: string;
  contact: string | null;
  description: string | null;
  /** The report's photos, by their hash. */
  photos: string[];
  rating: number | null;
  ratingComment: string | null;
  /** The owner's words on the report afterwards ("not fixed" reasons, rating comments). */
  words: { at: number; type: string; text: string }[];
}

/** POST /api/estates/:id/users/import: the people made (or, for a preview, to be made), each with their invitation. */
export interface PeopleImported {
  created: number;
  people: {
    username: string;
    displayName: string;
    role: Role;
    departmentId: string | null;
    lead: boolean;
    invitation: InvitationLink | null;
  }[];
  preview: boolean;
}
