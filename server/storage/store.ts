/**
 * The storage interface. Services talk only to this. Every query is written once, in repos/, as portable
 * SQL; sqlite/ and postgres/ run it. Writes exist only on the transaction object `write` hands out, so
 * "this must run inside a transaction" is checked by the compiler.
 */
import type {
  DeskEntry,
  Measure,
  PatrolRoute,
  RoundRecord,
  RouteScan,
  AuditAction,
  AuditEntry,
  Audience,
  ChannelKind,
  DeliveryState,
  Building,
  ChecklistTemplate,
  DeadlinePolicy,
  Department,
  Estate,
  Issue,
  IssueEvent,
  IssueStatus,
  Location,
  RoutingRule,
  ScoringSheet,
  SurveyTemplate,
  Category,
  Severity,
  IssueSource,
  PlanRecord,
  LocationVersion,
  TemplateVersion,
  Membership,
  CampaignView,
  InspectionRecord,
  MonthlyRecord,
  GroupAccess,
  LibraryKind,
} from '../../shared/index.ts';

/** The password hash of an account whose person has not yet opened their invitation: nothing signs in to it. */
export const INVITED = 'invited';

export interface User {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Set while an administrator has disabled the account: no sign-in, no session. */
  disabledAt: number | null;
  /** What the person sees across estates (shared/model/group.ts); estate roles are memberships. */
  groupAccess: GroupAccess;
}

/** A person's role in one estate (the same shape the clients read). */
export type { Membership };

/** The company that runs the estates: its name (and logo) heads notices and labels. */
export interface Organisation {
  name: string;
  /** The logo's photo hash in the blob store, if one was set. */
  logo: string | null;
  createdAt: number;
}

/**
 * A one-time link: the first administrator's setup link, or a person's invitation to set their own password. Only
 * the token's hash is kept.
 */
export interface Invitation {
  id: string;
  tokenHash: string;
  kind: 'setup' | 'join';
  /** The person invited (none for setup). */
  userId: string | null;
  estateId: string | null;
  createdAt: number;
  /** null: valid until used. */
  expiresAt: number | null;
  usedAt: number | null;
}

export interface ReadinessCounts {
  locations: number;
  unlabelled: number;
  inspectors: number;
  departmentStaff: number;
  /** People who have not yet opened their invitation. */
  invited: number;
  channels: number;
}

/** One version of a shared checklist (body: a ChecklistTemplate) or score sheet (a ScoringSheet). */
export interface LibraryEntry {
  kind: LibraryKind;
  id: string;
  version: number;
  body: ChecklistTemplate | ScoringSheet;
}

