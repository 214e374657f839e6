/**
 * A local receiver that speaks the work-chat robots' APIs as their providers document them (../shared/CHANNELS.md):
 * WeCom's key, DingTalk's and Feishu's signatures and timestamps, their error codes with HTTP 200, and a signed
 * webhook. It can be down (503) or throttle on demand. Nothing here trusts the sender: every check is the provider's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  provider: 'wecom' | 'dingtalk' | 'feishu' | 'webhook';
  text: string;
}

export interface Robots {
  url: string;
  /** Robot URLs with valid credentials, and their secrets. */
  wecom: string;
  dingtalk: { url: string; secret: string };
  feishu: { url: string; secret: string };
  webhook: { url: string; secret: string };
  received: Received[];
  /** Answers 503 to everything while true. */
  down: boolean;
  /** Answers each provider's rate-limit code while true. */
  throttled: boolean;
  close(): Promise<void>;
}

const b64hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `now` is the clock the senders' timestamps are checked against (a test's fixed clock). */
export async function startRobots(now: () => number): Promise<Robots> {
  const WECOM_KEY = 'wecom-key-693a91f';
  const DING_TOKEN = 'ding-token-77b1';
  const DING_SECRET = 'SECd2c2f7c86ab34f2bb4f5d1c0e1fbb0a1';
  const FEISHU_TOKEN = 'feishu-hook-5c3e';
  const FEISHU_SECRET = 'fs-secret-9d8a7b';
  const HOOK_SECRET = 'hook-secret-0b1c2d3e4f';

  const robots = { received: [] as Received[], down: false, throttled: false } as Robots;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        if (status === 204) return void res.writeHead(204).end();
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (robots.down) return answer(503, { error: 'service unavailable' });
      const url = new URL(req.url ?? '/', 'http://robots');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(200, { errcode: 40035, errmsg: 'invalid json' });
      }
      if (url.pathname === '/cgi-bin/webhook/send') {
        if (url.searchParams.get('key') !== WECOM_KEY) return answer(200, { errcode: 93000, errmsg: 'invalid webhook url' });
        if (robots.throttled) return answer(200, { errcode: 45009, errmsg: 'api freq out of limit' });
        const content = (body.text as { content?: string } | undefined)?.content;
        if (body.msgtype !== 'text' || typeof content !== 'string') return answer(200, { errcode: 40008, errmsg: 'invalid message type' });
        if (Buffer.byteLength(content) > 2048) return answer(200, { errcode: 40058, errmsg: 'content exceed max length' });
        robots.received.push({ provider: 'wecom', text: content });
        return answer(200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === '/robot/send') {
        if (url.searchParams.get('access_token') !== DING_TOKEN) return answer(200, { errcode: 300001, errmsg: 'token is not exist' });
        const timestamp = Number(url.searchParams.get('timestamp'));
        if (!Number.isFinite(timestamp) || Math.abs(now() - timestamp) > 3_600_000)
          return answer(200, { errcode: 310000, errmsg: 'invalid timestamp' });
        if (!same(url.searchParams.get('sign') ?? '', b64hmac(DING_SECRET, `${timestamp}\n${DING_SECRET}`)))
          return answer(200, { errcode: 310000, errmsg: 'sign not match' });
        if (robots.throttled) return answer(200, { errcode: 130101, errmsg: 'send too fast' });
        const content = (body.text as { content?: string } | undefined)?.content;
        if (body.msgtype !== 'text' || typeof content !== 'string') return answer(200, { errcode: 40035, errmsg: 'missing text' });
        robots.received.push({ provider: 'dingtalk', text: content });
        return answer(200, { errcode: 0, errmsg: 'ok' });
      }
      if (url.pathname === `/open-apis/bot/v2/hook/${FEISHU_TOKEN}`) {
        const timestamp = String(body.timestamp ?? '');
        if (Math.abs(now() / 1000 - Number(timestamp)) > 3600)
          return answer(200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
        if (!same(String(body.sign ?? ''), b64hmac(`${timestamp}\n${FEISHU_SECRET}`, '')))
          return answer(200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' });
        if (robots.throttled) return answer(200, { code: 11232, msg: 'frequency limited' });
        const text = (body.content as { text?: string } | undefined)?.text;
        if (body.msg_type !== 'text' || typeof text !== 'string') return answer(200, { code: 9499, msg: 'Bad Request' });
        robots.received.push({ provider: 'feishu', text });
        return answer(200, { code: 0, msg: 'success' });
      }
      if (url.pathname === '/hook') {
        const ts = String(req.headers['x-pqm-timestamp'] ?? '');
        const expected = `sha256=${createHmac('sha256', HOOK_SECRET).update(`${ts}.${raw}`).digest('hex')}`;
        if (!same(String(req.headers['x-pqm-signature'] ?? ''), expected)) return answer(401, { error: 'bad signature' });
        robots.received.push({ provider: 'webhook', text: String(body.text) });
        return answer(204, {});
      }
      return answer(404, { error: 'no such robot' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(robots, {
    url: base,
    wecom: `${base}/cgi-bin/webhook/send?key=${WECOM_KEY}`,
    dingtalk: { url: `${base}/robot/send?access_token=${DING_TOKEN}`, secret: DING_SECRET },
    feishu: { url: `${base}/open-apis/bot/v2/hook/${FEISHU_TOKEN}`, secret: FEISHU_SECRET },
    webhook: { url: `${base}/hook`, secret: HOOK_SECRET },
    close: () => new Promise<void>((r) => server.close(() => r())),
  });
}
