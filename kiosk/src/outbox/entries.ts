/**
 * What each kind of outbox entry sends: the server's own schema for it (shared/), so the phone refuses on the spot
 * what the server would refuse later, and a record is never queued that could only ever come back "needs attention".
 */
import { API, describeErrors, parse, pathOf, type AnswerOf, type BodyOf, type FieldError, type ParamsOf } from '../../../shared/index.ts';

/** The endpoint each kind of entry is sent to. */
export const ENTRY_ENDPOINTS = {
  inspection: API.submitInspection,
  ownerReport: API.reportProblem,
  generalReport: API.generalReport,
  deskEntry: API.logDeskEntry,
  routeRound: API.submitRound,
  meToo: API.meToo,
  issueAction: API.actOnIssue,
  kioskRating: API.rateAtKiosk,
  surveyResponse: API.answerSurvey,
} as const;

export type OutboxKind = keyof typeof ENTRY_ENDPOINTS;

/** The kind of receipt each answers with: a report with no code is an owner report like any other. */
export function receiptKindOf(kind: OutboxKind): string {
  return kind === 'generalReport' ? 'ownerReport' : kind;
}
/** The body a kind sends, as the server's schema takes it in. */
export type EntryBody<K extends OutboxKind> = BodyOf<(typeof ENTRY_ENDPOINTS)[K]>;
/** The path parameters its endpoint takes (the issue acted on, the route walked); most take none. */
export type EntryParams<K extends OutboxKind> = [keyof ParamsOf<(typeof ENTRY_ENDPOINTS)[K]>] extends [never]
  ? { params?: undefined }
  : { params: ParamsOf<(typeof ENTRY_ENDPOINTS)[K]> };

/** Where an entry of a kind is sent. Pages name the kind, not the URL, so that they need not load the contract's schemas. */
export function entryUrl(kind: OutboxKind, params?: Record<string, string>): string {
  return pathOf(ENTRY_ENDPOINTS[kind], params);
}

/** What the server answers for it. */
export type EntryReceipt<K extends OutboxKind = OutboxKind> = AnswerOf<(typeof ENTRY_ENDPOINTS)[K]>;

/** A record that does not match its schema: refused on the device, before it is queued, naming the fields. */
export class InvalidEntryError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(describeErrors(fields));
  }
}

export function checkEntry<K extends OutboxKind>(kind: K, body: EntryBody<K>): void {
  const parsed = parse(ENTRY_ENDPOINTS[kind].body, body);
  if (!parsed.ok) throw new InvalidEntryError(parsed.errors);
}
