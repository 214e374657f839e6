/**
 * The storage interface. Routes and services talk only to this; all SQL lives behind it
 * (storage/sqlite/), so another engine (PostgreSQL) is one more implementation.
 */
import type {
  Building,
  ChecklistTemplate,
  DeadlinePolicy,
  Department,
  Estate,
  Issue,
  IssueEvent,
  IssueStatus,
  Location,
  Role,
  ScoringSheet,
  SurveyTemplate,
  LocalText,
  Category,
  Severity,
  IssueSource,
  PlanRecord,
  LocationVersion,
  TemplateVersion,
} from '../../shared/index.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Set while an administrator has disabled the account: no sign-in, no session. */
  disabledAt: number | null;
}

export interface Membership {
  userId: string;
  estateId: string;
  role: Role;
  departmentId: string | null;
}

export interface Session {
  /** Public handle for listing and revoking; the token itself is kept only as its hash. */
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string;
}

/** A tracking link's holder: the owner who reported, or a neighbour who said "me too". */
export type TrackingRole = 'reporter' | 'follower';

export interface StoredReceipt {
  id: string;
  kind: string;
  bodyHash: string;
  receipt: Record<string, unknown>;
}

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
  answers: unknown[];
  failedCount: number;
  receivedAt: number;
  /** The phone's own times; startedAt/finishedAt are on the server's clock (shared/rules/device-clock.ts). */
  deviceStartedAt: number | null;
  deviceFinishedAt: number | null;
}

export interface InspectionTimeRow {
  id: string;
  locationId: string;
  inspectorId: string;
  finishedAt: number;
}

export interface PhotoMeta {
  sha256: string;
  size: number;
  storedSize: number;
  width: number;
  height: number;
  receivedAt: number;
}

export interface IssueFilter {
  estateId: string;
  status?: IssueStatus[];
  open?: boolean;
  severity?: Severity[];
  category?: Category[];
  source?: IssueSource[];
  departmentId?: string;
  locationId?: string;
  createdFrom?: number;
  createdTo?: number;
  limit?: number;
  offset?: number;
}

export interface MonthlyRecord {
  id: string;
  estateId: string;
  month: string;
  sheetId: string;
  sheetVersion: number;
  inspectedOn: string;
  inspectorId: string;
  deductions: unknown[];
  sections: { sectionId: string; max: number; deducted: number; score: number }[];
  total: number;
  createdAt: number;
}

export interface Campaign {
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

export interface SurveyResponseRecord {
  id: string;
  campaignId: string;
  household: string;
  channel: string;
  answers: Record<string, number | null>;
  comment: string;
  enteredBy: string | null;
  createdAt: number;
}

export interface KioskRatingRecord {
  id: string;
  estateId: string;
  locationId: string;
  face: number;
  reason: string;
  category: string | null;
  issueId: string | null;
  createdAt: number;
}

export interface IssueExtras {
  originId?: string | null;
  ownerContact?: string | null;
  /** A report from a flooded address or location: it waits for review and is not offered as "me too". */
  held?: boolean;
}

export interface Store {
  /** Runs `fn` in one write transaction started with BEGIN IMMEDIATE: all of it lands, or none. */
  tx<T>(fn: () => T): T;
  /** Runs `fn` in a transaction shared with other writes that arrive at the same moment (one fsync for all). */
  batch<T>(fn: () => T): Promise<T>;
  close(): void;

  listEstates(): Estate[];
  getEstate(id: string): Estate | undefined;
  insertEstate(estate: Estate): void;
  getPolicy(estateId: string): DeadlinePolicy;
  setPolicy(estateId: string, policy: DeadlinePolicy): void;

  insertBuilding(b: Building): void;
  listBuildings(estateId: string): Building[];

  /** Creates a location; it owes patrols from `at` (its first version). */
  insertLocation(loc: Location, kioskSecret: string, at: number): void;
  /** Changes a location; a new version (schedule, kind, active) takes effect at `at`. */
  updateLocation(loc: Location, at: number): void;
  /** Every location's versions, oldest first, so a past period is judged by what was in force then. */
  locationVersions(estateId: string): Map<string, LocationVersion[]>;
  getLocation(id: string): Location | undefined;
  getLocationByCode(code: string): Location | undefined;
  listLocations(estateId: string): Location[];
  kioskSecret(locationId: string): string | undefined;

  insertTemplate(estateId: string, tpl: ChecklistTemplate, at: number): void;
  getTemplate(estateId: string, id: string, version: number): ChecklistTemplate | undefined;
  /** The newest version of each template of the estate. */
  latestTemplates(estateId: string): ChecklistTemplate[];
  /** Every template version with the instant it was published. */
  templateVersions(estateId: string): TemplateVersion[];

