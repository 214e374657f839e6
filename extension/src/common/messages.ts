/**
 * Every runtime message, as one schema. The worker validates each message and checks who sent it:
 * extension pages may do anything; an overlay in a page may only ask for its own read-only view.
 */
import * as v from 'valibot';
import { IssueAction, LoginRequest, Severity, Uuid, type IssueActionType } from '../../../shared/index.ts';
import { NOTIFY_KINDS } from './state.ts';

const Origin = v.pipe(v.string(), v.regex(/^https?:\/\/[^/\s]+$/, 'must be an origin such as https://oa.example.com'));

/** The one-click actions on an alert. */
export const QUICK_ACTIONS = ['accept', 'escalate', 'verify'] as const satisfies readonly IssueActionType[];

export const Message = v.variant('type', [
  v.object({
    type: v.literal('signIn'),
    server: Origin,
    ...LoginRequest.entries,
  }),
  v.object({ type: v.literal('signOut') }),
  v.object({ type: v.literal('pollNow') }),
  v.object({
    type: v.literal('act'),
    issueId: Uuid,
    // The shared action, limited to what the popup and the overlay offer in one click.
    action: v.pipe(
      IssueAction,
      v.check((a) => (QUICK_ACTIONS as readonly string[]).includes(a.type), 'not an action the popup offers'),
    ),
  }),
  v.object({
    type: v.literal('settings'),
    patch: v.partial(
      v.object({
        intervalMinutes: v.pipe(v.number(), v.minValue(0.5), v.maxValue(60)),
        estates: v.array(v.string()),
        mute: v.array(Severity),
        silenced: v.array(v.picklist(NOTIFY_KINDS)),
        quiet: v.nullable(v.object({ from: v.pipe(v.string(), v.regex(/^\d\d:\d\d$/)), to: v.pipe(v.string(), v.regex(/^\d\d:\d\d$/)) })),
        locale: v.nullable(v.picklist(['zh-CN', 'en'])),
      }),
    ),
  }),
  v.object({ type: v.literal('overlaySite'), origin: Origin, enabled: v.boolean() }),
  v.object({ type: v.literal('overlay:get') }),
  v.object({ type: v.literal('overlay:open'), issueId: v.optional(Uuid) }),
]);
export type Message = v.InferOutput<typeof Message>;

/** Sent by the worker to overlay tabs when the state changed. */
export const OverlayPush = v.object({ type: v.literal('overlay:state') });

export type Reply = { ok: true; [k: string]: unknown } | { ok: false; error: string };
