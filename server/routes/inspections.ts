/** Patrol rounds: a phone sends one (idempotent by its UUID); a supervisor reads one with its receipt. */
import type { Hono } from 'hono';
import { PATROL, API, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { receipt, route } from '../http/contract.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { deviceSentAt } from '../http/client.ts';
import { submitInspection, withPhotoProgress, type StoredInspectionReceipt } from '../services/inspections.ts';

export function inspectionRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.submitInspection, async (c, req) => {
    requireAuth(c);
    const body = await req.body();
    const location = await deps.store.read.getLocation(body.locationId);
    if (!location)
      throw badRequest(`locationId: no location ${body.locationId}`, [
        { path: 'locationId', message: 'unknown location', rule: 'unknown' },
      ]);
    const actor = actorOf(requireRole(c, location.estateId, PATROL));
    // The phone's clock as it sent this: its offset, for a record saved before it knew one.
    return receipt(await submitInspection(deps, location, body, actor, deviceSentAt(c)));
  });

  route(app, API.inspection, async (c, { params }) => {
    const rec = await deps.store.read.getInspection(params.id);
    if (!rec) throw notFound('inspection');
    requireRole(c, rec.estateId, ['admin', 'supervisor']);
    // The receipt under an inspection's id is that inspection's (services/idempotency.ts).
    const stored = (await deps.store.read.getReceipt(rec.id))?.receipt as StoredInspectionReceipt | undefined;
    return { ...rec, receipt: stored ? await withPhotoProgress(deps.store.read, stored) : null };
  });
}
