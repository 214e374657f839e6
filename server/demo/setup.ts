/** Creates an estate with its default content (templates, score sheet, survey), locations, departments and people. */
import {
  DEFAULT_SCORING_SHEET,
  DEFAULT_SURVEY,
  DEFAULT_TEMPLATES,
  type Category,
  type LocalText,
  type LocationKind,
  type Role,
} from '../../shared/index.ts';
import { hashPassword, newPublicCode, newSecret } from '../security/crypto.ts';
import type { Store } from '../storage/store.ts';

export interface EstateSpec {
  estate: { id: string; name: LocalText; timeZone: string; households: number };
  buildings: { id: string; name: LocalText }[];
  locations: { id: string; building: string | null; kind: LocationKind; name: LocalText }[];
  departments: { id: string; name: LocalText; categories: Category[] }[];
  users: { id: string; username: string; displayName: string; role: Role; department: string | null }[];
  password: string;
}

export async function createEstate(store: Store, spec: EstateSpec, at: number): Promise<void> {
  writeEstate(store, spec, await passwordHashes(spec), at);
}

export type PasswordHashes = { u: EstateSpec['users'][number]; hash: string }[];

/** The slow, asynchronous part (scrypt), done before any write so the writes can be one transaction. */
export function passwordHashes(spec: EstateSpec): Promise<PasswordHashes> {
  return Promise.all(spec.users.map(async (u) => ({ u, hash: await hashPassword(spec.password) })));
}

/** Writes the estate in one transaction (a savepoint inside a caller's). */
export function writeEstate(store: Store, spec: EstateSpec, hashes: PasswordHashes, at: number): void {
  const { estate } = spec;
  store.tx(() => {
    store.insertEstate(estate);
    for (const b of spec.buildings) store.insertBuilding({ id: b.id, estateId: estate.id, name: b.name });
    for (const t of DEFAULT_TEMPLATES) store.insertTemplate(estate.id, t, at);
    store.insertSheet(estate.id, DEFAULT_SCORING_SHEET);
    store.insertSurvey(estate.id, DEFAULT_SURVEY);
    for (const l of spec.locations) {
      store.insertLocation(
        { id: l.id, estateId: estate.id, buildingId: l.building, kind: l.kind, name: l.name, code: newPublicCode(), schedule: null, active: true },
        newSecret(),
        at,
      );
    }
    for (const d of spec.departments) store.insertDepartment({ ...d, estateId: estate.id });
    for (const { u, hash } of hashes) {
      if (!store.getUser(u.id)) store.insertUser({ id: u.id, username: u.username, displayName: u.displayName, passwordHash: hash }, at);
      store.putMembership({ userId: u.id, estateId: estate.id, role: u.role, departmentId: u.department });
    }
  });
}
