/**
 * Accounts: passwords, sessions, disabling. An administrator manages the people of their estate, and only
 * people who work nowhere else: resetting the password of someone who is an admin of another estate
 * would hand over that estate too.
 */
import { DAY, type AuditAction, type SessionView, type SignedIn } from '../../shared/index.ts';
import { audit } from './audit.ts';
import type { Deps } from '../context.ts';
import { forbidden, notFound } from './refusals.ts';
import { hashPassword, newToken, sha256Hex, verifyPassword } from '../security/crypto.ts';
import type { Membership, Session, User, Writes } from '../storage/store.ts';
import { effectiveMemberships } from './group.ts';

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

/** An administrator acting on someone's account in an estate: recorded in the audit log. */
export interface AdminAct {
  by: string;
  estateId: string;
  /** The account's username. */
  target: string;
}

const record = (tx: Writes, act: AdminAct | null, action: AuditAction, at: number, after?: unknown) =>
  act ? audit(tx, act.by, { estateId: act.estateId, action, target: act.target, after }, at) : undefined;

/**
 * Sets a new password and ends every other session of the user (all of them when an admin resets it, `act`). The
 * audit log says that it was reset, never to what.
 */
export async function changePassword(
  deps: Deps,
  userId: string,
  password: string,
  keepTokenHash?: string,
  act: AdminAct | null = null,
): Promise<void> {
  const hash = await hashPassword(password);
  await deps.store.write(async (tx) => {
    await tx.setPassword(userId, hash);
    await tx.deleteSessionsOf(userId, keepTokenHash);
    await record(tx, act, 'user.resetPassword', deps.clock());
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
  // A group role is the group administrator's to manage: an estate's administrator could otherwise take over an account
  // that reads every estate.
  if (user.groupAccess.role && (await deps.store.read.getUser(adminId))?.groupAccess.role !== 'groupAdmin')
    throw forbidden('this person holds a group role; ask the group administrator');
  const administered = new Set(admin.filter((m) => m.role === 'admin').map((m) => m.estateId));
  const elsewhere = theirs.filter((m) => !administered.has(m.estateId));
  if (elsewhere.length)
    throw forbidden('this person also works in an estate you do not administer; ask an administrator of every estate they work in');
  return user;
}

export async function setDisabled(deps: Deps, userId: string, disabled: boolean, act: AdminAct): Promise<void> {
  await deps.store.write(async (tx) => {
    await tx.setDisabled(userId, disabled ? deps.clock() : null);
    if (disabled) await tx.deleteSessionsOf(userId);
    await record(tx, act, disabled ? 'user.disable' : 'user.enable', deps.clock());
  });
}

/** Verifying against a dummy hash keeps "no such user" as slow as "wrong password". */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * A new session for a right username and password, or null. A disabled account answers like a wrong password:
 * no hint to whoever is guessing.
 */
export async function openSession(deps: Deps, username: string, password: string, userAgent: string): Promise<SignedIn | null> {
  const user = await deps.store.read.getUserByUsername(username);
  // The same work whether the account exists, waits for its invitation, or not: the timing tells nothing.
  const usable = user?.passwordHash.startsWith('scrypt$') ? user.passwordHash : undefined;
  const ok = await verifyPassword(password, usable ?? DUMMY_HASH);
  if (!user || !usable || !ok || user.disabledAt !== null) return null;
  return startSession(deps, user, userAgent);
}

/** A new session for someone who has just proved who they are (a password, a setup or invitation link). */
export async function startSession(deps: Deps, user: Pick<User, 'id' | 'username' | 'displayName'>, userAgent: string): Promise<SignedIn> {
  const now = deps.clock();
  const token = newToken();
  const expiresAt = now + deps.config.sessionDays * DAY;
  await deps.store.write((tx) =>
    tx.insertSession({
      id: newToken().slice(0, 16),
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgent.slice(0, 200),
    }),
  );
  const full = await deps.store.read.getUser(user.id);
  const memberships = full ? await effectiveMemberships(deps.store.read, full) : [];
  const groupRole = full?.groupAccess.role ?? null;
  return { token, expiresAt, user: { id: user.id, username: user.username, displayName: user.displayName, groupRole }, memberships };
}

/** Ends one of the user's sessions (by its id, as listed), or the current one (by its token's hash). */
export async function endSession(deps: Deps, userId: string, which: { id: string } | { tokenHash: string }): Promise<void> {
  const tokenHash =
    'tokenHash' in which ? which.tokenHash : (await deps.store.read.sessionsOf(userId)).find((s) => s.id === which.id)?.tokenHash;
  if (!tokenHash) throw notFound('session');
  await deps.store.write((tx) => tx.deleteSession(tokenHash));
}

/** One's own sessions, the current one marked. */
export async function sessionsOf(deps: Deps, userId: string, currentId?: string): Promise<SessionView[]> {
  return (await deps.store.read.sessionsOf(userId)).map((s) => publicSession(s, currentId));
}

/** Signs a person out everywhere (an administrator's "end sessions"). */
export async function endSessionsOf(deps: Deps, userId: string, act: AdminAct): Promise<void> {
  await deps.store.write(async (tx) => {
    await tx.deleteSessionsOf(userId);
    await record(tx, act, 'user.endSessions', deps.clock());
  });
}
