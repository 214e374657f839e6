/**
 * Who sent a photo's bytes, and who cites it. A record's citation counts only if its author sent the
 * bytes too, so knowing a hash never opens a photo: an attacker would need the photo itself.
 * Staff are their user id; an anonymous owner is their phone's device key (the PWA's x-pqm-device header,
 * kept hashed), or failing that their address.
 */
import type { Context } from 'hono';
import type { Actor } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Env } from '../http/auth.ts';
import { clientIp } from '../http/client.ts';
import { sha256Hex } from '../security/crypto.ts';

export const userAuthor = (userId: string) => `user:${userId}`;

/** The author for records an actor writes; owners need the request's own author (requestAuthor). */
export function actorAuthor(actor: Actor): string {
  return actor.kind === 'user' ? userAuthor(actor.id) : actor.kind;
}

export function requestAuthor(c: Context<Env>, deps: Deps): string {
  const auth = c.get('auth');
  if (auth) return userAuthor(auth.user.id);
  const device = c.req.header('x-pqm-device') ?? '';
  if (/^[A-Za-z0-9_-]{16,64}$/.test(device)) return `device:${sha256Hex(device).slice(0, 32)}`;
  return `ip:${clientIp(c, deps)}`;
}
