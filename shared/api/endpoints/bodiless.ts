/**
 * The routes that take no JSON body: what is read, and the commands their path says all of (sign out, revoke a code).
 * Apart from the routes with a body (with-body.ts), so that a page that only reads loads none of their schemas.
 */
import type { Alerts } from '../../model/alerts.ts';
import type {
  AccountSwitched,
  CampaignList,
  DepartmentRectification,
  Done,
  EstateSetup,
  FieldKit,
  InspectionView,
  DeskAnalysis,
  QuarterReview,
  RouteAnalysis,
  RouteList,
  IssueAnalysis,
  IssuePage,
  IssueView,
  KioskCode,
  KioskLink,
  KpiReport,
  LocationLanding,
  Me,
  MyDay,
  MonthlyList,
  NoticeList,
  OwnerTracking,
  PatrolAnalysis,
  PhotoStored,
  VideoProgress,
  PlanRecordList,
  PublicSurvey,
  SatisfactionTrend,
  SessionList,
  ServiceHelp,
  InvitationLink,
  OwnerData,
} from '../../model/answers.ts';
import type { Estate, Location } from '../../model/estate.ts';
import type { ChannelTest, ChannelsOverview, PushKey } from '../../model/channels.ts';
import type { Readiness, SetupStatus } from '../../model/setup.ts';
import type { AuditPage } from '../../model/audit.ts';
import type { GroupLibrary, GroupOverview, GroupPeople } from '../../model/group.ts';
import { answer, del, get, post, put } from '../endpoint.ts';

/** A photo's or a clip's bytes, not JSON (served with its own type, in ranges for a clip). */
export interface ImageBytes {
  readonly image: true;
}

const ESTATE = '/api/estates/:estateId';

// Signing in and one's own account.
export const logout = /* @__PURE__ */ post('/api/auth/logout', null, answer<Done>());
export const me = /* @__PURE__ */ get('/api/auth/me', answer<Me>());
export const mySessions = /* @__PURE__ */ get('/api/auth/sessions', answer<SessionList>());
export const endMySession = /* @__PURE__ */ del('/api/auth/sessions/:id', answer<Done>());

// What a QR code opens, with or without an account.
export const landing = /* @__PURE__ */ get('/api/locations/by-code/:code', answer<LocationLanding>());
export const serviceHelp = /* @__PURE__ */ get('/api/help', answer<ServiceHelp>());
// The location a code typed from a label (its first ten characters) belongs to.
export const byShortCode = /* @__PURE__ */ get('/api/locations/by-short-code/:short', answer<{ code: string }>());
export const tracking = /* @__PURE__ */ get('/api/track/:token', answer<OwnerTracking>());
export const confirmFixed = /* @__PURE__ */ post('/api/track/:token/confirm', null, answer<OwnerTracking>());
export const trackedPhoto = /* @__PURE__ */ get('/api/track/:token/photos/:sha', answer<ImageBytes>());
export const survey = /* @__PURE__ */ get('/api/surveys/:code', answer<PublicSurvey>());

// Field work: patrol rounds, photos, issues.
export const inspection = /* @__PURE__ */ get('/api/inspections/:id', answer<InspectionView>());
export const uploadPhoto = /* @__PURE__ */ put('/api/photos/:sha', null, answer<PhotoStored>());
/** A photo or a clip, by hash, to whoever may see a record citing it. */
export const photo = /* @__PURE__ */ get('/api/photos/:sha', answer<ImageBytes>());
/** One part of a clip, its first byte and the whole clip's size in the query (?from=&size=): resumable. */
export const uploadVideoPart = /* @__PURE__ */ put('/api/videos/:sha', null, answer<VideoProgress>());
/** How much of a clip this sender has uploaded, to resume from there. */
export const videoProgress = /* @__PURE__ */ get('/api/videos/:sha', answer<VideoProgress>());
export const issue = /* @__PURE__ */ get('/api/issues/:id', answer<IssueView>());

// The group above the estates: who holds a group role, and the estates side by side (`?month=YYYY-MM`, `&format=csv`).
export const groupPeople = /* @__PURE__ */ get('/api/group/people', answer<GroupPeople>());
export const groupOverview = /* @__PURE__ */ get('/api/group/overview', answer<GroupOverview>());
// Shared checklists and score sheets: edited as the group's (each edit a new version), published into chosen estates.
export const groupLibrary = /* @__PURE__ */ get('/api/group/library', answer<GroupLibrary>());

