import { Hono } from 'hono';
import * as v from 'valibot';
import { DAY, requiredText } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { HttpError } from '../http/errors.ts';
import { clientIp } from '../http/client.ts';
import { newToken, sha256Hex, verifyPassword } from '../security/crypto.ts';

export const LoginRequest = v.object({ username: requiredText(40, 'username'), password: v.pipe(v.string('password must be text'), v.minLength(1, 'password is required'), v.maxLength(200)) });

export function authRoutes(deps: Deps) {
  return new Hono<Env>()
    .post('/login', async (c) => {
      const body = await readJson(c, LoginRequest);
      const now = deps.clock();
      // Per address and per account, so neither a spray nor a targeted guess gets far.
      deps.limiter.hit(`login-ip:${clientIp(c, deps)}`, 20, 15 * 60_000, now, 'too many sign-in attempts, wait 15 minutes');
      deps.limiter.hit(`login-user:${body.username.toLowerCase()}`, 10, 15 * 60_000, now, 'too many sign-in attempts, wait 15 minutes');
      const user = deps.store.getUserByUsername(body.username);
      const ok = user ? await verifyPassword(body.password, user.passwordHash) : await verifyPassword(body.password, DUMMY_HASH);
      if (!user || !ok) throw new HttpError(401, 'wrong username or password');
      deps.limiter.reset(`login-user:${body.username.toLowerCase()}`);
      const token = newToken();
      const expiresAt = now + deps.config.sessionDays * DAY;
      deps.store.tx(() => deps.store.insertSession({ tokenHash: sha256Hex(token), userId: user.id, expiresAt }, now));
      return c.json({ token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName }, memberships: deps.store.membershipsOf(user.id) });
    })
    .post('/logout', (c) => {
      const auth = requireAuth(c);
      deps.store.tx(() => deps.store.deleteSession(auth.tokenHash));
      return c.json({ ok: true });
    })
    .get('/me', (c) => {
      const auth = requireAuth(c);
      const estates = deps.store.listEstates().filter((e) => auth.memberships.some((m) => m.estateId === e.id));
      return c.json({ user: { id: auth.user.id, username: auth.user.username, displayName: auth.user.displayName }, memberships: auth.memberships, estates });
    });
}

/** Verifying against a dummy hash keeps "no such user" as slow as "wrong password". */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
