/**
 * Every route of the API, once. The server registers each from here (server/http/contract.ts); clients call
 * them by name: `call(API.fieldKit, { params: { estateId } })`.
 */
import type { Alerts } from '../model/alerts.ts';
import type {
  AccountSwitched,
  CampaignCreated,
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
  LocationsImported,
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
  SignedIn,
  InvitationLink,
  InvitationView,
  OwnerData,
  PeopleImported,
  UserCreated,
} from '../model/answers.ts';
import { InspectionSubmission, type ChecklistTemplate } from '../model/checklist.ts';
import { DeskEntrySubmission } from '../model/desk.ts';
import { MeasureInput, MeasureStatusChange, type Measure } from '../model/review.ts';
import { RouteInput, RouteRoundSubmission, type PatrolRoute } from '../model/route.ts';
import { LocationImportRequest, LocationInput, type Building, type Department, type Estate, type Location } from '../model/estate.ts';
import { GeneralReport, IssueActionRequest, MeTooRequest, NotFixedRequest, OwnerRating, OwnerReport } from '../model/issue.ts';
import type {
  InspectionReceipt,
  IssueActionReceipt,
  DeskEntryReceipt,
  RouteRoundReceipt,
  KioskRatingReceipt,
  ManualIssueReceipt,
  MeTooReceipt,
  MonthlyReceipt,
  OwnerReportReceipt,
  PlanRecordReceipt,
  SurveyResponseReceipt,
} from '../model/receipts.ts';
import {
  BuildingInput,
  ChangePasswordRequest,
  DepartmentInput,
  LoginRequest,
  ManualIssueInput,
  PlanRecord,
  PolicyInput,
  ResetPasswordRequest,
  TemplateInput,
  UserInput,
  MembershipInput,
  JoinRequest,
  JoinToken,
  PeopleImportRequest,
} from '../model/records.ts';
import { RoutingInput } from '../model/routing.ts';
import {
  ChannelInput,
  PushEndpoint,
  PushSubscriptionInput,
  type ChannelTest,
  type ChannelView,
  type ChannelsOverview,
  type PushKey,
} from '../model/channels.ts';
import { MonthlyInspectionSubmission, type ScoringSheet } from '../model/scoring.ts';
import { EstateInput, LabelsPrinted, SetupRequest, type Readiness, type SetupStatus } from '../model/setup.ts';
import type { AuditPage } from '../model/audit.ts';
import {
  GroupAccess,
  PublishRequest,
  SheetInput,
  type GroupLibrary,
  type GroupOverview,
  type GroupPeople,
  type Published,
} from '../model/group.ts';
import { CampaignInput, KioskRating, SurveyResponseSubmission } from '../model/survey.ts';
import type { DeadlinePolicy } from '../rules/deadlines.ts';
import { answer, del, get, post, put } from './endpoint.ts';

/** A photo's or a clip's bytes, not JSON (served with its own type, in ranges for a clip). */
export interface ImageBytes {
  readonly image: true;
}

const ESTATE = '/api/estates/:estateId';

// Signing in and one's own account.
export const login = /* @__PURE__ */ post('/api/auth/login', LoginRequest, answer<SignedIn>());
export const logout = /* @__PURE__ */ post('/api/auth/logout', null, answer<Done>());
export const me = /* @__PURE__ */ get('/api/auth/me', answer<Me>());
export const changePassword = /* @__PURE__ */ post('/api/auth/password', ChangePasswordRequest, answer<Done>());
export const mySessions = /* @__PURE__ */ get('/api/auth/sessions', answer<SessionList>());
export const endMySession = /* @__PURE__ */ del('/api/auth/sessions/:id', answer<Done>());