// One estate.
export const estates = /* @__PURE__ */ get('/api/estates', answer<Estate[]>());
// The getting-started checklist, and the labels a print run covered.
export const readiness = /* @__PURE__ */ get(`${ESTATE}/readiness`, answer<Readiness>());
// PIPL: an owner's data on one report, exported or erased on their request.
export const ownerData = /* @__PURE__ */ get('/api/issues/:id/owner-data', answer<OwnerData>());
export const eraseOwnerData = /* @__PURE__ */ post('/api/issues/:id/owner-data/erase', null, answer<Done>());
// The audit log of administrative changes (`?q=&action=&from=&to=`, `?format=csv`).
export const auditLog = /* @__PURE__ */ get(`${ESTATE}/audit`, answer<AuditPage>());
export const archiveEstate = /* @__PURE__ */ post(`${ESTATE}/archive`, null, answer<Estate>());
export const restoreEstate = /* @__PURE__ */ post(`${ESTATE}/restore`, null, answer<Estate>());
export const fieldKit = /* @__PURE__ */ get(`${ESTATE}/field-kit`, answer<FieldKit>());
export const myDay = /* @__PURE__ */ get(`${ESTATE}/my-day`, answer<MyDay>());
export const alerts = /* @__PURE__ */ get(`${ESTATE}/alerts`, answer<Alerts>());
export const issues = /* @__PURE__ */ get(`${ESTATE}/issues`, answer<IssuePage>());
export const notices = /* @__PURE__ */ get(`${ESTATE}/notices`, answer<NoticeList>());
export const planRecords = /* @__PURE__ */ get(`${ESTATE}/records`, answer<PlanRecordList>());
/** 持续改进: a quarter's review, the measures taken in it, and last quarter's measures before and after. */
export const quarterReview = /* @__PURE__ */ get(`${ESTATE}/reviews/:quarter`, answer<QuarterReview>());
/** 巡更: the estate's guard routes, one route's set-up, and a round walked on it. */
export const routes = /* @__PURE__ */ get(`${ESTATE}/routes`, answer<RouteList>());
export const routeAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/routes`, answer<RouteAnalysis>());
export const monthly = /* @__PURE__ */ get(`${ESTATE}/monthly`, answer<MonthlyList>());
export const campaigns = /* @__PURE__ */ get(`${ESTATE}/campaigns`, answer<CampaignList>());

// Analysis; `?format=csv` answers the table as CSV instead.
export const patrolAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/patrols`, answer<PatrolAnalysis>());
export const issueAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/issues`, answer<IssueAnalysis>());
export const deskAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/desk`, answer<DeskAnalysis>());
export const rectificationAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/rectification`, answer<DepartmentRectification[]>());
export const satisfactionTrend = /* @__PURE__ */ get(`${ESTATE}/analysis/satisfaction`, answer<SatisfactionTrend>());
export const kpi = /* @__PURE__ */ get(`${ESTATE}/analysis/kpi`, answer<KpiReport>());

// Administration.
export const setup = /* @__PURE__ */ get(`${ESTATE}/setup`, answer<EstateSetup>());
export const revokeCode = /* @__PURE__ */ post(`${ESTATE}/locations/:id/revoke-code`, null, answer<Location>());
export const kioskLink = /* @__PURE__ */ get(`${ESTATE}/locations/:id/kiosk-link`, answer<KioskLink>());
export const kioskCode = /* @__PURE__ */ get(`${ESTATE}/locations/:id/kiosk-code`, answer<KioskCode>());
export const channels = /* @__PURE__ */ get(`${ESTATE}/channels`, answer<ChannelsOverview>());
export const removeChannel = /* @__PURE__ */ del(`${ESTATE}/channels/:id`, answer<Done>());
export const testChannel = /* @__PURE__ */ post(`${ESTATE}/channels/:id/test`, null, answer<ChannelTest>());
// The first start: the one-time setup link's form (server/services/first-run.ts).
export const firstRun = /* @__PURE__ */ get('/api/setup', answer<SetupStatus>());
// Web Push: the server's public key, and a person's phone turning its notifications on and off in an estate.
export const pushKey = /* @__PURE__ */ get('/api/push/key', answer<PushKey>());
export const invite = /* @__PURE__ */ post(`${ESTATE}/users/:userId/invitation`, null, answer<InvitationLink>());
export const disableUser = /* @__PURE__ */ post(`${ESTATE}/users/:userId/disable`, null, answer<AccountSwitched>());
export const enableUser = /* @__PURE__ */ post(`${ESTATE}/users/:userId/enable`, null, answer<AccountSwitched>());
export const userSessions = /* @__PURE__ */ get(`${ESTATE}/users/:userId/sessions`, answer<SessionList>());
export const endUserSessions = /* @__PURE__ */ del(`${ESTATE}/users/:userId/sessions`, answer<Done>());
