/**
 * What the operator does on the server itself when no one can sign in (`npm run admin`, server/tools/admin.ts):
 * create an administrator, reset a password, list the accounts, print a fresh setup link. Passwords are made
 * here, printed once, and kept only as their hash.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { parse, Username } from '../../shared/index.ts';
import { hashPassword } from '../security/crypto.ts';
import type { Store } from '../storage/store.ts';

/** Easy to read out and type: no 0/o, 1/l/i; four groups of four (19 characters, letters and digits). */
export function newPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const pick = (from: string) => from[randomInt(from.length)];
  // One digit and one letter for sure (the strong-password rule), the rest from both.
  const chars = Array.from({ length: 16 }, (_, n) => pick(n === 3 ? digits : n === 7 ? letters : letters + digits));
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export class OperatorError extends Error {}

async function theEstate(store: Store, estateId: string | undefined): Promise<string> {
  const estates = await store.read.listEstates();
  if (!estates.length) throw new OperatorError('there is no estate yet: open the setup link (npm run admin -- setup-link)');
  if (estateId) {
    if (!estates.some((e) => e.id === estateId))
      throw new OperatorError(`no estate ${estateId}; there are: ${estates.map((e) => e.id).join(', ')}`);
    return estateId;
  }
  if (estates.length > 1)
    throw new OperatorError(`which estate? --estate one of: ${estates.map((e) => `${e.id} (${e.name.zh})`).join(', ')}`);
  return estates[0].id;
}

export async function createAdmin(
  store: Store,
  input: { username: string; displayName?: string; estateId?: string },
  now: number,
): Promise<{ password: string; estateId: string }> {
  const name = parse(Username, input.username);
  if (!name.ok) throw new OperatorError(name.errors[0].message);
  const estateId = await theEstate(store, input.estateId);
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await store.write(async (tx) => {
    if (await tx.getUserByUsername(name.value)) throw new OperatorError(`username ${name.value} is taken (reset its password instead)`);
    const id = randomUUID();
    await tx.insertUser({ id, username: name.value, displayName: input.displayName || name.value, passwordHash }, now);
    await tx.putMembership({ userId: id, estateId, role: 'admin', departmentId: null, lead: false });
    // Recovery on the server itself: the new administrator can also reach the group's settings and every estate.
    await tx.setGroupAccess(id, { role: 'groupAdmin', estateIds: [] });
  });
  return { password, estateId };
}

/** A new password for a locked-out person: their account is enabled again and every session of theirs ends. */
export async function resetPassword(store: Store, username: string): Promise<string> {
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  await store.write(async (tx) => {
    const user = await tx.getUserByUsername(username);
    if (!user) throw new OperatorError(`no account ${username} (npm run admin -- list-users)`);
    await tx.setPassword(user.id, passwordHash);
    await tx.setDisabled(user.id, null);
    await tx.deleteSessionsOf(user.id);
  });
  return password;
}

/** One line per account: username, name, state, and role in each estate. */
export async function describeUsers(store: Store): Promise<string> {
  const users = await store.read.listUsers();
  if (!users.length) return '(no accounts yet: open the setup link, npm run admin -- setup-link)';
  return users
    .map((u) => {
      const roles = u.memberships.map(
        (m) => `${m.role}${m.departmentId ? `/${m.departmentId}` : ''}${m.lead ? ' (lead)' : ''}@${m.estateId}`,
      );
      return `${u.username.padEnd(20)} ${u.displayName.padEnd(24)} ${u.disabledAt ? 'disabled' : 'active  '} ${roles.join(', ')}`;
    })
    .join('\n');
}
