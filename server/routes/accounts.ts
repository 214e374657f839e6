/** An estate administrator's hand on the people of the estate: reset a password, disable, see and end sessions. */
import type { Context, Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { changePassword, endSessionsOf, manageableUser, sessionsOf, setDisabled } from '../services/accounts.ts';
import { invite } from '../services/invitations.ts';

export function accountRoutes(app: Hono<Env>, deps: Deps) {
  const target = (c: Context<Env>, params: { estateId: string; userId: string }) => {
    requireRole(c, params.estateId, ['admin']);
    const auth = requireAuth(c);
    return manageableUser(deps, auth.user.id, auth.memberships, params.estateId, params.userId);
  };
  /** The administrator's act on the account, for the audit log. */
  const act = (c: Context<Env>, estateId: string, username: string) => ({ by: requireAuth(c).user.id, estateId, target: username });

  // A one-time link for them to set their own password (a newcomer, or someone who forgot theirs).
  route(app, API.invite, async (c, req) => {
    const user = await target(c, req.params);
    return invite(deps, req.params.estateId, user.id, act(c, req.params.estateId, user.username));
  });

  route(app, API.resetPassword, async (c, req) => {
    const user = await target(c, req.params);
    const body = await req.body();
    await changePassword(deps, user.id, body.password, undefined, act(c, req.params.estateId, user.username));
    return { ok: true };
  });

  route(app, API.disableUser, async (c, req) => {
    const user = await target(c, req.params);
    await setDisabled(deps, user.id, true, act(c, req.params.estateId, user.username));
    return { ok: true, disabled: true };
  });

  route(app, API.enableUser, async (c, req) => {
    const user = await target(c, req.params);
    await setDisabled(deps, user.id, false, act(c, req.params.estateId, user.username));
    return { ok: true, disabled: false };
  });

  route(app, API.userSessions, async (c, req) => {
    const user = await target(c, req.params);
    return { sessions: await sessionsOf(deps, user.id) };
  });

  route(app, API.endUserSessions, async (c, req) => {
    const user = await target(c, req.params);
    await endSessionsOf(deps, user.id, act(c, req.params.estateId, user.username));
    return { ok: true };
  });
}
