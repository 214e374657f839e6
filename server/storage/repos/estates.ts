import { DEFAULT_DEADLINE_POLICY, type ChecklistTemplate, type Location, type LocationVersion } from '../../../shared/index.ts';
import type { Row, Sql } from '../sql.ts';
import type { Writes } from '../store.ts';

const toLocation = (r: Row): Location => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  buildingId: (r.building_id as string | null) ?? null,
  kind: r.kind as Location['kind'],
  name: JSON.parse(r.name as string),
  code: r.code as string,
  schedule: r.schedule ? JSON.parse(r.schedule as string) : null,
  active: Number(r.active) === 1,
});

const toEstate = (r: Row) => ({
  id: r.id as string,
  name: JSON.parse(r.name as string),
  timeZone: r.time_zone as string,
  households: Number(r.households),
  address: (r.address as string | null) ?? '',
  servicePhone: (r.service_phone as string | null) ?? '',
  archivedAt: r.archived_at === null || r.archived_at === undefined ? null : Number(r.archived_at),
});

type EstateRepo = Pick<
  Writes,
  | 'listEstates'
  | 'getEstate'
  | 'insertEstate'
  | 'updateEstate'
  | 'setArchived'
  | 'archivedLocations'
  | 'getPolicy'
  | 'setPolicy'
  | 'getRouting'
  | 'setRouting'
  | 'insertBuilding'
  | 'listBuildings'
  | 'insertLocation'
  | 'updateLocation'
  | 'getLocation'
  | 'getLocationByCode'
  | 'codesByShortCode'
  | 'listLocations'
  | 'kioskSecret'
  | 'insertTemplate'
  | 'getTemplate'
  | 'latestTemplates'
  | 'templateVersions'
  | 'locationVersions'
  | 'insertDepartment'
  | 'listDepartments'
  | 'estateRevision'
>;

/**
 * `templateCache`: template versions never change once committed, so the reader keeps a parsed copy for good.
 * A transaction passes none: what it reads may yet roll back.
 */
