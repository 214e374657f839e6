/** What a staff phone caches to work offline: the estate's locations and current checklists. */
import { Hono } from 'hono';
import type { Deps } from '../context.ts';
import { STAFF, requireRole, type Env } from '../http/auth.ts';

export function fieldRoutes(deps: Deps) {
  return new Hono<Env>().get('/:estateId/field-kit', (c) => {
    const estateId = c.req.param('estateId');
    const m = requireRole(c, estateId, STAFF);
    const estate = deps.store.getEstate(estateId);
    return c.json({
      estate,
      role: m.role,
      departmentId: m.departmentId,
      locations: deps.store
        .listLocations(estateId)
        .filter((l) => l.active)
        .map(({ id, code, name, kind, buildingId, schedule }) => ({ id, code, name, kind, buildingId, schedule })),
      templates: deps.store.latestTemplates(estateId),
      departments: deps.store.listDepartments(estateId).map(({ id, name }) => ({ id, name })),
      policy: deps.store.getPolicy(estateId),
    });
  });
}
