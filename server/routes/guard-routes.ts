/** 巡更路线: the estate's routes (read by its staff, set up by its quality team) and the rounds guards walk. */
import type { Hono } from 'hono';
import { API, PATROL, STAFF, SUPERVISORS } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { deviceSentAt } from '../http/client.ts';
import { saveRoute, submitRound } from '../services/routes.ts';

export function guardRouteRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.routes, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, STAFF);
    return { routes: await deps.store.read.listRoutes(estateId) };
  });
  route(app, API.saveRoute, async (c, req) => {
    requireRole(c, req.params.estateId, SUPERVISORS);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(req.params.id))
      throw badRequest('id: letters, digits, _ or -', [
        { path: 'id', message: 'must be an id of letters, digits, _ or -', rule: 'format' },
      ]);
    return saveRoute(deps, req.params.estateId, req.params.id, await req.body());
  });
  route(app, API.submitRound, async (c, req) => {
    const m = requireRole(c, req.params.estateId, PATROL);
    const r = await deps.store.read.getRoute(req.params.estateId, req.params.id);
    if (!r) throw notFound('route');
    return created(await submitRound(deps, r, await req.body(), m.userId, deviceSentAt(c)));
  });
}
