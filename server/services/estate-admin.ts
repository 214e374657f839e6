/**
 * Setting an estate up: buildings, locations and their codes, departments, people, checklist versions and
 * the deadline policy. Every change that alters what is owed (locations, templates) clears the patrol board.
 */
import { randomUUID } from 'node:crypto';
import type {
  Actor,
  LocationsImported,
  UserCreated,
  MembershipInput,
  RoutingRule,
  BuildingInput,
  DeadlinePolicy,
  DepartmentInput,
  EstateSetup,
  Location,
  LocationInput,
  TemplateInput,
  UserInput,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { conflict, invalid, notFound } from './refusals.ts';
import { hashPassword, kioskCode, newPublicCode, newSecret } from '../security/crypto.ts';
import type { Reads, Writes } from '../storage/store.ts';
import { actOnIssue } from './issues.ts';
import { inviteIn } from './invitations.ts';
import { audit } from './audit.ts';
import { INVITED } from '../storage/store.ts';
import { importLocations } from './location-import.ts';

export async function estateSetup(deps: Deps, estateId: string): Promise<EstateSetup> {
  const r = deps.store.read;
  const [estate, policy, routing, buildings, locations, departments, templates, members, company] = await Promise.all([
    r.getEstate(estateId),
    r.getPolicy(estateId),
    r.getRouting(estateId),
    r.listBuildings(estateId),
    r.listLocations(estateId),
    r.listDepartments(estateId),
    r.latestTemplates(estateId),
    r.membersOf(estateId),
    r.getOrganisation(),
  ]);
  if (!estate) throw notFound('estate');
  return {
    estate,
    company: company?.name ?? null,
    policy,
    routing,
    buildings,
    locations,
    departments,
    templates,
    members: members.map(({ userId, username, displayName, role, departmentId, lead, disabled }) => ({
      userId,
      username,
      displayName,
      role,
      departmentId,
      lead,
      disabled,
    })),
    publicUrl: deps.config.publicUrl,
  };
}

export async function locationOf(store: Reads, estateId: string, id: string): Promise<Location> {
  const loc = await store.getLocation(id);
  if (!loc || loc.estateId !== estateId) throw notFound('location');
  return loc;
}

async function checkBuilding(store: Reads, estateId: string, buildingId: string | null): Promise<void> {
  if (buildingId && !(await store.listBuildings(estateId)).some((b) => b.id === buildingId)) {
    throw invalid(`buildingId: no building ${buildingId} in this estate`, [
      { path: 'buildingId', message: 'unknown building', rule: 'unknown' },
    ]);
  }
}

export async function addLocation(deps: Deps, estateId: string, input: LocationInput, by: string): Promise<Location> {
  const loc: Location = { id: randomUUID(), estateId, code: newPublicCode(), active: true, ...input };
  await deps.store.write(async (tx) => {
    await checkBuilding(tx, estateId, input.buildingId);
    await tx.insertLocation(loc, newSecret(), deps.clock());
    await audit(tx, by, { estateId, action: 'location.add', target: loc.name.zh, after: loc }, deps.clock());
  });
  deps.board.invalidate(estateId);
  return loc;
}

export async function changeLocation(deps: Deps, estateId: string, id: string, input: LocationInput, by: string): Promise<Location> {
  const next = await deps.store.write(async (tx) => {
    const current = await locationOf(tx, estateId, id);
    await checkBuilding(tx, estateId, input.buildingId);
    const changed = { ...current, ...input };
    await tx.updateLocation(changed, deps.clock());
    await audit(tx, by, { estateId, action: 'location.change', target: changed.name.zh, before: current, after: changed }, deps.clock());
    return changed;
  });
  deps.board.invalidate(estateId);
  return next;
}

/** A stolen or damaged sticker: a new code; the old one stops working at once. */
export async function revokeCode(deps: Deps, estateId: string, id: string, by: string): Promise<Location> {
  return deps.store.write(async (tx) => {
    const current = await locationOf(tx, estateId, id);
    const next = { ...current, code: newPublicCode() };
    await tx.updateLocation(next, deps.clock());
    const change = {
      estateId,
      action: 'location.revokeCode' as const,
      target: next.name.zh,
      before: { code: current.code },
      after: { code: next.code },
    };
    await audit(tx, by, change, deps.clock());
    return next;
  });
}

/**
 * The tablet computes its rotating code itself from this secret (like an authenticator app), so it keeps
 * working offline and holds no staff session.
 */
export async function kioskLink(deps: Deps, estateId: string, id: string): Promise<string> {
  const loc = await locationOf(deps.store.read, estateId, id);
  return `${deps.config.publicUrl}/kiosk/${loc.code}#k=${await deps.store.read.kioskSecret(loc.id)}`;
}

export async function kioskCodeNow(deps: Deps, estateId: string, id: string) {
  const loc = await locationOf(deps.store.read, estateId, id);
  const secret = await deps.store.read.kioskSecret(loc.id);
  const now = deps.clock();
  return { code: secret ? kioskCode(secret, now) : null, validFor: 30_000 - (now % 30_000) };
}

export async function addBuilding(deps: Deps, estateId: string, input: BuildingInput, by: string) {
  const building = { id: randomUUID(), estateId, ...input };
  await deps.store.write(async (tx) => {
    await tx.insertBuilding(building);
    await audit(tx, by, { estateId, action: 'building.add', target: building.name.zh, after: building }, deps.clock());
  });
  return building;
}

/** Every line is checked first; then all are written in one transaction, or none. */
/** A preview checks everything and writes nothing. */
export async function importLocationsCsv(
  deps: Deps,
  estateId: string,
  csv: string,
  by: string,
  preview = false,
): Promise<LocationsImported> {
  const result = importLocations(csv, estateId, await deps.store.read.listBuildings(estateId));
  if (result.errors.length) {
    throw invalid(
      `csv: ${result.errors.length} line(s) wrong, nothing imported`,
      result.errors.slice(0, 50).map((e) => ({ path: `csv.line${e.line}`, message: e.message, rule: 'csv', zh: e.zh })),
    );
  }
  const answer = {
    created: result.locations.length,
    locations: result.locations,
    newBuildings: result.newBuildings.map((b) => b.name.zh),
    preview,
  };
  if (preview) return answer;
  await deps.store.write(async (tx) => {
    for (const b of result.newBuildings) await tx.insertBuilding(b);
    for (const l of result.locations) await tx.insertLocation(l, newSecret(), deps.clock());
    const names = result.locations.map((l) => l.name.zh);
    await audit(tx, by, { estateId, action: 'locations.import', target: `${names.length}`, after: names }, deps.clock());
  });
  deps.board.invalidate(estateId);
  return answer;
}

export async function addDepartment(deps: Deps, estateId: string, input: DepartmentInput, by: string) {
  const department = { id: randomUUID(), estateId, ...input };
  await deps.store.write(async (tx) => {
    await tx.insertDepartment(department);
    await audit(tx, by, { estateId, action: 'department.add', target: department.name.zh, after: department }, deps.clock());
  });
  return department;
}

/**
 * A new person of the estate. With no password given (the usual way) they get a one-time invitation link to set
 * their own; an account waiting for it cannot be signed in to.
 */
export async function addUser(deps: Deps, estateId: string, input: UserInput, by: string): Promise<UserCreated> {
  // The slow hash first: the writer is never held waiting for it.
  const user = {
    id: randomUUID(),
    username: input.username,
    displayName: input.displayName,
    passwordHash: input.password ? await hashPassword(input.password) : INVITED,
  };
  const departmentId = input.role === 'department' ? input.departmentId : null;
  const lead = departmentId !== null && input.lead;
  const invitation = await deps.store.write(async (tx) => {
    await checkDepartment(tx, estateId, input);
    if (await tx.getUserByUsername(input.username)) throw conflict(`username ${input.username} is taken`);
    const now = deps.clock();
    await tx.insertUser(user, now);
    await tx.putMembership({ userId: user.id, estateId, role: input.role, departmentId, lead });
    const after = {
      username: user.username,
      displayName: user.displayName,
      role: input.role,
      departmentId,
      lead,
      invited: !input.password,
    };
    await audit(tx, by, { estateId, action: 'user.add', target: user.username, after }, now);
    return input.password ? null : inviteIn(tx, deps, estateId, user.id, now);
  });
  return { id: user.id, username: user.username, displayName: user.displayName, role: input.role, departmentId, lead, invitation };
}

/** Department staff belong to a department of this estate. */
async function checkDepartment(tx: Writes, estateId: string, input: MembershipInput): Promise<void> {
  if (input.role === 'department' && !(await tx.listDepartments(estateId)).some((d) => d.id === input.departmentId)) {
    throw invalid('departmentId: department staff need a department of this estate', [
      { path: 'departmentId', message: 'unknown department', rule: 'unknown' },
    ]);
  }
}

/**
 * A new role, department or lead for someone already in the estate. Jobs that were theirs in a department they
 * leave go back to that department as a whole, so none is owned by someone who can no longer see it.
 */
export async function setMembership(
  deps: Deps,
  estateId: string,
  userId: string,
  input: MembershipInput,
  by: Actor & { kind: 'user' },
): Promise<void> {
  const now = deps.clock();
  await deps.store.write(async (tx) => {
    const current = (await tx.membershipsOf(userId)).find((m) => m.estateId === estateId);
    if (!current) throw notFound('person in this estate');
    await checkDepartment(tx, estateId, input);
    const departmentId = input.role === 'department' ? input.departmentId : null;
    const next = { userId, estateId, role: input.role, departmentId, lead: departmentId !== null && input.lead };
    await tx.putMembership(next);
    const user = await tx.getUser(userId);
    const place = (m: typeof next) => ({ role: m.role, departmentId: m.departmentId, lead: m.lead });
    await audit(
      tx,
      by.id,
      { estateId, action: 'user.membership', target: user?.username ?? userId, before: place(current), after: place(next) },
      now,
    );
    if (!current.departmentId || current.departmentId === departmentId) return;
    const { issues } = await tx.listIssues({ estateId, assigneeId: userId, status: ['assigned', 'reopened'], limit: 10_000 });
    for (const issue of issues) await actOnIssue(tx, issue, { type: 'handOver', assigneeId: null, note: '已离开本部门' }, by, now);
  });
}

export async function setPolicy(deps: Deps, estateId: string, policy: DeadlinePolicy, by: string): Promise<void> {
  await deps.store.write(async (tx) => {
    const before = await tx.getPolicy(estateId);
    await tx.setPolicy(estateId, policy);
    await audit(tx, by, { estateId, action: 'policy.set', target: estateId, before, after: policy }, deps.clock());
  });
}

/** Editing a checklist makes a new version; past inspections keep pointing at theirs. */
export async function publishTemplate(deps: Deps, estateId: string, input: TemplateInput, by: string) {
  const template = await deps.store.write(async (tx) => {
    const current = (await tx.latestTemplates(estateId)).find((t) => t.id === input.id);
    if (current && current.kind !== input.kind)
      throw invalid(`kind: template ${input.id} is for ${current.kind}`, [
        { path: 'kind', message: 'cannot change the kind of a template' },
      ]);
    const next = { ...input, version: (current?.version ?? 0) + 1 };
    await tx.insertTemplate(estateId, next, deps.clock());
    const target = `${next.name.zh} v${next.version}`;
    await audit(tx, by, { estateId, action: 'template.publish', target, before: current ?? null, after: next }, deps.clock());
    return next;
  });
  deps.board.invalidate(estateId);
  return template;
}

/**
 * Replaces the estate's dispatch rules. Every rule names a department and, if any, a building of this estate;
 * a refusal names the rule and field, and nothing is saved.
 */
export async function setRouting(deps: Deps, estateId: string, rules: RoutingRule[], by: string): Promise<RoutingRule[]> {
  const r = deps.store.read;
  const [departments, buildings] = await Promise.all([r.listDepartments(estateId), r.listBuildings(estateId)]);
  const fields = rules.flatMap((rule, i) => [
    ...(departments.some((d) => d.id === rule.departmentId)
      ? []
      : [{ path: `rules.${i}.departmentId`, message: 'no such department here', rule: 'unknown' }]),
    ...(rule.buildingId === null || buildings.some((b) => b.id === rule.buildingId)
      ? []
      : [{ path: `rules.${i}.buildingId`, message: 'no such building here', rule: 'unknown' }]),
    ...(rules.findIndex((x) => x.id === rule.id) < i ? [{ path: `rules.${i}.id`, message: 'the same id twice' }] : []),
  ]);
  if (fields.length) throw invalid(`rules: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
  await deps.store.write(async (tx) => {
    const before = await tx.getRouting(estateId);
    await tx.setRouting(estateId, rules);
    await audit(tx, by, { estateId, action: 'routing.set', target: `${rules.length}`, before, after: rules }, deps.clock());
  });
  return rules;
}
