/**
 * Anonymous writes from the QR pages are counted per address before their body is read, so a flood
 * costs the server a counter, not a parse. These are hard ceilings far above what a person does;
 * below them, a busy address or location is slowed or held for review, never refused (see routes/public.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../context.ts';
import type { Env } from './auth.ts';
import { clientIp } from './client.ts';

const TEN_MINUTES = 10 * 60_000;
const CALL_US = '请直接致电物业服务中心 / please call the property service desk';

interface Ceiling {
  method: string;
  path: RegExp;
  scope: string;
  limit: number;
  message: string;
  /** Signed-in staff are accountable by name and are not counted here. */
  anonymousOnly?: boolean;
}

export const CEILINGS: readonly Ceiling[] = [
  {
    method: 'POST',
    path: /^\/api\/owner\/(general-)?reports$/,
    scope: 'report',
    limit: 60,
    message: `too many reports from this address; ${CALL_US}`,
  },
  { method: 'POST', path: /^\/api\/owner\/me-too$/, scope: 'metoo', limit: 30, message: `too many "me too" from this address; ${CALL_US}` },
  {
    method: 'GET',
    path: /^\/api\/track\//,
    scope: 'track-read',
    limit: 300,
    message: 'too many look-ups from this address, try again later',
  },
  { method: 'POST', path: /^\/api\/track\//, scope: 'track-act', limit: 30, message: `too many answers from this address; ${CALL_US}` },
  {
    method: 'POST',
    path: /^\/api\/kiosk\/ratings$/,
    scope: 'kiosk',
    limit: 120,
    message: 'too many ratings from this address, try again later',
  },
  {
    method: 'POST',
    path: /^\/api\/surveys\/[^/]+\/responses$/,
    scope: 'survey',
    limit: 20,
    message: 'too many survey answers from this address, try again later',
  },
  {
    method: 'PUT',
    path: /^\/api\/photos\//,
    scope: 'photo',
    limit: 60,
    message: 'too many photos from this address, try again later',
    anonymousOnly: true,
  },
  // A clip of 20 MB is 40 parts; this is some twenty clips from one address in ten minutes.
  {
    method: 'PUT',
    path: /^\/api\/videos\//,
    scope: 'video',
    limit: 800,
    message: 'too many video uploads from this address, try again later',
    anonymousOnly: true,
  },
  {
    method: 'POST',
    path: /^\/api\/join(\/peek)?$/,
    scope: 'join',
    limit: 30,
    message: 'too many invitation attempts from this address, try again later',
  },
  // The setup link is 256 bits: guessing it is hopeless, and this keeps anyone from trying for long.
  {
    method: 'POST',
    path: /^\/api\/setup$/,
    scope: 'setup',
    limit: 20,
    message: 'too many setup attempts from this address, try again later',
  },
];

export function publicLimits(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const rule = CEILINGS.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    if (rule && !(rule.anonymousOnly && c.get('auth'))) {
      await deps.limiter.hit(`${rule.scope}-ip:${clientIp(c, deps)}`, rule.limit, TEN_MINUTES, deps.clock(), rule.message);
    }
    await next();
  };
}
