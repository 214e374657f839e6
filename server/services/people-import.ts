/**
 * Staff in bulk: a CSV of people with their role and department (the Chinese column names and role names people
 * use), each of whom gets a one-time invitation link to set their own password. Checked whole, then written in one
 * transaction, or not at all; a preview writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { ROLE_LABELS, ROLES, Username, describeRule, parse, type Department, type PeopleImported, type Role } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { INVITED } from '../storage/store.ts';
import { audit } from './audit.ts';
import { inviteIn } from './invitations.ts';
import { parseCsv, type LineError } from './location-import.ts';
import { invalid } from './refusals.ts';

const COLUMNS = {
  username: ['用户名', '账号', 'username'],
  displayName: ['姓名', 'name', 'displayname'],
  role: ['角色', 'role'],
  department: ['部门', 'department'],
} as const;
type Column = keyof typeof COLUMNS;

/** A role as written: its id, its label, or 部门负责人 (department staff who lead it). */
function roleOf(written: string): { role: Role; lead: boolean } | undefined {
  const w = written.trim().toLowerCase();
  if (['部门负责人', '负责人', 'lead', 'department lead'].includes(w)) return { role: 'department', lead: true };
  const aliases: Record<string, Role> = { 主管: 'supervisor', 部门人员: 'department', 部门员工: 'department', 员工: 'department' };
  const role = aliases[w] ?? ROLES.find((r) => r === w || ROLE_LABELS[r].zh === w || ROLE_LABELS[r].en.toLowerCase() === w);
  return role ? { role, lead: false } : undefined;
}

interface Person {
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  lead: boolean;
}

function readPeople(csv: string, departments: Department[]): { people: Person[]; errors: LineError[] } {
  const rows = parseCsv(csv);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const idx = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, header.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h))]),
  ) as Record<Column, number>;
  const missing = (['username', 'displayName', 'role'] as const).filter((c) => idx[c] < 0);
  if (missing.length)
    return { people: [], errors: missing.map((c) => ({ line: 1, message: `missing column ${c}`, zh: `缺少“${COLUMNS[c][0]}”列` })) };
  if (rows.length > 2_000)
    return { people: [], errors: [{ line: 1, message: 'at most 2,000 people per import', zh: '每次最多导入 2,000 人' }] };
  const people: Person[] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  for (const [n, r] of rows.entries()) {
    const line = n + 2;
    const cell = (c: Column) => (idx[c] >= 0 ? (r[idx[c]]?.trim() ?? '') : '');
    const name = parse(Username, cell('username'));
    const displayName = cell('displayName');
    const role = roleOf(cell('role'));
    const dept = cell('department');
    const department = dept ? departments.find((d) => d.id === dept || d.name.zh === dept || d.name.en === dept) : undefined;
    const problem: [en: string, zh: string] | null = !name.ok
      ? [name.errors[0].message, `用户名:${describeRule(name.errors[0], 'zh-CN')}`]
      : seen.has(name.value.toLowerCase())
        ? [`username ${name.value} appears twice`, `用户名 ${name.value} 出现了两次`]
        : !displayName || displayName.length > 80
          ? ['displayName is required (at most 80 characters)', '姓名必填,最多 80 个字']
          : !role
            ? [
                `role "${cell('role')}" is not one of ${ROLES.map((x) => ROLE_LABELS[x].en).join(', ')}, department lead`,
                `角色“${cell('role')}”不是可选的角色(${ROLES.map((x) => ROLE_LABELS[x].zh).join('、')}、部门负责人)`,
              ]
            : role.role === 'department' && !department
              ? [`department "${dept}" is not a department of this estate`, `部门“${dept}”不是本项目的部门`]
              : null;
    if (problem || !name.ok || !role) {
      const [message, zh] = problem ?? ['wrong line', '这一行有误'];
      errors.push({ line, message, zh });
      continue;
    }
    seen.add(name.value.toLowerCase());
    const departmentId = role.role === 'department' ? department!.id : null;
    people.push({ username: name.value, displayName, role: role.role, departmentId, lead: role.lead });
  }
  return { people: errors.length ? [] : people, errors };
}

export async function importPeople(deps: Deps, estateId: string, csv: string, by: string, preview: boolean): Promise<PeopleImported> {
  const { people, errors } = readPeople(csv, await deps.store.read.listDepartments(estateId));
  const refuse = (list: LineError[]) =>
    invalid(
      `csv: ${list.length} line(s) wrong, nobody imported`,
      list.slice(0, 50).map((e) => ({ path: `csv.line${e.line}`, message: e.message, rule: 'csv', zh: e.zh })),
    );
  if (errors.length) throw refuse(errors);
  const taken = async () => {
    const lines: LineError[] = [];
    for (const [n, p] of people.entries())
      if (await deps.store.read.getUserByUsername(p.username))
        lines.push({ line: n + 2, message: `username ${p.username} is taken`, zh: `用户名 ${p.username} 已被使用` });
    return lines;
  };
  const clash = await taken();
  if (clash.length) throw refuse(clash);
  if (preview) return { created: people.length, people: people.map((p) => ({ ...p, invitation: null })), preview: true };
  const now = deps.clock();
  const invited = await deps.store.write(async (tx) => {
    const out: PeopleImported['people'] = [];
    for (const p of people) {
      if (await tx.getUserByUsername(p.username))
        throw invalid(`username ${p.username} is taken`, [
          { path: 'csv', message: `${p.username} is taken`, rule: 'csv', zh: `用户名 ${p.username} 已被使用` },
        ]);
      const id = randomUUID();
      await tx.insertUser({ id, username: p.username, displayName: p.displayName, passwordHash: INVITED }, now);
      await tx.putMembership({ userId: id, estateId, role: p.role, departmentId: p.departmentId, lead: p.lead });
      out.push({ ...p, invitation: await inviteIn(tx, deps, estateId, id, now) });
    }
    await audit(tx, by, { estateId, action: 'users.import', target: `${out.length}`, after: people }, now);
    return out;
  });
  return { created: invited.length, people: invited, preview: false };
}
