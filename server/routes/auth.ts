/** Sign-in, sign-out, one's own password and sessions. */
import type { Hono } from 'hono';
import { API, DAY, type Me } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { HttpError, forbidden, notFound } from '../http/errors.ts';
import { clientIp } from '../http/client.ts';
import { newToken, sha256Hex, verifyPassword } from '../security/crypto.ts';
import { changePassword, publicSession } from '../services/accounts.ts';

export function authRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.login, async (c, req) => {
    const body = await req.body();
    const now = deps.clock();
    const ip = clientIp(c, deps);
    const wait = await deps.logins.waitMs(body.username, ip, now);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, `too many wrong passwords: wait ${seconds} s and try again`, [], { 'Retry-After': String(seconds) });
    }
    const user = await deps.store.read.getUserByUsername(body.username);
    const ok = user ? await verifyPassword(body.password, user.passwordHash) : await verifyPassword(body.password, DUMMY_HASH);
    // A disabled account answers like a wrong password: no hint to whoever is guessing.
    if (!user || !ok || user.disabledAt !== null) {
      await deps.logins.miss(body.username, ip, now);
      throw new HttpError(401, 'wrong username or password');
    }
    await deps.logins.succeed(body.username, ip);
    const token = newToken();
    const expiresAt = now + deps.config.sessionDays * DAY;
    const userAgent = (c.req.header('user-agent') ?? '').slice(0, 200);
    await deps.store.write((tx) =>
      tx.insertSession({
        id: newToken().slice(0, 16),
        tokenHash: sha256Hex(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        userAgent,
      }),
    );
    const memberships = await deps.store.read.membershipsOf(user.id);
    return { token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName }, memberships };
  });

  route(app, API.logout, async (c) => {
    const auth = requireAuth(c);
    await deps.store.write((tx) => tx.deleteSession(auth.tokenHash));
    return { ok: true };
  });

  route(app, API.me, async (c) => {
    const auth = requireAuth(c);
    const estates = (await deps.store.read.listEstates()).filter((e) => auth.memberships.some((m) => m.estateId === e.id));
    const me: Me = {
      user: { id: auth.user.id, username: auth.user.username, displayName: auth.user.displayName },
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
    return { sessions: (await deps.store.read.sessionsOf(auth.user.id)).map((s) => publicSession(s, auth.sessionId)) };
  });

  route(app, API.endMySession, async (c, req) => {
    const auth = requireAuth(c);
    const session = (await deps.store.read.sessionsOf(auth.user.id)).find((s) => s.id === req.params.id);
    if (!session) throw notFound('session');
    await deps.store.write((tx) => tx.deleteSession(session.tokenHash));
    return { ok: true };
  });
}

/** Verifying against a dummy hash keeps "no such user" as slow as "wrong password". */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
