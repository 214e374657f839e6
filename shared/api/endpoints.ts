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

export const API = {
  // Signing in and one's own account.
  login: post('/api/auth/login', LoginRequest, answer<SignedIn>()),
  logout: post('/api/auth/logout', null, answer<Done>()),
  me: get('/api/auth/me', answer<Me>()),
  changePassword: post('/api/auth/password', ChangePasswordRequest, answer<Done>()),
  mySessions: get('/api/auth/sessions', answer<SessionList>()),
  endMySession: del('/api/auth/sessions/:id', answer<Done>()),

  // What a QR code opens, with or without an account.
  landing: get('/api/locations/by-code/:code', answer<LocationLanding>()),
  serviceHelp: get('/api/help', answer<ServiceHelp>()),
  // The location a code typed from a label (its first ten characters) belongs to.
  byShortCode: get('/api/locations/by-short-code/:short', answer<{ code: string }>()),
  reportProblem: post('/api/owner/reports', OwnerReport, answer<OwnerReportReceipt>()),
  /** A report with no location code: the estate chosen, the place in words. */
  generalReport: post('/api/owner/general-reports', GeneralReport, answer<OwnerReportReceipt>()),
  meToo: post('/api/owner/me-too', MeTooRequest, answer<MeTooReceipt>()),
  tracking: get('/api/track/:token', answer<OwnerTracking>()),
  confirmFixed: post('/api/track/:token/confirm', null, answer<OwnerTracking>()),
  notFixed: post('/api/track/:token/not-fixed', NotFixedRequest, answer<OwnerTracking>()),
  rateHandling: post('/api/track/:token/rating', OwnerRating, answer<OwnerTracking>()),
  trackedPhoto: get('/api/track/:token/photos/:sha', answer<ImageBytes>()),
  rateAtKiosk: post('/api/kiosk/ratings', KioskRating, answer<KioskRatingReceipt>()),
  /** 接待登记: an owner's visit or call, logged at the service desk. */
  logDeskEntry: post('/api/desk-entries', DeskEntrySubmission, answer<DeskEntryReceipt>()),
  survey: get('/api/surveys/:code', answer<PublicSurvey>()),
  answerSurvey: post('/api/surveys/:code/responses', SurveyResponseSubmission, answer<SurveyResponseReceipt>()),

  // Field work: patrol rounds, photos, issues.
  submitInspection: post('/api/inspections', InspectionSubmission, answer<InspectionReceipt>()),
  inspection: get('/api/inspections/:id', answer<InspectionView>()),
  uploadPhoto: put('/api/photos/:sha', null, answer<PhotoStored>()),
  /** A photo or a clip, by hash, to whoever may see a record citing it. */
  photo: get('/api/photos/:sha', answer<ImageBytes>()),
  /** One part of a clip, its first byte and the whole clip's size in the query (?from=&size=): resumable. */
  uploadVideoPart: put('/api/videos/:sha', null, answer<VideoProgress>()),
  /** How much of a clip this sender has uploaded, to resume from there. */
  videoProgress: get('/api/videos/:sha', answer<VideoProgress>()),
  issue: get('/api/issues/:id', answer<IssueView>()),
  actOnIssue: post('/api/issues/:id/actions', IssueActionRequest, answer<IssueActionReceipt>()),

  // The group above the estates: who holds a group role, and the estates side by side (`?month=YYYY-MM`, `&format=csv`).
  groupPeople: get('/api/group/people', answer<GroupPeople>()),
  setGroupAccess: put('/api/group/people/:userId', GroupAccess, answer<GroupAccess>()),
  groupOverview: get('/api/group/overview', answer<GroupOverview>()),
  // Shared checklists and score sheets: edited as the group's (each edit a new version), published into chosen estates.
  groupLibrary: get('/api/group/library', answer<GroupLibrary>()),
  saveGroupChecklist: post('/api/group/checklists', TemplateInput, answer<ChecklistTemplate>()),
  saveGroupSheet: post('/api/group/sheets', SheetInput, answer<ScoringSheet>()),
  publishFromLibrary: post('/api/group/publish', PublishRequest, answer<Published>()),

  // One estate.
  estates: get('/api/estates', answer<Estate[]>()),
  // The getting-started checklist, and the labels a print run covered.
  readiness: get(`${ESTATE}/readiness`, answer<Readiness>()),
  labelsPrinted: post(`${ESTATE}/labels/printed`, LabelsPrinted, answer<Done>()),
  // PIPL: an owner's data on one report, exported or erased on their request.
  ownerData: get('/api/issues/:id/owner-data', answer<OwnerData>()),
  eraseOwnerData: post('/api/issues/:id/owner-data/erase', null, answer<Done>()),
  // The audit log of administrative changes (`?q=&action=&from=&to=`, `?format=csv`).
  auditLog: get(`${ESTATE}/audit`, answer<AuditPage>()),
  // Estates: an administrator adds one (with the defaults), edits it, archives and restores it.
  createEstate: post('/api/estates', EstateInput, answer<Estate>()),
  updateEstate: put(ESTATE, EstateInput, answer<Estate>()),
  archiveEstate: post(`${ESTATE}/archive`, null, answer<Estate>()),
  restoreEstate: post(`${ESTATE}/restore`, null, answer<Estate>()),
  fieldKit: get(`${ESTATE}/field-kit`, answer<FieldKit>()),
  myDay: get(`${ESTATE}/my-day`, answer<MyDay>()),
  alerts: get(`${ESTATE}/alerts`, answer<Alerts>()),
  issues: get(`${ESTATE}/issues`, answer<IssuePage>()),
  raiseIssue: post(`${ESTATE}/issues`, ManualIssueInput, answer<ManualIssueReceipt>()),
  notices: get(`${ESTATE}/notices`, answer<NoticeList>()),
  planRecords: get(`${ESTATE}/records`, answer<PlanRecordList>()),
  addPlanRecord: post(`${ESTATE}/records`, PlanRecord, answer<PlanRecordReceipt>()),
  /** 持续改进: a quarter's review, the measures taken in it, and last quarter's measures before and after. */
  quarterReview: get(`${ESTATE}/reviews/:quarter`, answer<QuarterReview>()),
  addMeasure: post(`${ESTATE}/reviews/:quarter/measures`, MeasureInput, answer<Measure>()),
  setMeasureStatus: put(`${ESTATE}/measures/:id/status`, MeasureStatusChange, answer<Measure>()),
  /** 巡更: the estate's guard routes, one route's set-up, and a round walked on it. */
  routes: get(`${ESTATE}/routes`, answer<RouteList>()),
  saveRoute: put(`${ESTATE}/routes/:id`, RouteInput, answer<PatrolRoute>()),
  submitRound: post(`${ESTATE}/routes/:id/rounds`, RouteRoundSubmission, answer<RouteRoundReceipt>()),
  routeAnalysis: get(`${ESTATE}/analysis/routes`, answer<RouteAnalysis>()),
  monthly: get(`${ESTATE}/monthly`, answer<MonthlyList>()),
  submitMonthly: post(`${ESTATE}/monthly`, MonthlyInspectionSubmission, answer<MonthlyReceipt>()),
  campaigns: get(`${ESTATE}/campaigns`, answer<CampaignList>()),
  createCampaign: post(`${ESTATE}/campaigns`, CampaignInput, answer<CampaignCreated>()),
  enterSurveyResponse: post(`${ESTATE}/campaigns/:id/responses`, SurveyResponseSubmission, answer<SurveyResponseReceipt>()),

  // Analysis; `?format=csv` answers the table as CSV instead.
  patrolAnalysis: get(`${ESTATE}/analysis/patrols`, answer<PatrolAnalysis>()),
  issueAnalysis: get(`${ESTATE}/analysis/issues`, answer<IssueAnalysis>()),
  deskAnalysis: get(`${ESTATE}/analysis/desk`, answer<DeskAnalysis>()),
  rectificationAnalysis: get(`${ESTATE}/analysis/rectification`, answer<DepartmentRectification[]>()),
  satisfactionTrend: get(`${ESTATE}/analysis/satisfaction`, answer<SatisfactionTrend>()),
  kpi: get(`${ESTATE}/analysis/kpi`, answer<KpiReport>()),

  // Administration.
  setup: get(`${ESTATE}/setup`, answer<EstateSetup>()),
  addLocation: post(`${ESTATE}/locations`, LocationInput, answer<Location>()),
  importLocations: post(`${ESTATE}/locations/import`, LocationImportRequest, answer<LocationsImported>()),
  changeLocation: put(`${ESTATE}/locations/:id`, LocationInput, answer<Location>()),
  revokeCode: post(`${ESTATE}/locations/:id/revoke-code`, null, answer<Location>()),
  kioskLink: get(`${ESTATE}/locations/:id/kiosk-link`, answer<KioskLink>()),
  kioskCode: get(`${ESTATE}/locations/:id/kiosk-code`, answer<KioskCode>()),
  addBuilding: post(`${ESTATE}/buildings`, BuildingInput, answer<Building>()),
  addDepartment: post(`${ESTATE}/departments`, DepartmentInput, answer<Department>()),
  addUser: post(`${ESTATE}/users`, UserInput, answer<UserCreated>()),
  setPolicy: put(`${ESTATE}/policy`, PolicyInput, answer<DeadlinePolicy>()),
  setRouting: put(`${ESTATE}/routing`, RoutingInput, answer<RoutingInput>()),
  channels: get(`${ESTATE}/channels`, answer<ChannelsOverview>()),
  addChannel: post(`${ESTATE}/channels`, ChannelInput, answer<ChannelView>()),
  removeChannel: del(`${ESTATE}/channels/:id`, answer<Done>()),
  testChannel: post(`${ESTATE}/channels/:id/test`, null, answer<ChannelTest>()),
  // The first start: the one-time setup link's form (server/services/first-run.ts).
  firstRun: get('/api/setup', answer<SetupStatus>()),
  completeSetup: post('/api/setup', SetupRequest, answer<SignedIn>()),
  // Web Push: the server's public key, and a person's phone turning its notifications on and off in an estate.
  pushKey: get('/api/push/key', answer<PushKey>()),
  subscribePush: put(`${ESTATE}/push`, PushSubscriptionInput, answer<ChannelView>()),
  unsubscribePush: post(`${ESTATE}/push/off`, PushEndpoint, answer<Done>()),
  publishTemplate: post(`${ESTATE}/templates`, TemplateInput, answer<ChecklistTemplate>()),
  invite: post(`${ESTATE}/users/:userId/invitation`, null, answer<InvitationLink>()),
  importPeople: post(`${ESTATE}/users/import`, PeopleImportRequest, answer<PeopleImported>()),
  // The invited person, on their phone, with no account session yet.
  peekInvitation: post('/api/join/peek', JoinToken, answer<InvitationView>()),
  acceptInvitation: post('/api/join', JoinRequest, answer<SignedIn>()),
  setMembership: put(`${ESTATE}/users/:userId/membership`, MembershipInput, answer<Done>()),
  resetPassword: post(`${ESTATE}/users/:userId/password`, ResetPasswordRequest, answer<Done>()),
  disableUser: post(`${ESTATE}/users/:userId/disable`, null, answer<AccountSwitched>()),
  enableUser: post(`${ESTATE}/users/:userId/enable`, null, answer<AccountSwitched>()),
  userSessions: get(`${ESTATE}/users/:userId/sessions`, answer<SessionList>()),
  endUserSessions: del(`${ESTATE}/users/:userId/sessions`, answer<Done>()),
} as const;
