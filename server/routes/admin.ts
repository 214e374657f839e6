/** Estate set-up: locations and their QR codes, departments, members, templates, deadline policy. */
import { Hono } from 'hono';
import { LocationInput } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { SUPERVISORS, requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { addLocation, changeLocation, estateSetup, kioskCodeNow, kioskLink, revokeCode } from '../services/estate-admin.ts';

export function adminRoutes(deps: Deps) {
  return new Hono<Env>()
    .get('/:estateId/setup', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json(await estateSetup(deps, estateId));
    })
    .post('/:estateId/locations', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      return c.json(await addLocation(deps, estateId, await readJson(c, LocationInput)), 201);
    })
    .put('/:estateId/locations/:id', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      return c.json(await changeLocation(deps, estateId, c.req.param('id'), await readJson(c, LocationInput)));
    })
    .post('/:estateId/locations/:id/revoke-code', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      return c.json(await revokeCode(deps, estateId, c.req.param('id')));
    })
    .get('/:estateId/locations/:id/kiosk-link', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, ['admin']);
      return c.json({ url: await kioskLink(deps, estateId, c.req.param('id')) });
    })
    .get('/:estateId/locations/:id/kiosk-code', async (c) => {
      const estateId = c.req.param('estateId');
      requireRole(c, estateId, SUPERVISORS);
      return c.json(await kioskCodeNow(deps, estateId, c.req.param('id')));
    });
}