// What a QR code opens, with or without an account.
export const landing = /* @__PURE__ */ get('/api/locations/by-code/:code', answer<LocationLanding>());
export const serviceHelp = /* @__PURE__ */ get('/api/help', answer<ServiceHelp>());
// The location a code typed from a label (its first ten characters) belongs to.
export const byShortCode = /* @__PURE__ */ get('/api/locations/by-short-code/:short', answer<{ code: string }>());
export const reportProblem = /* @__PURE__ */ post('/api/owner/reports', OwnerReport, answer<OwnerReportReceipt>());
/** A report with no location code: the estate chosen, the place in words. */
export const generalReport = /* @__PURE__ */ post('/api/owner/general-reports', GeneralReport, answer<OwnerReportReceipt>());
export const meToo = /* @__PURE__ */ post('/api/owner/me-too', MeTooRequest, answer<MeTooReceipt>());
export const tracking = /* @__PURE__ */ get('/api/track/:token', answer<OwnerTracking>());
export const confirmFixed = /* @__PURE__ */ post('/api/track/:token/confirm', null, answer<OwnerTracking>());
export const notFixed = /* @__PURE__ */ post('/api/track/:token/not-fixed', NotFixedRequest, answer<OwnerTracking>());
export const rateHandling = /* @__PURE__ */ post('/api/track/:token/rating', OwnerRating, answer<OwnerTracking>());
export const trackedPhoto = /* @__PURE__ */ get('/api/track/:token/photos/:sha', answer<ImageBytes>());
export const rateAtKiosk = /* @__PURE__ */ post('/api/kiosk/ratings', KioskRating, answer<KioskRatingReceipt>());
/** 接待登记: an owner's visit or call, logged at the service desk. */
export const logDeskEntry = /* @__PURE__ */ post('/api/desk-entries', DeskEntrySubmission, answer<DeskEntryReceipt>());
export const survey = /* @__PURE__ */ get('/api/surveys/:code', answer<PublicSurvey>());
export const answerSurvey = /* @__PURE__ */ post('/api/surveys/:code/responses', SurveyResponseSubmission, answer<SurveyResponseReceipt>());

// Field work: patrol rounds, photos, issues.
export const submitInspection = /* @__PURE__ */ post('/api/inspections', InspectionSubmission, answer<InspectionReceipt>());
export const inspection = /* @__PURE__ */ get('/api/inspections/:id', answer<InspectionView>());
export const uploadPhoto = /* @__PURE__ */ put('/api/photos/:sha', null, answer<PhotoStored>());
/** A photo or a clip, by hash, to whoever may see a record citing it. */
export const photo = /* @__PURE__ */ get('/api/photos/:sha', answer<ImageBytes>());
/** One part of a clip, its first byte and the whole clip's size in the query (?from=&size=): resumable. */
export const uploadVideoPart = /* @__PURE__ */ put('/api/videos/:sha', null, answer<VideoProgress>());
/** How much of a clip this sender has uploaded, to resume from there. */
export const videoProgress = /* @__PURE__ */ get('/api/videos/:sha', answer<VideoProgress>());
export const issue = /* @__PURE__ */ get('/api/issues/:id', answer<IssueView>());
export const actOnIssue = /* @__PURE__ */ post('/api/issues/:id/actions', IssueActionRequest, answer<IssueActionReceipt>());

// The group above the estates: who holds a group role, and the estates side by side (`?month=YYYY-MM`, `&format=csv`).
export const groupPeople = /* @__PURE__ */ get('/api/group/people', answer<GroupPeople>());
export const setGroupAccess = /* @__PURE__ */ put('/api/group/people/:userId', GroupAccess, answer<GroupAccess>());
export const groupOverview = /* @__PURE__ */ get('/api/group/overview', answer<GroupOverview>());
// Shared checklists and score sheets: edited as the group's (each edit a new version), published into chosen estates.
export const groupLibrary = /* @__PURE__ */ get('/api/group/library', answer<GroupLibrary>());
export const saveGroupChecklist = /* @__PURE__ */ post('/api/group/checklists', TemplateInput, answer<ChecklistTemplate>());
export const saveGroupSheet = /* @__PURE__ */ post('/api/group/sheets', SheetInput, answer<ScoringSheet>());
export const publishFromLibrary = /* @__PURE__ */ post('/api/group/publish', PublishRequest, answer<Published>());

