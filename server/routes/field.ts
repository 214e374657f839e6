/** What a staff phone caches to work offline: the estate's locations and current checklists. */
import type { Hono } from 'hono';
import { STAFF, API } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { notFound } from '../http/errors.ts';

export function fieldRoutes(app: Hono<Env>, deps: Deps) {
  route(app, API.fieldKit, async (c, { params: { estateId } }) => {
    const m = requireRole(c, estateId, STAFF);
    const r = deps.store.read;
    const [estate, locations, templates, departments, policy] = await Promise.all([
      r.getEstate(estateId),
      r.listLocations(estateId),
      r.latestTemplates(estateId),
      r.listDepartments(estateId),
      r.getPolicy(estateId),
    ]);
    if (!estate) throw notFound('estate');
    return {
      estate,
      role: m.role,
      departmentId: m.departmentId,
      locations: locations
        .filter((l) => l.active)
        .map(({ id, code, name, kind, buildingId, schedule }) => ({ id, code, name, kind, buildingId, schedule })),
      templates,
      departments: departments.map(({ id, name }) => ({ id, name })),
      policy,
    };
  });
}
