/** The estates themselves: listed for their members; added, edited, archived and restored by administrators. */
import type { Hono } from 'hono';
import { API, SUPERVISORS } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { forbidden } from '../http/errors.ts';
import { created, route } from '../http/contract.ts';
import { createEstate, setArchived, updateEstate } from '../services/estates.ts';
import { labelsPrinted, readiness } from '../services/readiness.ts';

export function estateRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.estates, async (c) => {
    const auth = c.get('auth');
    return auth ? (await deps.store.read.listEstates()).filter((e) => auth.memberships.some((m) => m.estateId === e.id)) : [];
  });
  // The group's administrators add estates; they become the new estate's administrator too.
  route(app, API.createEstate, async (c, req) => {
    const { user } = requireAuth(c);
    if (user.groupAccess.role !== 'groupAdmin') throw forbidden('needs group role groupAdmin');
    return created(await createEstate(deps, await req.body(), user.id));
  });
  route(app, API.updateEstate, async (c, req) => {
    const admin = requireRole(c, req.params.estateId, ['admin']);
    return updateEstate(deps, req.params.estateId, await req.body(), admin.userId);
  });
  route(app, API.readiness, async (c, { params }) => {
    requireRole(c, params.estateId, SUPERVISORS);
    return readiness(deps, params.estateId);
  });
  route(app, API.labelsPrinted, async (c, req) => {
    requireRole(c, req.params.estateId, SUPERVISORS);
    await labelsPrinted(deps, req.params.estateId, (await req.body()).locationIds);
    return { ok: true };
  });
  route(app, API.archiveEstate, async (c, { params }) => {
    const admin = requireRole(c, params.estateId, ['admin']);
    return setArchived(deps, params.estateId, true, admin.userId);
  });
  route(app, API.restoreEstate, async (c, { params }) => {
    const admin = requireRole(c, params.estateId, ['admin'], { evenArchived: true });
    return setArchived(deps, params.estateId, false, admin.userId);
  });
}
