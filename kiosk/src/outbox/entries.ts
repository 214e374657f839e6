/**
 * What each kind of outbox entry sends: the server's own schema for it (shared/), so the phone refuses on the spot
 * what the server would refuse later, and a record is never queued that could only ever come back "needs attention".
 */
import type * as v from 'valibot';
import {
  InspectionSubmission,
  IssueActionRequest,
  KioskRating,
  MeTooRequest,
  OwnerReport,
  SurveyResponseSubmission,
  describeErrors,
  parse,
  type FieldError,
} from '../../../shared/index.ts';

export const ENTRY_SCHEMAS = {
  inspection: InspectionSubmission,
  ownerReport: OwnerReport,
  meToo: MeTooRequest,
  issueAction: IssueActionRequest,
  kioskRating: KioskRating,
  surveyResponse: SurveyResponseSubmission,
} as const;

export type OutboxKind = keyof typeof ENTRY_SCHEMAS;
/** The body a kind sends, as the server's schema takes it in. */
export type EntryBody<K extends OutboxKind> = v.InferInput<(typeof ENTRY_SCHEMAS)[K]>;

/** A record that does not match its schema: refused on the device, before it is queued, naming the fields. */
export class InvalidEntryError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(describeErrors(fields));
  }
}

export function checkEntry<K extends OutboxKind>(kind: K, body: EntryBody<K>): void {
  const parsed = parse(ENTRY_SCHEMAS[kind], body);
  if (!parsed.ok) throw new InvalidEntryError(parsed.errors);
}