  insertDepartment(d: Department): void;
  listDepartments(estateId: string): Department[];

  insertUser(u: Omit<User, 'disabledAt'>, at: number): void;
  setPassword(userId: string, passwordHash: string): void;
  setDisabled(userId: string, at: number | null): void;
  getUser(id: string): User | undefined;
  getUserByUsername(username: string): User | undefined;
  putMembership(m: Membership): void;
  membershipsOf(userId: string): Membership[];
  membersOf(estateId: string): (Membership & { username: string; displayName: string; disabled: boolean })[];

  insertSession(s: Session): void;
  getSession(tokenHash: string): Session | undefined;
  touchSession(tokenHash: string, at: number): void;
  sessionsOf(userId: string): Session[];
  deleteSession(tokenHash: string): void;
  /** Ends the user's sessions, all of them or all but one. */
  deleteSessionsOf(userId: string, keepTokenHash?: string): void;

  getReceipt(id: string): StoredReceipt | undefined;
  insertReceipt(r: StoredReceipt, at: number): void;

  insertInspection(r: InspectionRecord): void;
  getInspection(id: string): InspectionRecord | undefined;
  inspectionTimes(estateId: string, from: number, to: number): InspectionTimeRow[];
  inspectionsAt(locationId: string, from: number, to: number): InspectionTimeRow[];

  getPhoto(sha256: string): PhotoMeta | undefined;
  insertPhoto(p: PhotoMeta): void;
  /** `author` (photos/uploader.ts) cites the photos; a citation counts once that author has sent the bytes. */
  linkPhotos(recordId: string, sha256s: readonly string[], author: string): void;
  /** Records that `uploader` sent this photo's bytes (and so may cite it). */
  addPhotoUploader(sha256: string, uploader: string, at: number): void;
  /** Which of the record's photos have arrived from their author. */
  receivedPhotos(recordId: string): string[];
  /** Records (inspections, issues) that rightly cite a photo: their author sent its bytes. */
  recordsWithPhoto(sha256: string): string[];

  insertIssue(issue: Issue, extras?: IssueExtras): void;
  updateIssue(issue: Issue): void;
  getIssue(id: string): Issue | undefined;
  issueOrigin(id: string): { originId: string | null; ownerContact: string | null; rating: number | null; ratingComment: string | null } | undefined;
  setRating(id: string, rating: number, comment: string): void;
  appendEvent(e: IssueEvent): void;
  eventsOf(issueId: string): IssueEvent[];
  listIssues(f: IssueFilter): { total: number; issues: Issue[] };
  openIssuesAt(locationId: string): Issue[];
  /** Overdue work (the first `limit`, most overdue first) with counts over all of it; `level2Before` from level2DeadlineBefore. */
  overdueIssues(estateId: string, now: number, limit: number, level2Before: Record<Severity, number>): { total: number; escalated: number; issues: Issue[] };
  /** Owner reports waiting to be accepted, and how many more are held for review. */
  awaitingAcceptance(estateId: string, limit: number): { total: number; held: number; issues: Issue[] };
  isHeld(issueId: string): boolean;
  urgentSince(estateId: string, since: number, limit: number): { total: number; issues: Issue[] };
  issuesCreatedBetween(estateId: string, from: number, to: number): Issue[];
  /** Issues with a deadline in the window or still open: for rectification KPIs. */
  issuesForKpi(estateId: string, from: number, to: number): Issue[];

  insertTrackingToken(tokenHash: string, issueId: string, at: number, role: TrackingRole): void;
  trackingToken(tokenHash: string): { issueId: string; role: TrackingRole } | undefined;

  insertSheet(estateId: string, sheet: ScoringSheet): void;
  getSheet(estateId: string, id: string, version: number): ScoringSheet | undefined;
  latestSheet(estateId: string): ScoringSheet | undefined;
  insertMonthly(r: MonthlyRecord): void;
  listMonthly(estateId: string): MonthlyRecord[];

  insertSurvey(estateId: string, s: SurveyTemplate): void;
  getSurvey(estateId: string, id: string): SurveyTemplate | undefined;
  insertCampaign(c: Campaign): void;
  getCampaign(id: string): Campaign | undefined;
  getCampaignByCode(code: string): Campaign | undefined;
  listCampaigns(estateId: string): Campaign[];
  insertResponse(r: SurveyResponseRecord): void;
  hasResponse(campaignId: string, household: string): boolean;
  responsesOf(campaignId: string): SurveyResponseRecord[];

  insertPlanRecord(estateId: string, r: PlanRecord, at: number): void;
  listPlanRecords(estateId: string, kind?: PlanRecord['kind']): PlanRecord[];

  insertKioskRating(r: KioskRatingRecord): void;
  kioskRatings(estateId: string, from: number, to: number): KioskRatingRecord[];
}
