/**
 * Invitations (邀请): a one-time link, or its QR code, that a new person opens on their phone to choose their own
 * password, so no administrator ever knows or sends one. A link lasts a week; a new one withdraws the older; only
 * its hash is kept. The same link lets someone who forgot their password choose a new one.
 */
import { randomUUID } from 'node:crypto';
import type { InvitationLink, InvitationView, SignedIn } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { hashPassword, newToken, sha256Hex } from '../security/crypto.ts';
import type { Invitation, Writes } from '../storage/store.ts';
import { startSession, type AdminAct } from './accounts.ts';
import { audit } from './audit.ts';
import { forbidden, notFound } from './refusals.ts';

const WEEK = 7 * 86_400_000;

/** A new invitation for someone of the estate, in the caller's transaction. */
export async function inviteIn(
  tx: Writes,
  deps: Pick<Deps, 'config'>,
  estateId: string,
  userId: string,
  now: number,
): Promise<InvitationLink> {
  const token = newToken();
  const expiresAt = now + WEEK;
  await tx.withdrawInvitations('join', userId, now);
  await tx.insertInvitation({
    id: randomUUID(),
    tokenHash: sha256Hex(token),
    kind: 'join',
    userId,
    estateId,
    createdAt: now,
    expiresAt,
    usedAt: null,
  });
  // In the fragment: it never reaches a server log or a Referer.
  return { url: `${deps.config.publicUrl}/join#${token}`, expiresAt };
}

export async function invite(deps: Deps, estateId: string, userId: string, act: AdminAct): Promise<InvitationLink> {
  return deps.store.write(async (tx) => {
    if (!(await tx.membershipsOf(userId)).some((m) => m.estateId === estateId)) throw notFound('person in this estate');
    const link = await inviteIn(tx, deps, estateId, userId, deps.clock());
    await audit(tx, act.by, { estateId, action: 'user.invite', target: act.target, after: { expiresAt: link.expiresAt } }, deps.clock());
    return link;
  });
}

const SPENT = 'this invitation link has been used, replaced or has expired: ask your administrator for a new one';

function usable(i: Invitation | undefined, now: number): i is Invitation & { userId: string } {
  return i?.kind === 'join' && i.userId !== null && i.usedAt === null && (i.expiresAt === null || i.expiresAt > now);
}

export async function peekInvitation(deps: Deps, token: string): Promise<InvitationView> {
  const r = deps.store.read;
  const i = await r.invitationByHash(sha256Hex(token));
  if (!usable(i, deps.clock())) throw forbidden(SPENT);
  const [user, estate] = await Promise.all([r.getUser(i.userId), i.estateId ? r.getEstate(i.estateId) : undefined]);
  if (!user) throw forbidden(SPENT);
  return { username: user.username, displayName: user.displayName, estate: estate?.name ?? null, expiresAt: i.expiresAt ?? 0 };
}

/** The invited person's own password: set, the link spent, their other sessions ended, and this phone signed in. */
export async function acceptInvitation(deps: Deps, token: string, password: string, userAgent: string): Promise<SignedIn> {
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const user = await deps.store.write(async (tx) => {
    const i = await tx.invitationByHash(sha256Hex(token));
    if (!usable(i, now) || !(await tx.useInvitation(i.id, now))) throw forbidden(SPENT);
    const u = await tx.getUser(i.userId);
    if (!u) throw forbidden(SPENT);
    if (u.disabledAt !== null) throw forbidden('this account is disabled: ask your administrator');
    await tx.setPassword(u.id, passwordHash);
    await tx.deleteSessionsOf(u.id);
    return u;
  });
  return startSession(deps, user, userAgent);
}
