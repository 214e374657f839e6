/**
 * A local push service that does what a browser vendor's does (RFC 8030) and checks the sender as a real one
 * would: the VAPID JWT's ES256 signature against the key it names, its audience and expiry (RFC 8292). It then plays
 * the phone: it decrypts the aes128gcm payload with the subscription's own private key and auth secret (RFC 8291,
 * RFC 8188), written here from the RFCs with node:crypto, not with the library the server sends with.
 * A phone can be unsubscribed (410) or the service down (503) on demand.
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Phone {
  /** What PushSubscription.toJSON() gives the page. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** Payloads received and decrypted, parsed as JSON. */
  received: { title: string; body: string; link: string; tag: string }[];
  /** The phone dropped its subscription: the service answers 410 Gone. */
  gone: boolean;
}

export interface PushService {
  phone(): Phone;
  /** Requests refused, and why (a bad signature, a wrong audience …). */
  refused: string[];
  /** The VAPID public keys senders signed with. */
  senders: Set<string>;
  down: boolean;
  close(): Promise<void>;
}

const b64url = (b: Buffer) => b.toString('base64url');

/** The VAPID JWT, checked as a push service must: ES256 over header.payload by the key in `k`, aud, exp ≤ 24 h. */
function checkVapid(authorization: string | undefined, origin: string): { key: string } | { error: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!m) return { error: `Authorization is not "vapid t=…, k=…": ${authorization}` };
  const [, jwt, k] = m;
  const [head, body, sig] = jwt.split('.');
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return { error: 'k is not an uncompressed P-256 point' };
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
  if (!signed) return { error: 'the JWT signature does not verify' };
  const header = JSON.parse(Buffer.from(head, 'base64url').toString());
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  if (header.alg !== 'ES256') return { error: `alg ${header.alg}` };
  if (claims.aud !== origin) return { error: `aud ${claims.aud} is not ${origin}` };
  // The push service's own clock, as a real one's.
  const now = Date.now() / 1000;
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) return { error: `exp ${claims.exp} is not within 24 h` };
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) return { error: `sub ${claims.sub}` };
  return { key: k };
}

/** RFC 8291 §3.4 and RFC 8188 §2: the phone's side. */
function decrypt(body: Buffer, phone: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20];
  const serverKey = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  if (ciphertext.length > rs) throw new Error('more than one record');
  const shared = phone.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), phone.ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, phone.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

export async function startPushService(): Promise<PushService> {
  const phones = new Map<string, Phone & { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  let origin = '';
  const service: PushService = {
    refused: [],
    senders: new Set(),
    down: false,
    phone() {
      const id = randomBytes(8).toString('hex');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const phone = {
        subscription: { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } },
        received: [],
        gone: false,
        ecdh,
        auth,
      };
      phones.set(id, phone);
      return phone;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const refuse = (status: number, why: string) => {
        service.refused.push(why);
        res.writeHead(status).end(why);
      };
      if (service.down) return void res.writeHead(503).end();
      const phone = phones.get(/^\/push\/([0-9a-f]+)$/.exec(req.url ?? '')?.[1] ?? '');
      if (req.method !== 'POST' || !phone) return refuse(404, `no subscription at ${req.url}`);
      if (phone.gone) return void res.writeHead(410).end();
      if (!req.headers.ttl) return refuse(400, 'no TTL header');
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `Content-Encoding ${req.headers['content-encoding']}`);
      const vapid = checkVapid(req.headers.authorization, origin);
      if ('error' in vapid) return refuse(403, vapid.error);
      service.senders.add(vapid.key);
      try {
        phone.received.push(JSON.parse(decrypt(Buffer.concat(chunks), phone)));
      } catch (e) {
        return refuse(400, `cannot decrypt: ${e}`);
      }
      res.writeHead(201, { location: `${origin}/message/${randomBytes(4).toString('hex')}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return service;
}
