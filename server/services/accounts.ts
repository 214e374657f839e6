/**
 * Accounts: passwords, sessions, disabling. An administrator manages the people of their estate, and only
 * people who work nowhere else: resetting the password of someone who is an admin of another estate
 * would hand over that estate too.
 */
import type { SessionView } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { forbidden, notFound } from './refusals.ts';
import { hashPassword } from '../security/crypto.ts';
import type { Membership, Session, User } from '../storage/store.ts';

/** A session as its owner or an administrator sees it: never the token or its hash. */
export function publicSession(s: Session, currentId?: string): SessionView {
  return {
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    current: s.id === currentId,
  };
}

/** Sets a new password and ends every other session of the user (all of them when an admin resets it). */
export async function changePassword(deps: Deps, userId: string, password: string, keepTokenHash?: string): Promise<void> {
  const hash = await hashPassword(password);
  await deps.store.write(async (tx) => {
    await tx.setPassword(userId, hash);
    await tx.deleteSessionsOf(userId, keepTokenHash);
  });
}

/** The user an estate's administrator may manage: a member of that estate and of no estate they do not administer. */
export async function manageableUser(
  deps: Deps,
  adminId: string,
  admin: readonly Membership[],
  estateId: string,
  userId: string,
): Promise<User> {
  // One's own account goes through one's own settings (with the current password); nobody locks themselves out.
  if (userId === adminId) throw forbidden('this is your own account: change your password in your settings; you cannot disable yourself');
  const user = await deps.store.read.getUser(userId);
  const theirs = user ? await deps.store.read.membershipsOf(user.id) : [];
  if (!user || !theirs.some((m) => m.estateId === estateId)) throw notFound('user in this estate');
  const administered = new Set(admin.filter((m) => m.role === 'admin').map((m) => m.estateId));
  const elsewhere = theirs.filter((m) => !administered.has(m.estateId));
  if (elsewhere.length)
    throw forbidden('this person also works in an estate you do not administer; ask an administrator of every estate they work in');
  return user;
}

export async function setDisabled(deps: Deps, userId: string, disabled: boolean): Promise<void> {
  await deps.store.write(async (tx) => {
    await tx.setDisabled(userId, disabled ? deps.clock() : null);
    if (disabled) await tx.deleteSessionsOf(userId);
  });
}
