/** Creates an estate with its default content (templates, score sheet, survey), locations, departments and people. */
import {
  DEFAULT_SCORING_SHEET,
  DEFAULT_SURVEY,
  DEFAULT_TEMPLATES,
  type Category,
  type LocalText,
  type LocationKind,
  type Role,
  type RoutingRule,
} from '../../shared/index.ts';
import { hashPassword, newPublicCode, newSecret } from '../security/crypto.ts';
import type { Store, Writes } from '../storage/store.ts';

export interface EstateSpec {
  estate: { id: string; name: LocalText; timeZone: string; households: number };
  buildings: { id: string; name: LocalText }[];
  locations: { id: string; building: string | null; kind: LocationKind; name: LocalText }[];
  departments: { id: string; name: LocalText; categories: Category[] }[];
  users: { id: string; username: string; displayName: string; role: Role; department: string | null; lead?: boolean }[];
  password: string;
  /** Dispatch rules (none: every finding waits in 待派单). */
  routing?: RoutingRule[];
}

export async function createEstate(store: Store, spec: EstateSpec, at: number): Promise<void> {
  const hashes = await passwordHashes(spec);
  await store.write((tx) => writeEstate(tx, spec, hashes, at));
}

export type PasswordHashes = { u: EstateSpec['users'][number]; hash: string }[];

/** The slow, asynchronous part (scrypt), done before any write so the writes can be one transaction. */
export function passwordHashes(spec: EstateSpec): Promise<PasswordHashes> {
  return Promise.all(spec.users.map(async (u) => ({ u, hash: await hashPassword(spec.password) })));
}

/** Writes the estate inside the caller's transaction. */
export async function writeEstate(tx: Writes, spec: EstateSpec, hashes: PasswordHashes, at: number): Promise<void> {
  const { estate } = spec;
  await tx.insertEstate(estate);
  for (const b of spec.buildings) await tx.insertBuilding({ id: b.id, estateId: estate.id, name: b.name });
  for (const t of DEFAULT_TEMPLATES) await tx.insertTemplate(estate.id, t, at);
  await tx.insertSheet(estate.id, DEFAULT_SCORING_SHEET);
  await tx.insertSurvey(estate.id, DEFAULT_SURVEY);
  for (const l of spec.locations) {
    await tx.insertLocation(
      {
        id: l.id,
        estateId: estate.id,
        buildingId: l.building,
        kind: l.kind,
        name: l.name,
        code: newPublicCode(),
        schedule: null,
        active: true,
      },
      newSecret(),
      at,
    );
  }
  for (const d of spec.departments) await tx.insertDepartment({ ...d, estateId: estate.id });
  if (spec.routing) await tx.setRouting(estate.id, spec.routing);
  for (const { u, hash } of hashes) {
    if (!(await tx.getUser(u.id)))
      await tx.insertUser({ id: u.id, username: u.username, displayName: u.displayName, passwordHash: hash }, at);
    await tx.putMembership({ userId: u.id, estateId: estate.id, role: u.role, departmentId: u.department, lead: u.lead ?? false });
  }
}
