/** Estate set-up: locations and their QR codes, departments, members, templates, deadline policy. */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { LocationInput, type Location } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { kioskCode, newPublicCode, newSecret } from '../security/crypto.ts';

export function adminRoutes(deps: Deps) {
  const { store } = deps;
  const locationOf = (estateId: string, id: string): Location => {
    const loc = store.getLocation(id);
    if (!loc || loc.estateId !== estateId) throw notFound('location');
    return loc;
  };
  const checkBuilding = (estateId: string, buildingId: string | null) => {
    if (buildingId && !store.listBuildings(estateId).some((b) => b.id === buildingId)) {
      throw badRequest(`buildingId: no building ${buildingId} in this estate`, [{ path: 'buildingId', message: 'unknown building' }]);
    }
  };

  return new Hono<Env>()
    .get('/:estateId/setup', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json({
        estate: store.getEstate(estateId),
        policy: store.getPolicy(estateId),
        buildings: store.listBuildings(estateId),
        locations: store.listLocations(estateId),
        departments: store.listDepartments(estateId),
        templates: store.latestTemplates(estateId),
        members: store.membersOf(estateId).map(({ userId, username, displayName, role, departmentId, disabled }) => ({ userId, username, displayName, role, departmentId, disabled })),
        publicUrl: deps.config.publicUrl,
      });
    })
    .post('/:estateId/locations', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      const body = await readJson(c, LocationInput);
      checkBuilding(estateId, body.buildingId);
      const loc: Location = { id: randomUUID(), estateId, code: newPublicCode(), active: true, ...body };
      store.tx(() => store.insertLocation(loc, newSecret(), deps.clock()));
      deps.board.invalidate(estateId);
      return c.json(loc, 201);
    })
    .put('/:estateId/locations/:id', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      const current = locationOf(estateId, c.req.param('id'));
      const body = await readJson(c, LocationInput);
      checkBuilding(estateId, body.buildingId);
      const next = { ...current, ...body };
      store.tx(() => store.updateLocation(next, deps.clock()));
      deps.board.invalidate(estateId);
      return c.json(next);
    })
    .post('/:estateId/locations/:id/revoke-code', (c) => {
      // A stolen or damaged sticker: issue a new code; the old one stops working at once.
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      const next = { ...locationOf(estateId, c.req.param('id')), code: newPublicCode() };
      store.tx(() => store.updateLocation(next, deps.clock()));
      return c.json(next);
    })
    .get('/:estateId/locations/:id/kiosk-link', (c) => {
      // The tablet computes its rotating code itself from this secret (like an authenticator app),
      // so it keeps working offline and holds no staff session.
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      const loc = locationOf(estateId, c.req.param('id'));
      return c.json({ url: `${deps.config.publicUrl}/kiosk/${loc.code}#k=${store.kioskSecret(loc.id)}` });
    })
    .get('/:estateId/locations/:id/kiosk-code', (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      const loc = locationOf(estateId, c.req.param('id'));
      const secret = store.kioskSecret(loc.id);
      const now = deps.clock();
      return c.json({ code: secret ? kioskCode(secret, now) : null, validFor: 30_000 - (now % 30_000) });
    });
}
