/** What a staff phone caches to work offline: the estate's locations and current checklists. */
import { Hono } from 'hono';
import type { FieldKit } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { STAFF, requireRole, type Env } from '../http/auth.ts';

export function fieldRoutes(deps: Deps) {
  return new Hono<Env>().get('/:estateId/field-kit', async (c) => {
    const estateId = c.req.param('estateId');
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
    const kit: FieldKit = {
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
    return c.json(kit);
  });
}
