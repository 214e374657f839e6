/** Web Push: a person's phone turning its notifications on and off in an estate, with the server's public key. */
import type { Hono } from 'hono';
import { API, STAFF } from '../../shared/index.ts';
import { vapidKeys } from '../channels/web-push.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { subscribePush, unsubscribePush } from '../services/channels.ts';

export function pushRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.pushKey, async (c) => {
    requireAuth(c);
    return { publicKey: vapidKeys(deps.secret, deps.config.publicUrl).publicKey };
  });
  route(app, API.subscribePush, async (c, req) => subscribePush(deps, requireRole(c, req.params.estateId, STAFF), await req.body()));
  route(app, API.unsubscribePush, async (c, req) => {
    await unsubscribePush(deps, requireRole(c, req.params.estateId, STAFF), (await req.body()).endpoint);
    return { ok: true };
  });
}