export interface AuditFilter {
  estateId: string;
  /** Also the changes to the group itself (for the group's administrators). */
  withGroup?: boolean;
  /** Text in who, what, or the states before and after. */
  q?: string;
  action?: AuditAction;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
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

/** A notification channel as stored: the credentials stay on the server. */
export interface Channel {
  id: string;
  estateId: string;
  kind: ChannelKind;
  name: string;
  url: string;
  secret: string;
  audience: Audience;
  createdAt: number;
}

/** One message to one channel in the notification outbox. */
export interface Delivery {
  id: string;
  estateId: string;
  channelId: string;
  dedupe: string;
  title: string;
  body: string;
  /** The path that opens the item, joined to the server's public address when sent. */
  link: string;
  state: DeliveryState;
  attempts: number;
  nextAt: number;
  createdAt: number;
  sentAt: number | null;
  lastError: string | null;
}

/** A tracking link's holder: the owner who reported, or a neighbour who said "me too". */
export type TrackingRole = 'reporter' | 'follower';

export interface StoredReceipt {
  id: string;
  kind: string;
  bodyHash: string;
  receipt: Record<string, unknown>;
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
  /** 0 for a clip: its frames are the device's, not measured here. */
  width: number;
  height: number;
  receivedAt: number;
  /** image/jpeg for every photo (re-encoded here); a clip's own type (video/mp4, video/webm, video/quicktime). */
  mediaType: string;
}

/** A clip part way through its upload, from one sender. */
export interface StagedVideo {
  /** The whole clip's size, as its first part declared it. */
  total: number;
  received: number;
}

export interface IssueFilter {
  estateId: string;
  /** Words of the description, or a reference number (报事单号); or at one of `locationIds` (places whose name matched). */
  q?: { text: string; locationIds: readonly string[] };
  status?: IssueStatus[];
  open?: boolean;
  severity?: Severity[];
  category?: Category[];
  source?: IssueSource[];
  departmentId?: string;
  /** The person who owns the job. */
  assigneeId?: string;
  locationId?: string;
  createdFrom?: number;
  createdTo?: number;
  limit?: number;
  offset?: number;
}

/** Records the API answers as they are stored; their types live with the contract. */
export type { InspectionRecord, MonthlyRecord };

/** A survey campaign (the same shape the console reads). */
export type Campaign = CampaignView;

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

export interface Reads {
  listEstates(): Promise<Estate[]>;
  getEstate(id: string): Promise<Estate | undefined>;
  getPolicy(estateId: string): Promise<DeadlinePolicy>;
  /** The estate's dispatch rules, in their order (none: every finding waits for a supervisor). */
  getRouting(estateId: string): Promise<RoutingRule[]>;
  listBuildings(estateId: string): Promise<Building[]>;
  /** Every location's versions, oldest first, so a past period is judged by what was in force then. */
  locationVersions(estateId: string): Promise<Map<string, LocationVersion[]>>;
  getLocation(id: string): Promise<Location | undefined>;
  getLocationByCode(code: string): Promise<Location | undefined>;
  /** The codes (at most two) of active locations whose code begins with this short code. */
  codesByShortCode(short: string): Promise<string[]>;
  listLocations(estateId: string): Promise<Location[]>;
  kioskSecret(locationId: string): Promise<string | undefined>;
  getTemplate(estateId: string, id: string, version: number): Promise<ChecklistTemplate | undefined>;
  /** The newest version of each template of the estate. */
  latestTemplates(estateId: string): Promise<ChecklistTemplate[]>;
  /** Every template version with the instant it was published. */
  templateVersions(estateId: string): Promise<TemplateVersion[]>;
  listDepartments(estateId: string): Promise<Department[]>;
  /** Bumped in the same transaction as every change to the estate's locations, templates or policy. */
  estateRevision(estateId: string): Promise<number>;

  getOrganisation(): Promise<Organisation | undefined>;
  /** The estate's administrative changes, newest first. */
  auditLog(f: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }>;
  /** The estate whose location had this code before it was replaced. */
  replacedCodeEstate(code: string): Promise<string | undefined>;
  /** The latest version of each of the group's shared checklists and score sheets. */
  groupLibrary(): Promise<LibraryEntry[]>;
  invitationByHash(tokenHash: string): Promise<Invitation | undefined>;
  /** What the getting-started checklist counts, in one read. */
  readinessCounts(estateId: string): Promise<ReadinessCounts>;
  /** How many accounts there are: none means the server still waits for its setup. */
  countUsers(): Promise<number>;
  /** Every account with its memberships, for the operator's admin command. */
  listUsers(): Promise<(User & { memberships: Membership[] })[]>;
  getUser(id: string): Promise<User | undefined>;
  getUserByUsername(username: string): Promise<User | undefined>;
  membershipsOf(userId: string): Promise<Membership[]>;
  membersOf(estateId: string): Promise<(Membership & { username: string; displayName: string; disabled: boolean })[]>;
  getSession(tokenHash: string): Promise<Session | undefined>;
  /** A session with its user and the user's own memberships, in one read: every signed-in request starts with this. */
  sessionWithUser(tokenHash: string): Promise<{ session: Session; user: User; memberships: Membership[] } | undefined>;
  sessionsOf(userId: string): Promise<Session[]>;

  getReceipt(id: string): Promise<StoredReceipt | undefined>;
  getInspection(id: string): Promise<InspectionRecord | undefined>;
  inspectionTimes(estateId: string, from: number, to: number): Promise<InspectionTimeRow[]>;
  /** The same at some of the estate's locations, by location, then time: a large estate's month is read a slice of places at a time. */
  inspectionTimesOfLocations(estateId: string, locationIds: readonly string[], from: number, to: number): Promise<InspectionTimeRow[]>;
  inspectionsAt(locationId: string, from: number, to: number): Promise<InspectionTimeRow[]>;
  /**
   * Inspections committed after `cursor` (from an earlier answer; null: none, just the cursor for now), in commit
   * order as the engine knows it, and the cursor to ask with next time. For catching up with other servers.
   */
  inspectionsAfter(estateId: string, cursor: string | null): Promise<{ rows: InspectionTimeRow[]; cursor: string }>;