export function estateRepo(sql: Sql, templateCache: Map<string, ChecklistTemplate> | null): EstateRepo {
  const addVersion = (l: Location, at: number) =>
    sql.run(
      `INSERT INTO location_versions (estate_id, location_id, since, active, kind, schedule) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (estate_id, location_id, since) DO UPDATE SET active = excluded.active, kind = excluded.kind, schedule = excluded.schedule`,
      [l.estateId, l.id, at, l.active ? 1 : 0, l.kind, l.schedule && JSON.stringify(l.schedule)],
    );

  // What an estate owes changed: other servers' patrol boards see the new revision and rebuild.
  const bump = (estateId: string) => sql.run('UPDATE estates SET revision = revision + 1 WHERE id = ?', [estateId]);

  return {
    estateRevision: async (id) => Number((await sql.get('SELECT revision FROM estates WHERE id = ?', [id]))?.revision ?? 0),
    listEstates: async () => (await sql.all('SELECT * FROM estates ORDER BY id')).map(toEstate),
    getEstate: async (id) => {
      const r = await sql.get('SELECT * FROM estates WHERE id = ?', [id]);
      return r && toEstate(r);
    },
    insertEstate: async (e) =>
      void (await sql.run('INSERT INTO estates (id, name, time_zone, households, address, service_phone) VALUES (?, ?, ?, ?, ?, ?)', [
        e.id,
        JSON.stringify(e.name),
        e.timeZone,
        e.households,
        e.address,
        e.servicePhone,
      ])),
    updateEstate: async (e) => {
      await sql.run('UPDATE estates SET name = ?, time_zone = ?, households = ?, address = ?, service_phone = ? WHERE id = ?', [
        JSON.stringify(e.name),
        e.timeZone,
        e.households,
        e.address,
        e.servicePhone,
        e.id,
      ]);
      // Its zone decides its days: every server's patrol board rebuilds.
      await bump(e.id);
    },
    setArchived: async (id, at, locations) =>
      void (await sql.run('UPDATE estates SET archived_at = ?, archived_locations = ? WHERE id = ?', [
        at,
        locations.length ? JSON.stringify(locations) : null,
        id,
      ])),
    archivedLocations: async (id) => {
      const r = await sql.get('SELECT archived_locations FROM estates WHERE id = ?', [id]);
      return r?.archived_locations ? JSON.parse(r.archived_locations as string) : [];
    },
    getPolicy: async (id) => {
      const r = await sql.get('SELECT policy FROM estates WHERE id = ?', [id]);
      return r?.policy ? JSON.parse(r.policy as string) : DEFAULT_DEADLINE_POLICY;
    },
    setPolicy: async (id, p) => {
      await sql.run('UPDATE estates SET policy = ? WHERE id = ?', [JSON.stringify(p), id]);
      await bump(id);
    },
    getRouting: async (id) => {
      const r = await sql.get('SELECT routing FROM estates WHERE id = ?', [id]);
      return r?.routing ? JSON.parse(r.routing as string) : [];
    },
    setRouting: async (id, rules) => void (await sql.run('UPDATE estates SET routing = ? WHERE id = ?', [JSON.stringify(rules), id])),
    insertBuilding: async (b) =>
      void (await sql.run('INSERT INTO buildings (id, estate_id, name) VALUES (?, ?, ?)', [b.id, b.estateId, JSON.stringify(b.name)])),
    listBuildings: async (estateId) =>
      (await sql.all('SELECT * FROM buildings WHERE estate_id = ? ORDER BY id', [estateId])).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        name: JSON.parse(r.name as string),
      })),
    insertLocation: async (l, secret, at) => {
      await sql.run(
        'INSERT INTO locations (id, estate_id, building_id, kind, name, code, schedule, active, kiosk_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          l.id,
          l.estateId,
          l.buildingId,
          l.kind,
          JSON.stringify(l.name),
          l.code,
          l.schedule && JSON.stringify(l.schedule),
          l.active ? 1 : 0,
          secret,
        ],
      );
      await addVersion(l, at);
      await bump(l.estateId);
    },
    updateLocation: async (l, at) => {
      await sql.run('UPDATE locations SET building_id = ?, kind = ?, name = ?, code = ?, schedule = ?, active = ? WHERE id = ?', [
        l.buildingId,
        l.kind,
        JSON.stringify(l.name),
        l.code,
        l.schedule && JSON.stringify(l.schedule),
        l.active ? 1 : 0,
        l.id,
      ]);
      await addVersion(l, at);
      await bump(l.estateId);
    },
    locationVersions: async (estateId) => {
      const out = new Map<string, LocationVersion[]>();
      const rows = await sql.all(
        'SELECT location_id, since, active, kind, schedule FROM location_versions WHERE estate_id = ? ORDER BY location_id, since',
        [estateId],
      );
      for (const r of rows) {
        const list = out.get(r.location_id as string) ?? [];
        list.push({
          since: Number(r.since),
          active: Number(r.active) === 1,
          kind: r.kind as Location['kind'],
          schedule: r.schedule ? JSON.parse(r.schedule as string) : null,
        });
        out.set(r.location_id as string, list);
      }
      return out;
    },
    templateVersions: async (estateId) =>
      (await sql.all('SELECT body, created_at FROM templates WHERE estate_id = ? ORDER BY created_at', [estateId])).map((r) => ({
        createdAt: Number(r.created_at),
        template: JSON.parse(r.body as string) as ChecklistTemplate,
      })),
    getLocation: async (id) => {
      const r = await sql.get('SELECT * FROM locations WHERE id = ?', [id]);
      return r && toLocation(r);
    },
    codesByShortCode: async (short) =>
      (await sql.all('SELECT code FROM locations WHERE substr(code, 1, 10) = ? AND active = 1 LIMIT 2', [short])).map(
        (r) => r.code as string,
      ),
    getLocationByCode: async (code) => {
      const r = await sql.get('SELECT * FROM locations WHERE code = ?', [code]);
      return r && toLocation(r);
    },
    listLocations: async (estateId) =>
      (await sql.all('SELECT * FROM locations WHERE estate_id = ? ORDER BY id', [estateId])).map(toLocation),
    kioskSecret: async (id) => (await sql.get('SELECT kiosk_secret FROM locations WHERE id = ?', [id]))?.kiosk_secret as string | undefined,
    insertTemplate: async (estateId, t, at) => {
      await sql.run('INSERT INTO templates (estate_id, id, version, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        estateId,
        t.id,
        t.version,
        t.kind,
        JSON.stringify(t),
        at,
      ]);
      await bump(estateId);
    },
    getTemplate: async (estateId, id, version) => {
      const key = `${estateId}|${id}|${version}`;
      const cached = templateCache?.get(key);
      if (cached) return cached;
      const r = await sql.get('SELECT body FROM templates WHERE estate_id = ? AND id = ? AND version = ?', [estateId, id, version]);
      if (!r) return undefined;
      const template = JSON.parse(r.body as string) as ChecklistTemplate;
      templateCache?.set(key, template);
      return template;
    },
    latestTemplates: async (estateId) =>
      (
        await sql.all(
          'SELECT body FROM templates t WHERE estate_id = ? AND version = (SELECT max(version) FROM templates WHERE estate_id = t.estate_id AND id = t.id) ORDER BY id',
          [estateId],
        )
      ).map((r) => JSON.parse(r.body as string) as ChecklistTemplate),
    insertDepartment: async (d) =>
      void (await sql.run('INSERT INTO departments (id, estate_id, name, categories) VALUES (?, ?, ?, ?)', [
        d.id,
        d.estateId,
        JSON.stringify(d.name),
        JSON.stringify(d.categories),
      ])),
    listDepartments: async (estateId) =>
      (await sql.all('SELECT * FROM departments WHERE estate_id = ? ORDER BY id', [estateId])).map((r) => ({
        id: r.id as string,
        estateId: r.estate_id as string,
        name: JSON.parse(r.name as string),
        categories: JSON.parse(r.categories as string),
      })),
  };
}
