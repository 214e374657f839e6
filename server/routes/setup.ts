/** The ways into an account that need no session: the first start's setup link, and a person's invitation link. */
import type { Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { completeSetup, setupNeeded } from '../services/first-run.ts';
import { acceptInvitation, peekInvitation } from '../services/invitations.ts';

export function setupRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.firstRun, async () => ({ needed: await setupNeeded(deps.store.read) }));
  route(app, API.completeSetup, async (c, req) => completeSetup(deps, await req.body(), c.req.header('user-agent') ?? ''));
  route(app, API.peekInvitation, async (_c, req) => peekInvitation(deps, (await req.body()).token));
  route(app, API.acceptInvitation, async (c, req) => {
    const { token, password } = await req.body();
    return acceptInvitation(deps, token, password, c.req.header('user-agent') ?? '');
  });
}