  getPhoto(sha256: string): Promise<PhotoMeta | undefined>;
  /** Which of the record's photos have arrived from their author. */
  receivedPhotos(recordId: string): Promise<string[]>;
  /** Records (inspections, issues) that rightly cite a photo: their author sent its bytes. */
  recordsWithPhoto(sha256: string): Promise<string[]>;
  /** Whether `uploader` has sent this file's bytes in full. */
  sentBy(sha256: string, uploader: string): Promise<boolean>;
  /** Where one sender's upload of a clip stands, if it has begun and not yet finished. */
  stagedVideo(uploader: string, sha256: string): Promise<StagedVideo | undefined>;
  /** The parts of a clip one sender uploaded, in order. */
  stagedVideoParts(uploader: string, sha256: string): Promise<Buffer[]>;
  /** How many clips a sender has begun and not finished (an abandoned upload must not pile up). */
  stagedVideoCount(uploader: string): Promise<number>;
  /** The sender's unfinished clip whose last part is oldest. */
  oldestStagedVideo(uploader: string): Promise<string | undefined>;

  getIssue(id: string): Promise<Issue | undefined>;
  issueOrigin(
    id: string,
  ): Promise<{ originId: string | null; ownerContact: string | null; rating: number | null; ratingComment: string | null } | undefined>;
  eventsOf(issueId: string): Promise<IssueEvent[]>;
  listIssues(f: IssueFilter): Promise<{ total: number; issues: Issue[] }>;
  openIssuesAt(locationId: string): Promise<Issue[]>;
  /** Overdue work (the first `limit`, most overdue first) with counts over all of it; `level2Before` from level2DeadlineBefore. */
  overdueIssues(
    estateId: string,
    now: number,
    limit: number,
    level2Before: Record<Severity, number>,
  ): Promise<{ total: number; escalated: number; issues: Issue[] }>;
  /** Work still waiting for its fix whose deadline falls in [from, to), soonest first. */
  dueBetween(estateId: string, from: number, to: number, limit: number): Promise<Issue[]>;
  /** Owner reports waiting to be accepted, and how many more are held for review. */
  /** `lateBefore` (from acceptLateBefore): how many are past their response time. */
  awaitingAcceptance(
    estateId: string,
    limit: number,
    lateBefore: Record<Severity, number>,
  ): Promise<{ total: number; held: number; late: number; issues: Issue[] }>;
  /** 待派单: accepted problems no rule sent anywhere, oldest first. */
  awaitingDispatch(estateId: string, limit: number): Promise<{ total: number; issues: Issue[] }>;
  isHeld(issueId: string): Promise<boolean>;
  urgentSince(estateId: string, since: number, limit: number): Promise<{ total: number; issues: Issue[] }>;
  /** Issues closed before `closedBefore` whose owner data is not yet masked, oldest first. */
  issuesToRedact(estateId: string, closedBefore: number, limit: number): Promise<string[]>;
  /** Open issues an owner said were not fixed since `since`, latest first. */
  notFixedSince(estateId: string, since: number, limit: number): Promise<{ total: number; issues: Issue[] }>;
  issuesCreatedBetween(estateId: string, from: number, to: number): Promise<Issue[]>;
  /** Issues with a deadline in the window or still open: for rectification KPIs. */
  issuesForKpi(estateId: string, from: number, to: number): Promise<Issue[]>;
  trackingToken(tokenHash: string): Promise<{ issueId: string; role: TrackingRole } | undefined>;

  getSheet(estateId: string, id: string, version: number): Promise<ScoringSheet | undefined>;
  latestSheet(estateId: string): Promise<ScoringSheet | undefined>;
  listMonthly(estateId: string): Promise<MonthlyRecord[]>;

  getSurvey(estateId: string, id: string): Promise<SurveyTemplate | undefined>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  getCampaignByCode(code: string): Promise<Campaign | undefined>;
  listCampaigns(estateId: string): Promise<Campaign[]>;
  hasResponse(campaignId: string, household: string): Promise<boolean>;
  responsesOf(campaignId: string): Promise<SurveyResponseRecord[]>;

