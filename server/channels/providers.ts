/**
 * How each work-chat robot is spoken to, as its provider documents it (../shared/CHANNELS.md): the request,
 * with its signature, and how to read the answer. Providers answer 200 with an error code inside, so a
 * message counts as sent only when the code says so.
 */
import { createHmac } from 'node:crypto';
import type { ChannelKind } from '../../shared/index.ts';

export interface Outgoing {
  title: string;
  /** The whole message, link included. */
  text: string;
  /** The delivery's id, for the webhook receiver to deduplicate. */
  id: string;
}

export interface ProviderRequest {
  url: string;
  body: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/**
 * ok: delivered. retry: try again later (network, 5xx, a rate limit). permanent: a bad key or signature, never
 * retried; `gone`: a phone's subscription has ended, so its channel goes too.
 */
export type Verdict = { kind: 'ok' } | { kind: 'retry'; error: string } | { kind: 'permanent'; error: string; gone?: boolean };

/** Messages each provider accepts per minute per robot (per phone for Web Push); the sender keeps under it. */
export const PER_MINUTE: Record<ChannelKind, number> = { wecom: 20, dingtalk: 20, feishu: 100, webhook: 60, webpush: 60 };

/** The channels spoken to by a robot's or a system's own API (Web Push has its own: channels/web-push.ts). */
type RobotKind = Exclude<ChannelKind, 'webpush'>;

/** WeCom's text limit is 2048 bytes of UTF-8: cut at a character boundary. */
function clipBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  let cut = max - 3;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return `${bytes.subarray(0, cut).toString('utf8')}…`;
}

const hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest();

export function providerRequest(kind: RobotKind, url: string, secret: string, m: Outgoing, now: number): ProviderRequest {
  const json = { 'content-type': 'application/json' };
  switch (kind) {
    case 'wecom':
      return { url, headers: json, body: JSON.stringify({ msgtype: 'text', text: { content: clipBytes(m.text, 2048) } }) };
    case 'dingtalk': {
      const signed = new URL(url);
      if (secret) {
        signed.searchParams.set('timestamp', String(now));
        signed.searchParams.set('sign', hmac(secret, `${now}\n${secret}`).toString('base64'));
      }
      return { url: signed.toString(), headers: json, body: JSON.stringify({ msgtype: 'text', text: { content: m.text } }) };
    }
    case 'feishu': {
      const timestamp = String(Math.floor(now / 1000));
      const sign = secret ? { timestamp, sign: hmac(`${timestamp}\n${secret}`, '').toString('base64') } : {};
      return { url, headers: json, body: JSON.stringify({ ...sign, msg_type: 'text', content: { text: clipBytes(m.text, 18_000) } }) };
    }
    case 'webhook': {
      const body = JSON.stringify({ id: m.id, title: m.title, text: m.text, sentAt: now });
      const timestamp = String(now);
      return {
        url,
        body,
        headers: {
          ...json,
          'x-pqm-timestamp': timestamp,
          // The receiver recomputes HMAC-SHA256(secret, timestamp + "." + body) and compares.
          'x-pqm-signature': `sha256=${hmac(secret, `${timestamp}.${body}`).toString('hex')}`,
        },
      };
    }
  }
}

/** Rate-limit codes: WeCom 45009, DingTalk 130101 and 410100, Feishu 11232. */
const THROTTLED = new Set([45009, 130101, 410100, 11232]);

export function verdict(kind: ChannelKind, status: number, text: string): Verdict {
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', error: `HTTP ${status}` };
  // A push service answers 404 or 410 for a subscription the phone has dropped (RFC 8030 §7.3).
  if (kind === 'webpush' && (status === 404 || status === 410))
    return { kind: 'permanent', error: `HTTP ${status}: unsubscribed`, gone: true };
  if (status >= 400) return { kind: 'permanent', error: `HTTP ${status}` };
  if (kind === 'webhook' || kind === 'webpush')
    return status >= 200 && status < 300 ? { kind: 'ok' } : { kind: 'retry', error: `HTTP ${status}` };
  let answer: { errcode?: number; errmsg?: string; code?: number; msg?: string; StatusCode?: number };
  try {
    answer = JSON.parse(text);
  } catch {
    return { kind: 'retry', error: `HTTP ${status}: not the provider's JSON` };
  }
  const code = answer.errcode ?? answer.code ?? answer.StatusCode;
  if (code === 0) return { kind: 'ok' };
  const error = `${code ?? '?'} ${answer.errmsg ?? answer.msg ?? ''}`.trim();
  return THROTTLED.has(code ?? -1) ? { kind: 'retry', error } : { kind: 'permanent', error };
}
