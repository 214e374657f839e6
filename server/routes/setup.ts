/** The first start: whether the server waits for its setup, and the setup link's form. */
import type { Hono } from 'hono';
import { API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { completeSetup, setupNeeded } from '../services/first-run.ts';

export function setupRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.firstRun, async () => ({ needed: await setupNeeded(deps.store.read) }));
  route(app, API.completeSetup, async (c, req) => completeSetup(deps, await req.body(), c.req.header('user-agent') ?? ''));
}
