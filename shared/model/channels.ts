/**
 * Where an estate's notifications go: work-chat group robots (WeCom, DingTalk, Feishu) and a signed webhook for a
 * company's own systems. The URL and secret are credentials: the server keeps them and never shows them again.
 */
import * as v from 'valibot';
import { Id, requiredText } from './common.ts';

export const CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Who reads the channel: the quality team, or one department's group. */
export const Audience = v.variant('kind', [
  v.object({ kind: v.literal('quality') }),
  v.object({ kind: v.literal('department'), departmentId: Id }),
]);
export type Audience = v.InferOutput<typeof Audience>;

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
