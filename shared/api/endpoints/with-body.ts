import type {
  CampaignCreated,
  Done,
  LocationsImported,
  OwnerTracking,
  SignedIn,
  InvitationView,
  PeopleImported,
  UserCreated,
} from '../../model/answers.ts';
import { InspectionSubmission, type ChecklistTemplate } from '../../model/checklist.ts';
import { DeskEntrySubmission } from '../../model/desk.ts';
import { MeasureInput, MeasureStatusChange, type Measure } from '../../model/review.ts';
import { RouteInput, RouteRoundSubmission, type PatrolRoute } from '../../model/route.ts';
import { LocationImportRequest, LocationInput, type Building, type Department, type Estate, type Location } from '../../model/estate.ts';
import { GeneralReport, IssueActionRequest, MeTooRequest, NotFixedRequest, OwnerRating, OwnerReport } from '../../model/issue.ts';
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
} from '../../model/receipts.ts';
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
} from '../../model/records.ts';
import { RoutingInput } from '../../model/routing.ts';
import { ChannelInput, PushEndpoint, PushSubscriptionInput, type ChannelView } from '../../model/channels.ts';
import { MonthlyInspectionSubmission, type ScoringSheet } from '../../model/scoring.ts';
import { EstateInput, LabelsPrinted, SetupRequest } from '../../model/setup.ts';
import { GroupAccess, PublishRequest, SheetInput, type Published } from '../../model/group.ts';
import { CampaignInput, KioskRating, SurveyResponseSubmission } from '../../model/survey.ts';
import type { DeadlinePolicy } from '../../rules/deadlines.ts';
import { answer, post, put } from '../endpoint.ts';

const ESTATE = '/api/estates/:estateId';

// Signing in and one's own account.
export const login = /* @__PURE__ */ post('/api/auth/login', LoginRequest, answer<SignedIn>());
export const changePassword = /* @__PURE__ */ post('/api/auth/password', ChangePasswordRequest, answer<Done>());

// What a QR code opens, with or without an account.
export const reportProblem = /* @__PURE__ */ post('/api/owner/reports', OwnerReport, answer<OwnerReportReceipt>());
/** A report with no location code: the estate chosen, the place in words. */
export const generalReport = /* @__PURE__ */ post('/api/owner/general-reports', GeneralReport, answer<OwnerReportReceipt>());
export const meToo = /* @__PURE__ */ post('/api/owner/me-too', MeTooRequest, answer<MeTooReceipt>());
export const notFixed = /* @__PURE__ */ post('/api/track/:token/not-fixed', NotFixedRequest, answer<OwnerTracking>());
export const rateHandling = /* @__PURE__ */ post('/api/track/:token/rating', OwnerRating, answer<OwnerTracking>());
export const rateAtKiosk = /* @__PURE__ */ post('/api/kiosk/ratings', KioskRating, answer<KioskRatingReceipt>());
/** 接待登记: an owner's visit or call, logged at the service desk. */
export const logDeskEntry = /* @__PURE__ */ post('/api/desk-entries', DeskEntrySubmission, answer<DeskEntryReceipt>());
export const answerSurvey = /* @__PURE__ */ post('/api/surveys/:code/responses', SurveyResponseSubmission, answer<SurveyResponseReceipt>());

// Field work: patrol rounds, photos, issues.
export const submitInspection = /* @__PURE__ */ post('/api/inspections', InspectionSubmission, answer<InspectionReceipt>());
export const actOnIssue = /* @__PURE__ */ post('/api/issues/:id/actions', IssueActionRequest, answer<IssueActionReceipt>());

// The group above the estates: who holds a group role, and the estates side by side (`?month=YYYY-MM`, `&format=csv`).
export const setGroupAccess = /* @__PURE__ */ put('/api/group/people/:userId', GroupAccess, answer<GroupAccess>());
export const saveGroupChecklist = /* @__PURE__ */ post('/api/group/checklists', TemplateInput, answer<ChecklistTemplate>());
export const saveGroupSheet = /* @__PURE__ */ post('/api/group/sheets', SheetInput, answer<ScoringSheet>());
export const publishFromLibrary = /* @__PURE__ */ post('/api/group/publish', PublishRequest, answer<Published>());

