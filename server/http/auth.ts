/** Who is calling: a bearer token → session → user and their per-estate memberships. */
import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { sha256Hex } from '../security/crypto.ts';
import type { Membership, User } from '../storage/store.ts';
import { effectiveMemberships } from '../services/group.ts';
import { HttpError, forbidden, unauthorized } from './errors.ts';

export interface Auth {
  user: User;
  memberships: Membership[];
  tokenHash: string;
  sessionId: string;
}

export type Env = { Variables: { auth: Auth | null } };

export function authenticate(deps: Deps): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('auth', null);
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (token) {
      const tokenHash = sha256Hex(token);
      const found = await deps.store.read.sessionWithUser(tokenHash);
      const now = deps.clock();
      // Over at its end of life, or once left unused for the idle timeout.
      if (found && found.session.expiresAt > now && now - found.session.lastSeenAt <= deps.config.sessionIdleMs) {
        const { session, user } = found;
        if (user.disabledAt === null) {
          const memberships = await effectiveMemberships(deps.store.read, user, found.memberships);
          c.set('auth', { user, memberships, tokenHash, sessionId: session.id });
          // One write a minute at most: "last seen" needs no finer grain than the idle timeout does.
          if (now - session.lastSeenAt > 60_000) await deps.store.write((tx) => tx.touchSession(tokenHash, now));
        }
      }
    }
    await next();
  };
}

export function requireAuth(c: Context<Env>): Auth {
  const auth = c.get('auth');
  if (!auth) throw unauthorized();
  return auth;
}

/** The caller's membership in `estateId` if their role there is one of `roles`; else 403. */
export function requireRole(c: Context<Env>, estateId: string, roles: readonly Role[], opts: { evenArchived?: boolean } = {}): Membership {
  const auth = requireAuth(c);
  const m = auth.memberships.find((x) => x.estateId === estateId);
  if (!m || !roles.includes(m.role)) throw forbidden(`needs role ${roles.join(' or ')} in this estate`, 'role');
  // A group role reads the estates it covers; changing one takes a role given in it (or the group's administrator).
  if (m.viaGroup && m.role !== 'admin' && c.req.method !== 'GET')
    throw forbidden('your group role reads this estate; changing it needs a role in the estate', 'role');
  // An archived estate's history is read, never changed (restoring it is the one change it takes).
  if (m.archived && c.req.method !== 'GET' && !opts.evenArchived)
    throw new HttpError(409, 'this estate is archived: it can be read, not changed', [], {}, 'archived');
  return m;
}
