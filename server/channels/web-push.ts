/**
 * Web Push (RFC 8030) to the PWA on people's phones: the payload encrypted for the phone's keys (RFC 8291,
 * aes128gcm) and the request signed with the server's VAPID key (RFC 8292), both by the `web-push` library;
 * the delivery outbox sends the request like any other channel's.
 */
import { createECDH, createHmac } from 'node:crypto';
import webpush from 'web-push';
import type { ProviderRequest } from './providers.ts';

export interface Vapid {
  /** base64url, uncompressed P-256 point: what PushManager.subscribe() takes as applicationServerKey. */
  publicKey: string;
  privateKey: string;
  /** How a push service reaches the operator: an https: page or a mailto: address. */
  subject: string;
}

/** What a phone keeps of its subscription, stored as the channel's secret. */
export interface PhoneKeys {
  p256dh: string;
  auth: string;
}

/** What the service worker receives (kiosk/src/sw.ts shows it). */
export interface PushPayload {
  title: string;
  body: string;
  /** The path that opens the item. */
  link: string;
  /** Notifications with one tag replace each other on the phone. */
  tag: string;
}

const keys = new Map<string, Vapid>();

/**
 * The VAPID key pair, derived from the server secret: every server of one database signs as the same sender, and a
 * restart does not unsubscribe every phone. (A derived 32-byte value is a valid P-256 key but for a 2^-32 chance;
 * then the next one is taken.)
 */
export function vapidKeys(secret: string, publicUrl: string, contact = process.env.PUSH_CONTACT): Vapid {
  const known = keys.get(secret);
  if (known) return known;
  const url = new URL(publicUrl);
  const subject = contact || (url.protocol === 'https:' && url.hostname !== 'localhost' ? url.origin : 'mailto:pqm@example.invalid');
  for (let n = 0; ; n++) {
    const privateKey = createHmac('sha256', secret).update(`web-push vapid ${n}`).digest();
    try {
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(privateKey);
      const vapid = { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url'), subject };
      keys.set(secret, vapid);
      return vapid;
    } catch {
      // Out of the curve's range: derive the next.
    }
  }
}

/** Push services take 4 KB of payload; the text is cut well below it. */
const MAX_BODY = 1_500;

export function webPushRequest(endpoint: string, phone: PhoneKeys, payload: PushPayload, vapid: Vapid): ProviderRequest {
  const json = JSON.stringify({ ...payload, body: payload.body.slice(0, MAX_BODY) });
  const details = webpush.generateRequestDetails({ endpoint, keys: phone }, json, {
    vapidDetails: vapid,
    // A day: a phone that is off longer gets the news from the app when it next opens.
    TTL: 24 * 3600,
    urgency: 'high',
    contentEncoding: 'aes128gcm',
  });
  const headers: Record<string, string> = {};
  // fetch sets the length itself.
  for (const [k, v] of Object.entries(details.headers)) if (k.toLowerCase() !== 'content-length') headers[k] = String(v);
  return { url: details.endpoint, headers, body: new Uint8Array(details.body ?? []) };
}