// One estate.
export const estates = /* @__PURE__ */ get('/api/estates', answer<Estate[]>());
// The getting-started checklist, and the labels a print run covered.
export const readiness = /* @__PURE__ */ get(`${ESTATE}/readiness`, answer<Readiness>());
export const labelsPrinted = /* @__PURE__ */ post(`${ESTATE}/labels/printed`, LabelsPrinted, answer<Done>());
// PIPL: an owner's data on one report, exported or erased on their request.
export const ownerData = /* @__PURE__ */ get('/api/issues/:id/owner-data', answer<OwnerData>());
export const eraseOwnerData = /* @__PURE__ */ post('/api/issues/:id/owner-data/erase', null, answer<Done>());
// The audit log of administrative changes (`?q=&action=&from=&to=`, `?format=csv`).
export const auditLog = /* @__PURE__ */ get(`${ESTATE}/audit`, answer<AuditPage>());
// Estates: an administrator adds one (with the defaults), edits it, archives and restores it.
export const createEstate = /* @__PURE__ */ post('/api/estates', EstateInput, answer<Estate>());
export const updateEstate = /* @__PURE__ */ put(ESTATE, EstateInput, answer<Estate>());
export const archiveEstate = /* @__PURE__ */ post(`${ESTATE}/archive`, null, answer<Estate>());
export const restoreEstate = /* @__PURE__ */ post(`${ESTATE}/restore`, null, answer<Estate>());
export const fieldKit = /* @__PURE__ */ get(`${ESTATE}/field-kit`, answer<FieldKit>());
export const myDay = /* @__PURE__ */ get(`${ESTATE}/my-day`, answer<MyDay>());
export const alerts = /* @__PURE__ */ get(`${ESTATE}/alerts`, answer<Alerts>());
export const issues = /* @__PURE__ */ get(`${ESTATE}/issues`, answer<IssuePage>());
export const raiseIssue = /* @__PURE__ */ post(`${ESTATE}/issues`, ManualIssueInput, answer<ManualIssueReceipt>());
export const notices = /* @__PURE__ */ get(`${ESTATE}/notices`, answer<NoticeList>());
export const planRecords = /* @__PURE__ */ get(`${ESTATE}/records`, answer<PlanRecordList>());
export const addPlanRecord = /* @__PURE__ */ post(`${ESTATE}/records`, PlanRecord, answer<PlanRecordReceipt>());
/** 持续改进: a quarter's review, the measures taken in it, and last quarter's measures before and after. */
export const quarterReview = /* @__PURE__ */ get(`${ESTATE}/reviews/:quarter`, answer<QuarterReview>());
export const addMeasure = /* @__PURE__ */ post(`${ESTATE}/reviews/:quarter/measures`, MeasureInput, answer<Measure>());
export const setMeasureStatus = /* @__PURE__ */ put(`${ESTATE}/measures/:id/status`, MeasureStatusChange, answer<Measure>());
/** 巡更: the estate's guard routes, one route's set-up, and a round walked on it. */
export const routes = /* @__PURE__ */ get(`${ESTATE}/routes`, answer<RouteList>());
export const saveRoute = /* @__PURE__ */ put(`${ESTATE}/routes/:id`, RouteInput, answer<PatrolRoute>());
export const submitRound = /* @__PURE__ */ post(`${ESTATE}/routes/:id/rounds`, RouteRoundSubmission, answer<RouteRoundReceipt>());
export const routeAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/routes`, answer<RouteAnalysis>());
export const monthly = /* @__PURE__ */ get(`${ESTATE}/monthly`, answer<MonthlyList>());
export const submitMonthly = /* @__PURE__ */ post(`${ESTATE}/monthly`, MonthlyInspectionSubmission, answer<MonthlyReceipt>());
export const campaigns = /* @__PURE__ */ get(`${ESTATE}/campaigns`, answer<CampaignList>());
export const createCampaign = /* @__PURE__ */ post(`${ESTATE}/campaigns`, CampaignInput, answer<CampaignCreated>());
export const enterSurveyResponse = /* @__PURE__ */ post(
  `${ESTATE}/campaigns/:id/responses`,
  SurveyResponseSubmission,
  answer<SurveyResponseReceipt>(),
);

// Analysis; `?format=csv` answers the table as CSV instead.
export const patrolAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/patrols`, answer<PatrolAnalysis>());
export const issueAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/issues`, answer<IssueAnalysis>());
export const deskAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/desk`, answer<DeskAnalysis>());
export const rectificationAnalysis = /* @__PURE__ */ get(`${ESTATE}/analysis/rectification`, answer<DepartmentRectification[]>());
export const satisfactionTrend = /* @__PURE__ */ get(`${ESTATE}/analysis/satisfaction`, answer<SatisfactionTrend>());
export const kpi = /* @__PURE__ */ get(`${ESTATE}/analysis/kpi`, answer<KpiReport>());

