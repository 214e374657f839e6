/** 接待登记: the service desk logs an owner's visit or call from its own location's page. */
import type { Hono } from 'hono';
import { API, STAFF, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { badRequest } from '../http/errors.ts';
import { deviceSentAt } from '../http/client.ts';
import { logDeskEntry } from '../services/desk.ts';

export function deskRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.logDeskEntry, async (c, req) => {
    requireAuth(c);
    const body = await req.body();
    const desk = await deps.store.read.getLocation(body.locationId);
    if (!desk?.active)
      throw badRequest(`locationId: no location ${body.locationId}`, [
        { path: 'locationId', message: 'unknown location', rule: 'unknown' },
      ]);
    const m = requireRole(c, desk.estateId, STAFF);
    if (desk.kind !== 'service_desk')
      throw badRequest('locationId: not a service desk', [{ path: 'locationId', message: 'not a service desk', rule: 'picklist' }]);
    return created(await logDeskEntry(deps, desk, body, actorOf(m), deviceSentAt(c)));
  });
}