// One estate.
export const labelsPrinted = /* @__PURE__ */ post(`${ESTATE}/labels/printed`, LabelsPrinted, answer<Done>());
// Estates: an administrator adds one (with the defaults), edits it, archives and restores it.
export const createEstate = /* @__PURE__ */ post('/api/estates', EstateInput, answer<Estate>());
export const updateEstate = /* @__PURE__ */ put(ESTATE, EstateInput, answer<Estate>());
export const raiseIssue = /* @__PURE__ */ post(`${ESTATE}/issues`, ManualIssueInput, answer<ManualIssueReceipt>());
export const addPlanRecord = /* @__PURE__ */ post(`${ESTATE}/records`, PlanRecord, answer<PlanRecordReceipt>());
export const addMeasure = /* @__PURE__ */ post(`${ESTATE}/reviews/:quarter/measures`, MeasureInput, answer<Measure>());
export const setMeasureStatus = /* @__PURE__ */ put(`${ESTATE}/measures/:id/status`, MeasureStatusChange, answer<Measure>());
export const saveRoute = /* @__PURE__ */ put(`${ESTATE}/routes/:id`, RouteInput, answer<PatrolRoute>());
export const submitRound = /* @__PURE__ */ post(`${ESTATE}/routes/:id/rounds`, RouteRoundSubmission, answer<RouteRoundReceipt>());
export const submitMonthly = /* @__PURE__ */ post(`${ESTATE}/monthly`, MonthlyInspectionSubmission, answer<MonthlyReceipt>());
export const createCampaign = /* @__PURE__ */ post(`${ESTATE}/campaigns`, CampaignInput, answer<CampaignCreated>());
export const enterSurveyResponse = /* @__PURE__ */ post(
  `${ESTATE}/campaigns/:id/responses`,
  SurveyResponseSubmission,
  answer<SurveyResponseReceipt>(),
);

// Administration.
export const addLocation = /* @__PURE__ */ post(`${ESTATE}/locations`, LocationInput, answer<Location>());
export const importLocations = /* @__PURE__ */ post(`${ESTATE}/locations/import`, LocationImportRequest, answer<LocationsImported>());
export const changeLocation = /* @__PURE__ */ put(`${ESTATE}/locations/:id`, LocationInput, answer<Location>());
export const addBuilding = /* @__PURE__ */ post(`${ESTATE}/buildings`, BuildingInput, answer<Building>());
export const addDepartment = /* @__PURE__ */ post(`${ESTATE}/departments`, DepartmentInput, answer<Department>());
export const addUser = /* @__PURE__ */ post(`${ESTATE}/users`, UserInput, answer<UserCreated>());
export const setPolicy = /* @__PURE__ */ put(`${ESTATE}/policy`, PolicyInput, answer<DeadlinePolicy>());
export const setRouting = /* @__PURE__ */ put(`${ESTATE}/routing`, RoutingInput, answer<RoutingInput>());
export const addChannel = /* @__PURE__ */ post(`${ESTATE}/channels`, ChannelInput, answer<ChannelView>());
export const completeSetup = /* @__PURE__ */ post('/api/setup', SetupRequest, answer<SignedIn>());
export const subscribePush = /* @__PURE__ */ put(`${ESTATE}/push`, PushSubscriptionInput, answer<ChannelView>());
export const unsubscribePush = /* @__PURE__ */ post(`${ESTATE}/push/off`, PushEndpoint, answer<Done>());
export const publishTemplate = /* @__PURE__ */ post(`${ESTATE}/templates`, TemplateInput, answer<ChecklistTemplate>());
export const importPeople = /* @__PURE__ */ post(`${ESTATE}/users/import`, PeopleImportRequest, answer<PeopleImported>());
// The invited person, on their phone, with no account session yet.
export const peekInvitation = /* @__PURE__ */ post('/api/join/peek', JoinToken, answer<InvitationView>());
export const acceptInvitation = /* @__PURE__ */ post('/api/join', JoinRequest, answer<SignedIn>());
export const setMembership = /* @__PURE__ */ put(`${ESTATE}/users/:userId/membership`, MembershipInput, answer<Done>());
export const resetPassword = /* @__PURE__ */ post(`${ESTATE}/users/:userId/password`, ResetPasswordRequest, answer<Done>());