// Administration.
export const setup = /* @__PURE__ */ get(`${ESTATE}/setup`, answer<EstateSetup>());
export const addLocation = /* @__PURE__ */ post(`${ESTATE}/locations`, LocationInput, answer<Location>());
export const importLocations = /* @__PURE__ */ post(`${ESTATE}/locations/import`, LocationImportRequest, answer<LocationsImported>());
export const changeLocation = /* @__PURE__ */ put(`${ESTATE}/locations/:id`, LocationInput, answer<Location>());
export const revokeCode = /* @__PURE__ */ post(`${ESTATE}/locations/:id/revoke-code`, null, answer<Location>());
export const kioskLink = /* @__PURE__ */ get(`${ESTATE}/locations/:id/kiosk-link`, answer<KioskLink>());
export const kioskCode = /* @__PURE__ */ get(`${ESTATE}/locations/:id/kiosk-code`, answer<KioskCode>());
export const addBuilding = /* @__PURE__ */ post(`${ESTATE}/buildings`, BuildingInput, answer<Building>());
export const addDepartment = /* @__PURE__ */ post(`${ESTATE}/departments`, DepartmentInput, answer<Department>());
export const addUser = /* @__PURE__ */ post(`${ESTATE}/users`, UserInput, answer<UserCreated>());
export const setPolicy = /* @__PURE__ */ put(`${ESTATE}/policy`, PolicyInput, answer<DeadlinePolicy>());
export const setRouting = /* @__PURE__ */ put(`${ESTATE}/routing`, RoutingInput, answer<RoutingInput>());
export const channels = /* @__PURE__ */ get(`${ESTATE}/channels`, answer<ChannelsOverview>());
export const addChannel = /* @__PURE__ */ post(`${ESTATE}/channels`, ChannelInput, answer<ChannelView>());
export const removeChannel = /* @__PURE__ */ del(`${ESTATE}/channels/:id`, answer<Done>());
export const testChannel = /* @__PURE__ */ post(`${ESTATE}/channels/:id/test`, null, answer<ChannelTest>());
// The first start: the one-time setup link's form (server/services/first-run.ts).
export const firstRun = /* @__PURE__ */ get('/api/setup', answer<SetupStatus>());
export const completeSetup = /* @__PURE__ */ post('/api/setup', SetupRequest, answer<SignedIn>());
// Web Push: the server's public key, and a person's phone turning its notifications on and off in an estate.
export const pushKey = /* @__PURE__ */ get('/api/push/key', answer<PushKey>());
export const subscribePush = /* @__PURE__ */ put(`${ESTATE}/push`, PushSubscriptionInput, answer<ChannelView>());
export const unsubscribePush = /* @__PURE__ */ post(`${ESTATE}/push/off`, PushEndpoint, answer<Done>());
export const publishTemplate = /* @__PURE__ */ post(`${ESTATE}/templates`, TemplateInput, answer<ChecklistTemplate>());
export const invite = /* @__PURE__ */ post(`${ESTATE}/users/:userId/invitation`, null, answer<InvitationLink>());
export const importPeople = /* @__PURE__ */ post(`${ESTATE}/users/import`, PeopleImportRequest, answer<PeopleImported>());
// The invited person, on their phone, with no account session yet.
export const peekInvitation = /* @__PURE__ */ post('/api/join/peek', JoinToken, answer<InvitationView>());
export const acceptInvitation = /* @__PURE__ */ post('/api/join', JoinRequest, answer<SignedIn>());
export const setMembership = /* @__PURE__ */ put(`${ESTATE}/users/:userId/membership`, MembershipInput, answer<Done>());
export const resetPassword = /* @__PURE__ */ post(`${ESTATE}/users/:userId/password`, ResetPasswordRequest, answer<Done>());
export const disableUser = /* @__PURE__ */ post(`${ESTATE}/users/:userId/disable`, null, answer<AccountSwitched>());
export const enableUser = /* @__PURE__ */ post(`${ESTATE}/users/:userId/enable`, null, answer<AccountSwitched>());
export const userSessions = /* @__PURE__ */ get(`${ESTATE}/users/:userId/sessions`, answer<SessionList>());
export const endUserSessions = /* @__PURE__ */ del(`${ESTATE}/users/:userId/sessions`, answer<Done>());
