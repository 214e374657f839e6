import { DEFAULT_DEADLINE_POLICY, type ChecklistTemplate, type Location, type LocationVersion } from '../../../shared/index.ts';
import type { Store } from '../store.ts';
import type { Db } from './open.ts';

type Row = Record<string, unknown>;

const toLocation = (r: Row): Location => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  buildingId: (r.building_id as string | null) ?? null,
  kind: r.kind as Location['kind'],
  name: JSON.parse(r.name as string),
  code: r.code as string,
  schedule: r.schedule ? JSON.parse(r.schedule as string) : null,
  active: r.active === 1,
});

type EstateRepo = Pick<
  Store,
  | 'listEstates' | 'getEstate' | 'insertEstate' | 'getPolicy' | 'setPolicy'
  | 'insertBuilding' | 'listBuildings'
  | 'insertLocation' | 'updateLocation' | 'getLocation' | 'getLocationByCode' | 'listLocations' | 'kioskSecret'
  | 'insertTemplate' | 'getTemplate' | 'latestTemplates' | 'templateVersions' | 'locationVersions'
  | 'insertDepartment' | 'listDepartments'
>;

export function estateRepo(db: Db): EstateRepo {
  const q = {
    estates: db.prepare('SELECT * FROM estates ORDER BY id'),
    estate: db.prepare('SELECT * FROM estates WHERE id = ?'),
    insertEstate: db.prepare('INSERT INTO estates (id, name, time_zone, households) VALUES (?, ?, ?, ?)'),
    setPolicy: db.prepare('UPDATE estates SET policy = ? WHERE id = ?'),
    insertBuilding: db.prepare('INSERT INTO buildings (id, estate_id, name) VALUES (?, ?, ?)'),
    buildings: db.prepare('SELECT * FROM buildings WHERE estate_id = ? ORDER BY id'),
    insertLocation: db.prepare(
      'INSERT INTO locations (id, estate_id, building_id, kind, name, code, schedule, active, kiosk_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateLocation: db.prepare('UPDATE locations SET building_id = ?, kind = ?, name = ?, code = ?, schedule = ?, active = ? WHERE id = ?'),
    insertVersion: db.prepare('INSERT OR REPLACE INTO location_versions (estate_id, location_id, since, active, kind, schedule) VALUES (?, ?, ?, ?, ?, ?)'),
    versions: db.prepare('SELECT location_id, since, active, kind, schedule FROM location_versions WHERE estate_id = ? ORDER BY location_id, since'),
    templateVersions: db.prepare('SELECT body, created_at FROM templates WHERE estate_id = ? ORDER BY created_at'),
    location: db.prepare('SELECT * FROM locations WHERE id = ?'),
    locationByCode: db.prepare('SELECT * FROM locations WHERE code = ?'),
    locations: db.prepare('SELECT * FROM locations WHERE estate_id = ? ORDER BY id'),
    kioskSecret: db.prepare('SELECT kiosk_secret FROM locations WHERE id = ?').pluck(),
    insertTemplate: db.prepare('INSERT INTO templates (estate_id, id, version, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    template: db.prepare('SELECT body FROM templates WHERE estate_id = ? AND id = ? AND version = ?').pluck(),
    latestTemplates: db.prepare(
      `SELECT body FROM templates t WHERE estate_id = ? AND version = (SELECT max(version) FROM templates WHERE estate_id = t.estate_id AND id = t.id) ORDER BY id`,
    ).pluck(),
    insertDepartment: db.prepare('INSERT INTO departments (id, estate_id, name, categories) VALUES (?, ?, ?, ?)'),
    departments: db.prepare('SELECT * FROM departments WHERE estate_id = ? ORDER BY id'),
  };
  // Template versions never change once written, so a parsed copy can be kept for good.
  const templateCache = new Map<string, ChecklistTemplate>();
  const toEstate = (r: Row) => ({ id: r.id as string, name: JSON.parse(r.name as string), timeZone: r.time_zone as string, households: r.households as number });

  return {
    listEstates: () => (q.estates.all() as Row[]).map(toEstate),
    getEstate: (id) => {
      const r = q.estate.get(id) as Row | undefined;
      return r && toEstate(r);
    },
    insertEstate: (e) => void q.insertEstate.run(e.id, JSON.stringify(e.name), e.timeZone, e.households),
    getPolicy: (id) => {
      const r = q.estate.get(id) as Row | undefined;
      return r?.policy ? JSON.parse(r.policy as string) : DEFAULT_DEADLINE_POLICY;
    },
    setPolicy: (id, p) => void q.setPolicy.run(JSON.stringify(p), id),
    insertBuilding: (b) => void q.insertBuilding.run(b.id, b.estateId, JSON.stringify(b.name)),
    listBuildings: (estateId) =>
      (q.buildings.all(estateId) as Row[]).map((r) => ({ id: r.id as string, estateId: r.estate_id as string, name: JSON.parse(r.name as string) })),
    insertLocation: (l, secret, at) => {
      q.insertLocation.run(l.id, l.estateId, l.buildingId, l.kind, JSON.stringify(l.name), l.code, l.schedule && JSON.stringify(l.schedule), l.active ? 1 : 0, secret);
      q.insertVersion.run(l.estateId, l.id, at, l.active ? 1 : 0, l.kind, l.schedule && JSON.stringify(l.schedule));
    },
    updateLocation: (l, at) => {
      q.updateLocation.run(l.buildingId, l.kind, JSON.stringify(l.name), l.code, l.schedule && JSON.stringify(l.schedule), l.active ? 1 : 0, l.id);
      q.insertVersion.run(l.estateId, l.id, at, l.active ? 1 : 0, l.kind, l.schedule && JSON.stringify(l.schedule));
    },
    locationVersions: (estateId) => {
      const out = new Map<string, LocationVersion[]>();
      for (const r of q.versions.all(estateId) as Row[]) {
        const list = out.get(r.location_id as string) ?? [];
        list.push({ since: r.since as number, active: r.active === 1, kind: r.kind as Location['kind'], schedule: r.schedule ? JSON.parse(r.schedule as string) : null });
        out.set(r.location_id as string, list);
      }
      return out;
    },
    templateVersions: (estateId) =>
      (q.templateVersions.all(estateId) as Row[]).map((r) => ({ createdAt: r.created_at as number, template: JSON.parse(r.body as string) as ChecklistTemplate })),
    getLocation: (id) => {
      const r = q.location.get(id) as Row | undefined;
      return r && toLocation(r);
    },
    getLocationByCode: (code) => {
      const r = q.locationByCode.get(code) as Row | undefined;
      return r && toLocation(r);
    },
    listLocations: (estateId) => (q.locations.all(estateId) as Row[]).map(toLocation),
    kioskSecret: (id) => q.kioskSecret.get(id) as string | undefined,
    insertTemplate: (estateId, t, at) => void q.insertTemplate.run(estateId, t.id, t.version, t.kind, JSON.stringify(t), at),
    getTemplate: (estateId, id, version) => {
      const key = `${estateId}|${id}|${version}`;
      const cached = templateCache.get(key);
      if (cached) return cached;
      const body = q.template.get(estateId, id, version) as string | undefined;
      if (!body) return undefined;
      const template = JSON.parse(body) as ChecklistTemplate;
      templateCache.set(key, template);
      return template;
    },
    latestTemplates: (estateId) => (q.latestTemplates.all(estateId) as string[]).map((b) => JSON.parse(b) as ChecklistTemplate),
    insertDepartment: (d) => void q.insertDepartment.run(d.id, d.estateId, JSON.stringify(d.name), JSON.stringify(d.categories)),
    listDepartments: (estateId) =>
      (q.departments.all(estateId) as Row[]).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        name: JSON.parse(r.name as string),
        categories: JSON.parse(r.categories as string),
      })),
  };
}
