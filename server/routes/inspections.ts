import { Hono } from 'hono';
import { InspectionSubmission } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { PATROL, actorOf, requireAuth, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { badRequest } from '../http/errors.ts';
import { submitInspection, withPhotoProgress } from '../services/inspections.ts';

export function inspectionRoutes(deps: Deps) {
  return new Hono<Env>()
    .post('/', async (c) => {
      requireAuth(c);
      const body = await readJson(c, InspectionSubmission);
      const location = await deps.store.read.getLocation(body.locationId);
      if (!location) throw badRequest(`locationId: no location ${body.locationId}`, [{ path: 'locationId', message: 'unknown location' }]);
      const member = requireRole(c, location.estateId, PATROL);
      const actor = actorOf(member);
      // The phone's clock as it sent this: its offset, for a record saved before it knew one.
      const sentAt = Number(c.req.header('x-pqm-device-time'));
      const { receipt, replayed } = await submitInspection(
        deps,
        location,
        body,
        actor,
        Number.isSafeInteger(sentAt) && sentAt > 0 ? sentAt : null,
      );
      return c.json(receipt, replayed ? 200 : 201);
    })
    .get('/:id', async (c) => {
      const rec = await deps.store.read.getInspection(c.req.param('id'));
      if (!rec) return c.json({ error: 'inspection not found' }, 404);
      requireRole(c, rec.estateId, ['admin', 'supervisor']);
      const receipt = (await deps.store.read.getReceipt(rec.id))?.receipt;
      return c.json({
        ...rec,
        receipt: receipt ? await withPhotoProgress(deps.store.read, { kind: 'inspection', id: rec.id, ...receipt }) : null,
      });
    });
}
