/**
 * 接待与咨询: the service desk's log of owners who visit or call. A few taps record what it was about, when the owner
 * was answered, and whether it was settled there and then; a complaint (and a request not settled at once) becomes an
 * issue that follows an owner report's workflow and deadlines.
 */
import * as v from 'valibot';
import { Category, Id, Instant, Uuid, requiredText, trimmedText } from './common.ts';

export const DESK_TOPICS = ['consultation', 'request', 'complaint'] as const;
export type DeskTopic = (typeof DESK_TOPICS)[number];

export const DESK_CHANNELS = ['visit', 'call'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

/** The longest an owner may have waited: longer is a typing slip (a day for an hour), refused by name. */
export const MAX_DESK_WAIT_MS = 7 * 86_400_000;

export const DeskEntrySubmission = v.pipe(
  v.object({
    id: Uuid,
    /** The service desk location where it was logged. */
    locationId: Id,
    topic: v.picklist(DESK_TOPICS, `must be one of ${DESK_TOPICS.join(', ')}`),
    channel: v.picklist(DESK_CHANNELS, `must be one of ${DESK_CHANNELS.join(', ')}`),
    /** When the owner came in or called. */
    receivedAt: Instant,
    /** When they were first answered (a consultation: the answer; a request or complaint: taken up). */
    answeredAt: Instant,
    /** Settled at this first contact, nothing left to do. */
    resolved: v.boolean('must be true or false'),
    summary: requiredText(500, 'summary'),
    household: v.optional(trimmedText(40, 'household'), ''),
    /** What an issue made from it is about (a complaint, an unsettled request). */
    category: v.optional(Category, 'service'),
  }),
  v.forward(
    v.check((e) => e.answeredAt >= e.receivedAt, 'answeredAt: the owner cannot be answered before they came'),
    ['answeredAt'],
  ),
  v.forward(
    v.check((e) => e.answeredAt - e.receivedAt <= MAX_DESK_WAIT_MS, 'answeredAt: more than 7 days after they came'),
    ['answeredAt'],
  ),
  v.forward(
    v.check((e) => e.topic !== 'complaint' || !e.resolved, 'resolved: a complaint is followed up as an issue, not closed at the desk'),
    ['resolved'],
  ),
);
export type DeskEntrySubmission = v.InferOutput<typeof DeskEntrySubmission>;

/** A logged entry as stored: who logged it, and the issue it became. */
export interface DeskEntry extends DeskEntrySubmission {
  estateId: string;
  staffId: string;
  issueId: string | null;
  createdAt: number;
}
