/** 接待登记: the service desk logs an owner's visit or call from its own location's page. */
import type { Hono } from 'hono';
import { API, STAFF, actorOf, onServerClock } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import { badRequest } from '../http/errors.ts';
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
    // The phone's clock may be wrong: its times are put on the server's by the offset it shows now, never refused.
    const now = deps.clock();
    const sentAt = Number(c.req.header('x-pqm-device-time'));
    const sendOffset = Number.isSafeInteger(sentAt) && sentAt > 0 ? now - sentAt : null;
    const times = onServerClock({ startedAt: body.receivedAt, finishedAt: body.answeredAt }, null, sendOffset, now);
    return created(await logDeskEntry(deps, desk, { ...body, receivedAt: times.startedAt, answeredAt: times.finishedAt }, actorOf(m)));
  });
}
