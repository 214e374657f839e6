/** A staff phone's own view of the estate: what it caches to work offline, and the day's rounds (我的今日). */
import type { Hono } from 'hono';
import { API, PATROL, STAFF, dateIn, dayRound } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { requireRole, type Env } from '../http/auth.ts';
import { route } from '../http/contract.ts';
import { notFound } from '../http/errors.ts';

export function fieldRoutes(app: Hono<Env>, deps: Deps) {
  // 我的今日: every round of today across the estate with its status now, soonest first.
  route(app, API.myDay, async (c, { params: { estateId } }) => {
    requireRole(c, estateId, PATROL);
    const estate = await deps.store.read.getEstate(estateId);
    if (!estate) throw notFound('estate');
    const now = deps.clock();
    const board = await deps.board.at(estateId, now);
    const rounds = board
      .locations()
      .flatMap((l) => board.slotsOf(l.id).map((slot) => dayRound(l, slot)))
      .sort((a, b) => a.start - b.start || a.locationId.localeCompare(b.locationId));
    return { estateId, timeZone: estate.timeZone, date: dateIn(now, estate.timeZone), rounds };
  });

  route(app, API.fieldKit, async (c, { params: { estateId } }) => {
    const m = requireRole(c, estateId, STAFF);
    const r = deps.store.read;
    const [estate, locations, templates, departments, policy, routes] = await Promise.all([
      r.getEstate(estateId),
      r.listLocations(estateId),
      r.latestTemplates(estateId),
      r.listDepartments(estateId),
      r.getPolicy(estateId),
      r.listRoutes(estateId),
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
      // A guard walks a route offline: its checkpoints and schedule travel with the kit.
      routes: routes.filter((x) => x.active),
    };
  });
}
