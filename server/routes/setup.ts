/** Administration: buildings, CSV location import, departments, users and roles, checklist versions, deadline policy. */
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { BuildingInput, DepartmentInput, PolicyInput, TemplateInput, UserInput } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { readJson } from '../http/body.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { hashPassword, newSecret } from '../security/crypto.ts';
import { importLocations } from '../services/location-import.ts';

const ImportInput = v.object({ csv: v.pipe(v.string(), v.minLength(1, 'csv is empty'), v.maxLength(5_000_000, 'csv is larger than 5 MB')) });

export function setupRoutes(deps: Deps) {
  const { store } = deps;
  const admin = (c: Parameters<typeof requireRole>[0]) => requireRole(c, c.req.param('estateId') ?? '', ['admin']);

  return new Hono<Env>()
    .post('/:estateId/buildings', async (c) => {
      admin(c);
      const body = await readJson(c, BuildingInput);
      const building = { id: randomUUID(), estateId: c.req.param('estateId'), ...body };
      store.tx(() => store.insertBuilding(building));
      return c.json(building, 201);
    })
    .post('/:estateId/locations/import', async (c) => {
      admin(c);
      const estateId = c.req.param('estateId');
      const { csv } = await readJson(c, ImportInput);
      const result = importLocations(csv, estateId, store.listBuildings(estateId));
      if (result.errors.length) {
        throw badRequest(`csv: ${result.errors.length} line(s) wrong, nothing imported`, result.errors.slice(0, 50).map((e) => ({ path: `csv.line${e.line}`, message: e.message })));
      }
      store.tx(() => {
        for (const l of result.locations) store.insertLocation(l, newSecret(), deps.clock());
      });
      deps.board.invalidate(estateId);
      return c.json({ created: result.locations.length, locations: result.locations }, 201);
    })
    .post('/:estateId/departments', async (c) => {
      admin(c);
      const body = await readJson(c, DepartmentInput);
      const department = { id: randomUUID(), estateId: c.req.param('estateId'), ...body };
      store.tx(() => store.insertDepartment(department));
      return c.json(department, 201);
    })
    .post('/:estateId/users', async (c) => {
      admin(c);
      const estateId = c.req.param('estateId');
      const body = await readJson(c, UserInput);
      if (body.role === 'department' && !store.listDepartments(estateId).some((d) => d.id === body.departmentId)) {
        throw badRequest('departmentId: department staff need a department of this estate', [{ path: 'departmentId', message: 'unknown department' }]);
      }
      if (store.getUserByUsername(body.username)) throw conflict(`username ${body.username} is taken`);
      const user = { id: randomUUID(), username: body.username, displayName: body.displayName, passwordHash: await hashPassword(body.password) };
      store.tx(() => {
        store.insertUser(user, deps.clock());
        store.putMembership({ userId: user.id, estateId, role: body.role, departmentId: body.role === 'department' ? body.departmentId : null });
      });
      return c.json({ id: user.id, username: user.username, displayName: user.displayName, role: body.role, departmentId: body.departmentId }, 201);
    })
    .put('/:estateId/policy', async (c) => {
      admin(c);
      const body = await readJson(c, PolicyInput);
      store.tx(() => store.setPolicy(c.req.param('estateId'), body));
      return c.json(body);
    })
    .post('/:estateId/templates', async (c) => {
      // Editing a checklist makes a new version; past inspections keep pointing at theirs.
      admin(c);
      const estateId = c.req.param('estateId');
      const body = await readJson(c, TemplateInput);
      const versions = store.latestTemplates(estateId).filter((t) => t.id === body.id);
      const current = versions[0];
      if (current && current.kind !== body.kind) throw badRequest(`kind: template ${body.id} is for ${current.kind}`, [{ path: 'kind', message: 'cannot change the kind of a template' }]);
      const template = { ...body, version: (current?.version ?? 0) + 1 };
      store.tx(() => store.insertTemplate(estateId, template, deps.clock()));
      deps.board.invalidate(estateId);
      return c.json(template, 201);
    });
}
