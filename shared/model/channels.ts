/**
 * Where an estate's notifications go: work-chat group robots (WeCom, DingTalk, Feishu), a signed webhook for a
 * company's own systems, and Web Push to the phones of people who turned it on. The URL and secret are
 * credentials: the server keeps them and never shows them again.
 */
import * as v from 'valibot';
import { Id, requiredText } from './common.ts';

/** The channels an administrator adds in the console. */
export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook'] as const;
/** …and the one a person adds from their phone. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number] | 'webpush';

/** Who reads a group channel: the quality team, or one department's group. */
export const Audience = v.variant('kind', [
  v.object({ kind: v.literal('quality') }),
  v.object({ kind: v.literal('department'), departmentId: Id }),
]);
export type Audience = v.InferOutput<typeof Audience> | { kind: 'person'; userId: string };

const Url = v.pipe(v.string('url must be text'), v.trim(), v.url('url must be a web address'), v.maxLength(1000));

export const ChannelInput = v.object({
  kind: v.picklist(CHANNEL_KINDS, `must be one of ${CHANNEL_KINDS.join(', ')}`),
  name: requiredText(60, 'name'),
  url: Url,
  /** DingTalk's 加签 secret, Feishu's signature secret, the webhook's HMAC key; WeCom has none. */
  secret: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
  audience: Audience,
});
export type ChannelInput = v.InferOutput<typeof ChannelInput>;

/** A channel as the console sees it: the address shortened, the secret never. */
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  name: string;
  /** Scheme and host only. */
  host: string;
  audience: Audience;
  /** For a phone's Web Push: whose phone. */
  person: string | null;
  createdAt: number;
  /** Deliveries that failed for good, or have waited longest, so a broken channel shows. */
  failing: number;
  pending: number;
}

export type DeliveryState = 'pending' | 'sent' | 'failed';

/** One message to one channel, as the delivery log lists it. */
export interface DeliveryView {
  id: string;
  channelId: string;
  title: string;
  state: DeliveryState;
  attempts: number;
  createdAt: number;
  sentAt: number | null;
  lastError: string | null;
}

/** GET /api/estates/:id/channels */
export interface ChannelsOverview {
  channels: ChannelView[];
  /** The latest deliveries, newest first. */
  deliveries: DeliveryView[];
}

/** POST /api/estates/:id/channels/:id/test */
export interface ChannelTest {
  ok: boolean;
  error: string | null;
}

/** A phone's Web Push subscription (PushSubscription.toJSON()), as the PWA sends it. */
export const PushSubscriptionInput = v.object({
  endpoint: v.pipe(v.string('endpoint must be text'), v.url('endpoint must be a web address'), v.maxLength(1000)),
  keys: v.object({
    p256dh: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, 'keys.p256dh must be a base64url P-256 public key')),
    auth: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,24}={0,2}$/, 'keys.auth must be a base64url secret')),
  }),
});
export type PushSubscriptionInput = v.InferOutput<typeof PushSubscriptionInput>;

/** Turning a phone's notifications off: the subscription's endpoint. */
export const PushEndpoint = v.object({ endpoint: v.pipe(v.string('endpoint must be text'), v.maxLength(1000)) });

/** GET /api/push/key: the server's VAPID public key, for PushManager.subscribe(). */
export interface PushKey {
  publicKey: string;
}
