/** Creates an estate with its default content (templates, score sheet, survey), locations, departments and people. */
import { writeDefaults } from '../services/estates.ts';
import type { Category, GroupRole, LocalText, LocationKind, Role, RoutingRule } from '../../shared/index.ts';
import { hashPassword, newPublicCode, newSecret } from '../security/crypto.ts';
import type { Store, Writes } from '../storage/store.ts';

export interface EstateSpec {
  estate: { id: string; name: LocalText; timeZone: string; households: number; address?: string; servicePhone?: string };
  buildings: { id: string; name: LocalText }[];
  locations: { id: string; building: string | null; kind: LocationKind; name: LocalText }[];
  departments: readonly { id: string; name: LocalText; categories: Category[] }[];
  users: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    department: string | null;
    lead?: boolean;
    /** A group role on top of the estate role. */
    group?: GroupRole;
  }[];
  password: string;
  /** Dispatch rules (none: every finding waits in 待派单). */
  routing?: readonly RoutingRule[];
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
  const estate = { address: '', servicePhone: '', archivedAt: null, ...spec.estate };
  await tx.insertEstate(estate);
  for (const b of spec.buildings) await tx.insertBuilding({ id: b.id, estateId: estate.id, name: b.name });
  await writeDefaults(tx, estate.id, at, { departments: spec.departments, routing: spec.routing ?? [] });
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
  for (const { u, hash } of hashes) {
    if (!(await tx.getUser(u.id)))
      await tx.insertUser({ id: u.id, username: u.username, displayName: u.displayName, passwordHash: hash }, at);
    await tx.putMembership({ userId: u.id, estateId: estate.id, role: u.role, departmentId: u.department, lead: u.lead ?? false });
    if (u.group) await tx.setGroupAccess(u.id, { role: u.group, estateIds: [] });
  }
}