  listPlanRecords(estateId: string, kind?: PlanRecord['kind']): Promise<PlanRecord[]>;
  /** The estate's notification channels still in use, with their credentials (never sent to a client). */
  listChannels(estateId: string): Promise<Channel[]>;
  getChannel(id: string): Promise<Channel | undefined>;
  /** Deliveries whose time has come, oldest first, across estates. */
  dueDeliveries(now: number, limit: number): Promise<Delivery[]>;
  /** Messages a channel delivered since `since` (its provider's pace). */
  sentSince(channelId: string, since: number): Promise<number>;
  deliveriesOf(estateId: string, limit: number): Promise<Delivery[]>;
  /** Per channel: deliveries waiting and deliveries that failed for good. */
  channelHealth(estateId: string): Promise<{ channelId: string; pending: number; failed: number }[]>;
  kioskRatings(estateId: string, from: number, to: number): Promise<KioskRatingRecord[]>;
  /** The service desk's log: entries whose owner came in within [from, to). */
  deskEntries(estateId: string, from: number, to: number): Promise<DeskEntry[]>;
  /** The improvement measures taken in the estate's reviews of these quarters. */
  measuresOf(estateId: string, quarters: readonly string[]): Promise<Measure[]>;
  getMeasure(estateId: string, id: string): Promise<Measure | undefined>;
  listRoutes(estateId: string): Promise<PatrolRoute[]>;
  getRoute(estateId: string, id: string): Promise<PatrolRoute | undefined>;
  /** Judged guard rounds that started within [from, to), oldest first. */
  roundsBetween(estateId: string, from: number, to: number): Promise<(RoundRecord & { routeId: string })[]>;
}

/** A write transaction: everything done through it lands together, or none of it. */
export interface Writes extends Reads {
  insertChannel(c: Channel): Promise<void>;
  removeChannel(id: string, at: number): Promise<void>;
  /** Queues one message; a second one for the same channel and dedupe key is ignored. */
  enqueueDelivery(d: Delivery): Promise<void>;
  /**
   * Takes a due delivery for sending until `leaseUntil`, if no one else took it since it was read (`nextAt`):
   * several servers never send one message twice.
   */
  claimDelivery(id: string, nextAt: number, leaseUntil: number): Promise<boolean>;
  settleDelivery(id: string, s: Pick<Delivery, 'state' | 'attempts' | 'nextAt' | 'sentAt' | 'lastError'>): Promise<void>;
  /**
   * Waits until no other transaction holds `key`, and holds it to the end of this one (a PostgreSQL advisory lock;
   * SQLite has one writer, so nothing to wait for). For work two servers must not both do, such as the demo seed.
   */
  exclusive(key: string): Promise<void>;
  insertEstate(estate: Estate): Promise<void>;
  /** Its name, zone, households, address and phone (not its archived state). */
  updateEstate(estate: Estate): Promise<void>;
  /** Archives (at) or restores (null) an estate, with the locations archiving stopped. */
  setArchived(estateId: string, at: number | null, locations: readonly string[]): Promise<void>;
  /** The locations archiving stopped, to start again on restore. */
  archivedLocations(estateId: string): Promise<string[]>;
  setPolicy(estateId: string, policy: DeadlinePolicy): Promise<void>;
  setRouting(estateId: string, rules: readonly RoutingRule[]): Promise<void>;
  insertBuilding(b: Building): Promise<void>;
  /** Creates a location; it owes patrols from `at` (its first version). */
  insertLocation(loc: Location, kioskSecret: string, at: number): Promise<void>;
  /** Changes a location; a new version (schedule, kind, active) takes effect at `at`. */
  updateLocation(loc: Location, at: number): Promise<void>;
  insertTemplate(estateId: string, tpl: ChecklistTemplate, at: number): Promise<void>;
  insertDepartment(d: Department): Promise<void>;

  setOrganisation(o: Organisation): Promise<void>;
  markLabelsPrinted(estateId: string, locationIds: readonly string[], at: number): Promise<void>;
  insertAudit(e: AuditEntry): Promise<void>;
  insertGroupTemplate(e: LibraryEntry, at: number, by: string): Promise<void>;
  insertInvitation(i: Invitation): Promise<void>;
  /** Marks an unused, unexpired invitation used; false if it was used (or had expired) already. */
  useInvitation(id: string, at: number): Promise<boolean>;
  /** Withdraws the unused invitations of a kind (for one person, or all setup links). */
  withdrawInvitations(kind: Invitation['kind'], userId: string | null, at: number): Promise<void>;
  insertUser(u: Omit<User, 'disabledAt' | 'groupAccess'>, at: number): Promise<void>;
  setGroupAccess(userId: string, access: GroupAccess): Promise<void>;
  setPassword(userId: string, passwordHash: string): Promise<void>;
  setDisabled(userId: string, at: number | null): Promise<void>;
  putMembership(m: Membership): Promise<void>;
  insertSession(s: Session): Promise<void>;
  touchSession(tokenHash: string, at: number): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends the user's sessions, all of them or all but one. */
  deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void>;

