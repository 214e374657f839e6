/** Administration: buildings, CSV location import, departments, users and roles, checklist versions, deadline policy. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { BuildingInput, DepartmentInput, PolicyInput, TemplateInput, UserInput } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { addBuilding, addDepartment, addUser, importLocationsCsv, publishTemplate, setPolicy } from '../services/estate-admin.ts';

const ImportInput = v.object({
  csv: v.pipe(v.string(), v.minLength(1, 'csv is empty'), v.maxLength(5_000_000, 'csv is larger than 5 MB')),
});

export function setupRoutes(deps: Deps) {
  /** The estate of the path, once the caller is its administrator. */
  const adminOf = (c: Parameters<typeof requireRole>[0]) => {
    const estateId = c.req.param('estateId') ?? '';
    requireRole(c, estateId, ['admin']);
    return estateId;
  };

  return new Hono<Env>()
    .post('/:estateId/buildings', async (c) => c.json(await addBuilding(deps, adminOf(c), await readJson(c, BuildingInput)), 201))
    .post('/:estateId/locations/import', async (c) => {
      const estateId = adminOf(c);
      const locations = await importLocationsCsv(deps, estateId, (await readJson(c, ImportInput)).csv);
      return c.json({ created: locations.length, locations }, 201);
    })
    .post('/:estateId/departments', async (c) => c.json(await addDepartment(deps, adminOf(c), await readJson(c, DepartmentInput)), 201))
    .post('/:estateId/users', async (c) => c.json(await addUser(deps, adminOf(c), await readJson(c, UserInput)), 201))
    .put('/:estateId/policy', async (c) => {
      const estateId = adminOf(c);
      const body = await readJson(c, PolicyInput);
      await setPolicy(deps, estateId, body);
      return c.json(body);
    })
    .post('/:estateId/templates', async (c) => c.json(await publishTemplate(deps, adminOf(c), await readJson(c, TemplateInput)), 201));
}
