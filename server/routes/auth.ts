/** Sign-in, sign-out, one's own password and sessions. */
import type { Hono } from 'hono';
import { API, type Me } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { clientIp } from '../http/client.ts';
import { route } from '../http/contract.ts';
import { HttpError, forbidden } from '../http/errors.ts';
import { verifyPassword } from '../security/crypto.ts';
import { changePassword, endSession, openSession, sessionsOf } from '../services/accounts.ts';

export function authRoutes(app: Hono<Env>, deps: Deps) {
  // Wrong passwords are counted per username and per address, across servers (http/login-throttle.ts).
  route(app, API.login, async (c, req) => {
    const body = await req.body();
    const now = deps.clock();
    const ip = clientIp(c, deps);
    const wait = await deps.logins.waitMs(body.username, ip, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, `too many wrong passwords: wait ${seconds} s and try again`, [], { 'Retry-After': String(seconds) });
    }
    const signedIn = await openSession(deps, body.username, body.password, c.req.header('user-agent') ?? '');
    if (!signedIn) {
      await deps.logins.miss(body.username, ip, now);
      throw new HttpError(401, 'wrong username or password', [], {}, 'wrongLogin');
    }
    await deps.logins.succeed(body.username, ip);
    return signedIn;
  });

  route(app, API.logout, async (c) => {
    const auth = requireAuth(c);
    await endSession(deps, auth.user.id, { tokenHash: auth.tokenHash });
    return { ok: true };
  });

  route(app, API.me, async (c) => {
    const auth = requireAuth(c);
    const estates = (await deps.store.read.listEstates()).filter((e) => auth.memberships.some((m) => m.estateId === e.id));
    const me: Me = {
      user: { id: auth.user.id, username: auth.user.username, displayName: auth.user.displayName, groupRole: auth.user.groupAccess.role },
      memberships: auth.memberships,
      estates,
    };
    return me;
  });

  route(app, API.changePassword, async (c, req) => {
    const auth = requireAuth(c);
    const body = await req.body();
    if (!(await verifyPassword(body.current, auth.user.passwordHash))) throw forbidden('the current password is not right');
    await changePassword(deps, auth.user.id, body.next, auth.tokenHash);
    return { ok: true };
  });

  route(app, API.mySessions, async (c) => {
    const auth = requireAuth(c);
    return { sessions: await sessionsOf(deps, auth.user.id, auth.sessionId) };
  });

  route(app, API.endMySession, async (c, { params }) => {
    const auth = requireAuth(c);
    await endSession(deps, auth.user.id, { id: params.id });
    return { ok: true };
  });
}
