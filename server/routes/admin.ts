/** Estate set-up: locations and their QR codes, departments, members, templates, deadline policy. */
import type { Context, Hono } from 'hono';
import { SUPERVISORS, API, actorOf } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireAuth, requireRole, type Env } from '../http/auth.ts';
import { created, route } from '../http/contract.ts';
import {
  addBuilding,
  addDepartment,
  addLocation,
  addUser,
  changeLocation,
  estateSetup,
  importLocationsCsv,
  kioskCodeNow,
  kioskLink,
  publishTemplate,
  revokeCode,
  setMembership,
  setPolicy,
  setRouting,
} from '../services/estate-admin.ts';
import { addChannel, channelsOverview, removeChannel, testChannel } from '../services/channels.ts';
import { importPeople } from '../services/people-import.ts';

export function adminRoutes(app: Hono<Env>, deps: Deps) {
  /** The estate of the path, once the caller is its administrator. */
  const adminOf = (c: Context<Env>, params: { estateId: string }) => {
    requireRole(c, params.estateId, ['admin']);
    return params.estateId;
  };
  /** Who makes a change, for the audit log. */
  const who = (c: Context<Env>) => requireAuth(c).user.id;

  route(app, API.setup, async (c, { params }) => {
    requireRole(c, params.estateId, SUPERVISORS);
    return estateSetup(deps, params.estateId);
  });
  route(app, API.addLocation, async (c, req) => created(await addLocation(deps, adminOf(c, req.params), await req.body(), who(c))));
  route(app, API.changeLocation, async (c, req) => changeLocation(deps, adminOf(c, req.params), req.params.id, await req.body(), who(c)));
  route(app, API.revokeCode, async (c, { params }) => revokeCode(deps, adminOf(c, params), params.id, who(c)));
  route(app, API.kioskLink, async (c, { params }) => ({ url: await kioskLink(deps, adminOf(c, params), params.id) }));
  route(app, API.kioskCode, async (c, { params }) => {
    requireRole(c, params.estateId, SUPERVISORS);
    return kioskCodeNow(deps, params.estateId, params.id);
  });
  route(app, API.addBuilding, async (c, req) => created(await addBuilding(deps, adminOf(c, req.params), await req.body(), who(c))));
  route(app, API.importLocations, async (c, req) => {
    const { csv, preview } = await req.body();
    const imported = await importLocationsCsv(deps, adminOf(c, req.params), csv, who(c), preview);
    return preview ? imported : created(imported);
  });
  route(app, API.addDepartment, async (c, req) => created(await addDepartment(deps, adminOf(c, req.params), await req.body(), who(c))));
  route(app, API.addUser, async (c, req) => created(await addUser(deps, adminOf(c, req.params), await req.body(), who(c))));
  route(app, API.importPeople, async (c, req) => {
    const { csv, preview } = await req.body();
    const imported = await importPeople(deps, adminOf(c, req.params), csv, who(c), preview);
    return preview ? imported : created(imported);
  });
  route(app, API.setMembership, async (c, req) => {
    const admin = requireRole(c, req.params.estateId, ['admin']);
    await setMembership(deps, admin.estateId, req.params.userId, await req.body(), actorOf(admin));
    return { ok: true };
  });
  route(app, API.setPolicy, async (c, req) => {
    const estateId = adminOf(c, req.params);
    const policy = await req.body();
    await setPolicy(deps, estateId, policy, who(c));
    return policy;
  });
  route(app, API.channels, async (c, { params }) => {
    requireRole(c, params.estateId, SUPERVISORS);
    return channelsOverview(deps, params.estateId);
  });
  route(app, API.addChannel, async (c, req) => created(await addChannel(deps, adminOf(c, req.params), await req.body(), who(c))));
  route(app, API.removeChannel, async (c, { params }) => {
    await removeChannel(deps, adminOf(c, params), params.id, who(c));
    return { ok: true };
  });
  route(app, API.testChannel, async (c, { params }) => testChannel(deps, adminOf(c, params), params.id));
  route(app, API.setRouting, async (c, req) => ({
    rules: await setRouting(deps, adminOf(c, req.params), (await req.body()).rules, who(c)),
  }));
  route(app, API.publishTemplate, async (c, req) => created(await publishTemplate(deps, adminOf(c, req.params), await req.body(), who(c))));
}
