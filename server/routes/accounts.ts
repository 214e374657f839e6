/** An estate administrator's hand on the people of the estate: reset a password, disable, see and end sessions. */
import { Hono } from 'hono';
import { ResetPasswordRequest } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { changePassword, manageableUser, publicSession, setDisabled } from '../services/accounts.ts';

export function accountRoutes(deps: Deps) {
  const target = (c: Parameters<typeof requireAuth>[0]) => {
    const estateId = c.req.param('estateId') ?? '';
    requireRole(c, estateId, ['admin']);
    const auth = requireAuth(c);
    return manageableUser(deps, auth.user.id, auth.memberships, estateId, c.req.param('userId') ?? '');
  };
  return new Hono<Env>()
    .post('/:estateId/users/:userId/password', async (c) => {
      const user = await target(c);
      const body = await readJson(c, ResetPasswordRequest);
      await changePassword(deps, user.id, body.password);
      return c.json({ ok: true });
    })
    .post('/:estateId/users/:userId/disable', async (c) => {
      const user = await target(c);
      await setDisabled(deps, user.id, true);
      return c.json({ ok: true, disabled: true });
    })
    .post('/:estateId/users/:userId/enable', async (c) => {
      const user = await target(c);
      await setDisabled(deps, user.id, false);
      return c.json({ ok: true, disabled: false });
    })
    .get('/:estateId/users/:userId/sessions', async (c) => {
      const user = await target(c);
      return c.json({ sessions: (await deps.store.read.sessionsOf(user.id)).map((s) => publicSession(s)) });
    })
    .delete('/:estateId/users/:userId/sessions', async (c) => {
      const user = await target(c);
      await deps.store.write((tx) => tx.deleteSessionsOf(user.id));
      return c.json({ ok: true });
    });
}