  /**
   * Claims a device-generated id for a record: true if this transaction is the first to use it. A second
   * claim of the same id waits for the first to commit (PostgreSQL) and then gets false.
   */
  claimReceipt(r: Omit<StoredReceipt, 'receipt'> & { estateId: string }, at: number): Promise<boolean>;
  /** The answer given for a claimed id, kept for its retries. */
  setReceipt(id: string, receipt: object): Promise<void>;

  insertInspection(r: InspectionRecord): Promise<void>;
  insertPhoto(p: PhotoMeta): Promise<void>;
  /** `author` (photos/authors.ts) cites the photos; a citation counts once that author has sent the bytes. */
  linkPhotos(recordId: string, sha256s: readonly string[], author: string): Promise<void>;
  /** Records that `uploader` sent this photo's bytes (and so may cite it). */
  addPhotoUploader(sha256: string, uploader: string, at: number): Promise<void>;
  /** One part of a clip, at its first byte; a part already held is kept as it was. */
  stageVideoPart(uploader: string, sha256: string, from: number, total: number, bytes: Buffer, at: number): Promise<void>;
  dropStagedVideo(uploader: string, sha256: string): Promise<void>;
  /** Parts of uploads abandoned before `before`; returns how many parts went. */
  dropStaleVideoParts(before: number): Promise<number>;

  insertIssue(issue: Issue, extras?: IssueExtras): Promise<void>;
  /**
   * PIPL: masks an issue's owner data (contact, an owner report's words, "not fixed" reasons, rating comments) and ends
   * its tracking links; the figures (status, times, ratings) stay.
   */
  redactOwnerData(issueId: string, at: number): Promise<void>;
  updateIssue(issue: Issue): Promise<void>;
  setRating(id: string, rating: number, comment: string): Promise<void>;
  appendEvent(e: IssueEvent): Promise<void>;
  insertTrackingToken(tokenHash: string, issueId: string, at: number, role: TrackingRole): Promise<void>;

  insertSheet(estateId: string, sheet: ScoringSheet): Promise<void>;
  insertMonthly(r: MonthlyRecord): Promise<void>;
  insertSurvey(estateId: string, s: SurveyTemplate): Promise<void>;
  insertCampaign(c: Campaign): Promise<void>;
  insertResponse(r: SurveyResponseRecord): Promise<void>;
  insertPlanRecord(estateId: string, r: PlanRecord, at: number): Promise<void>;
  insertKioskRating(r: KioskRatingRecord): Promise<void>;
  insertDeskEntry(e: DeskEntry): Promise<void>;
  /**
   * Masks what owners said at the desk (the summary, the household) in entries answered before `before` that did
   * not become an issue, or whose issue was masked already; the topic and times stay for the figures. How many.
   */
  redactDeskEntries(estateId: string, before: number): Promise<number>;
  insertMeasure(m: Measure): Promise<void>;
  setMeasureStatus(estateId: string, id: string, status: Measure['status'], doneAt: number | null): Promise<void>;
  putRoute(route: PatrolRoute, at: number): Promise<void>;
  insertRound(estateId: string, round: RoundRecord & { routeId: string; scans: RouteScan[] }, at: number): Promise<void>;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Reads outside any transaction: each sees the latest commit. */
  readonly read: Reads;
  /**
   * Runs `fn` in one write transaction: all of it lands, or none. On SQLite, writes that arrive together
   * share one commit (one fsync), each in its own savepoint. `fn` must do only database work: slow work
   * (hashing, files) goes before, so the writer is never held waiting.
   */
  write<T>(fn: (tx: Writes) => Promise<T>): Promise<T>;
  /** Throws unless the database answers a query now. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The store as seen from inside one write transaction: services called with it read and write through `tx`,
 * so a caller can make several services' work land together (the demo seed does: all of it, or none).
 */
export function withinTransaction(store: Store, tx: Writes): Store {
  return { engine: store.engine, read: tx, write: (fn) => fn(tx), ping: store.ping, close: store.close };
}
