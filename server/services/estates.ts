/**
 * A new estate and what it starts with: checklists for every kind of place, the monthly score sheet, the
 * quarterly survey, the departments and the dispatch rules that send each problem to one of them. All are
 * editable defaults (shared/content); the deadline policy's default needs no row.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_DEPARTMENTS,
  DEFAULT_ROUTING,
  DEFAULT_SCORING_SHEET,
  DEFAULT_SURVEY,
  DEFAULT_TEMPLATES,
  type Category,
  type Estate,
  type EstateInput,
  type LocalText,
  type RoutingRule,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Writes } from '../storage/store.ts';
import { conflict, notFound } from './refusals.ts';
import { audit } from './audit.ts';

export interface EstateContent {
  departments: readonly { id: string; name: LocalText; categories: Category[] }[];
  /** none: every finding waits in 待派单 for a supervisor. */
  routing: readonly RoutingRule[];
}

/**
 * The default departments and rules for one estate. Department ids are unique across estates, so each estate's
 * are prefixed with its own id (e-3fa9c2d1e0-cleaning).
 */
function defaultContent(estateId: string): EstateContent {
  const id = (departmentId: string) => `${estateId}-${departmentId}`;
  return {
    departments: DEFAULT_DEPARTMENTS.map((d) => ({ ...d, id: id(d.id) })),
    routing: DEFAULT_ROUTING.map((r) => ({ ...r, departmentId: id(r.departmentId) })),
  };
}

/** Writes an estate's starting content in the caller's transaction. */
export async function writeDefaults(tx: Writes, estateId: string, at: number, content = defaultContent(estateId)): Promise<void> {
  for (const t of DEFAULT_TEMPLATES) await tx.insertTemplate(estateId, t, at);
  await tx.insertSheet(estateId, DEFAULT_SCORING_SHEET);
  await tx.insertSurvey(estateId, DEFAULT_SURVEY);
  for (const d of content.departments) await tx.insertDepartment({ ...d, estateId });
  if (content.routing.length) await tx.setRouting(estateId, content.routing);
}

/** A new estate with the defaults, in the caller's transaction. Its id is short and random (it appears in links). */
export async function newEstate(tx: Writes, input: EstateInput, at: number): Promise<Estate> {
  const estate: Estate = { id: `e-${randomBytes(5).toString('hex')}`, ...input, archivedAt: null };
  await tx.insertEstate(estate);
  await writeDefaults(tx, estate.id, at);
  return estate;
}

/** A new estate, made by an administrator (of another estate), who becomes its administrator. */
/** A new estate from the defaults, with `by` (a group administrator) as its administrator. */
export async function createEstate(deps: Deps, input: EstateInput, by: string): Promise<Estate> {
  return deps.store.write(async (tx) => {
    const estate = await newEstate(tx, input, deps.clock());
    await tx.putMembership({ userId: by, estateId: estate.id, role: 'admin', departmentId: null, lead: false });
    await audit(tx, by, { estateId: estate.id, action: 'estate.create', target: estate.name.zh, after: estate }, deps.clock());
    return estate;
  });
}

/** Its name, address, zone, households and phone. */
export async function updateEstate(deps: Deps, estateId: string, input: EstateInput, by: string): Promise<Estate> {
  const estate = await deps.store.write(async (tx) => {
    const current = await tx.getEstate(estateId);
    if (!current) throw notFound('estate');
    const next = { ...current, ...input };
    await tx.updateEstate(next);
    await audit(tx, by, { estateId, action: 'estate.update', target: next.name.zh, before: current, after: next }, deps.clock());
    return next;
  });
  // A new zone moves the estate's days and slots.
  deps.board.invalidate(estateId);
  return estate;
}

/**
 * Archives an estate: its history stays, read-only, and from now on it owes no patrols (its active locations stop,
 * as new location versions, so past figures are untouched). Restoring starts those same locations again.
 */
export async function setArchived(deps: Deps, estateId: string, archive: boolean, by: string): Promise<Estate> {
  const now = deps.clock();
  const estate = await deps.store.write(async (tx) => {
    const current = await tx.getEstate(estateId);
    if (!current) throw notFound('estate');
    if ((current.archivedAt !== null) === archive) throw conflict(archive ? 'the estate is archived already' : 'the estate is in service');
    if (archive) {
      const stopped = (await tx.listLocations(estateId)).filter((l) => l.active);
      for (const l of stopped) await tx.updateLocation({ ...l, active: false }, now);
      await tx.setArchived(
        estateId,
        now,
        stopped.map((l) => l.id),
      );
    } else {
      const restart = new Set(await tx.archivedLocations(estateId));
      for (const l of await tx.listLocations(estateId)) if (restart.has(l.id)) await tx.updateLocation({ ...l, active: true }, now);
      await tx.setArchived(estateId, null, []);
    }
    await audit(tx, by, { estateId, action: archive ? 'estate.archive' : 'estate.restore', target: current.name.zh }, now);
    return { ...current, archivedAt: archive ? now : null };
  });
  deps.board.invalidate(estateId);
  return estate;
}
