/**
 * A real customer's first start. With no account yet, the server prints a one-time setup link (only its hash is
 * kept; it is valid until used, as Grafana's and Jenkins' are). The link's page creates the organisation, the first
 * administrator and the first estate with its defaults, in one transaction, and signs the administrator in.
 */
import { randomUUID } from 'node:crypto';
import type { SetupRequest, SignedIn } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { hashPassword, newToken, sha256Hex } from '../security/crypto.ts';
import type { Reads, Store } from '../storage/store.ts';
import { startSession } from './accounts.ts';
import { newEstate } from './estates.ts';
import { conflict, forbidden, invalid } from './refusals.ts';

export async function setupNeeded(store: Reads): Promise<boolean> {
  return (await store.countUsers()) === 0;
}

/**
 * A fresh setup link while the server has no account (older unused links are withdrawn: the one printed last is
 * the one that works); null once someone has set it up.
 */
export async function issueSetupLink(deps: { store: Store; clock: () => number; publicUrl: string }): Promise<string | null> {
  const token = newToken();
  const now = deps.clock();
  const issued = await deps.store.write(async (tx) => {
    await tx.exclusive('setup');
    if ((await tx.countUsers()) > 0) return false;
    await tx.withdrawInvitations('setup', null, now);
    await tx.insertInvitation({
      id: randomUUID(),
      tokenHash: sha256Hex(token),
      kind: 'setup',
      userId: null,
      estateId: null,
      createdAt: now,
      expiresAt: null,
      usedAt: null,
    });
    return true;
  });
  // In the fragment: a browser never sends it to a server or in a Referer, so no log keeps it.
  return issued ? `${deps.publicUrl}/setup#${token}` : null;
}

export async function completeSetup(deps: Deps, req: SetupRequest, userAgent: string): Promise<SignedIn> {
  if (req.admin.password.toLowerCase().includes(req.admin.username.toLowerCase()))
    throw invalid('admin.password: must not contain the username', [{ path: 'admin.password', message: 'contains the username' }]);
  // The slow hash first: the writer is never held waiting for it.
  const passwordHash = await hashPassword(req.admin.password);
  const now = deps.clock();
  const user = { id: randomUUID(), username: req.admin.username, displayName: req.admin.displayName, passwordHash };
  await deps.store.write(async (tx) => {
    await tx.exclusive('setup');
    const link = await tx.invitationByHash(sha256Hex(req.token));
    if (link?.kind !== 'setup' || link.usedAt !== null) {
      if ((await tx.countUsers()) > 0) throw conflict('this server has been set up already: sign in instead');
      throw forbidden('this setup link is not valid (mistyped, or replaced by a newer one): use the link the server printed last');
    }
    await tx.useInvitation(link.id, now);
    await tx.setOrganisation({ name: req.organisation.name, logo: null, createdAt: now });
    await tx.insertUser(user, now);
    // The first administrator is the group's: they add the next estates and give the group roles.
    await tx.setGroupAccess(user.id, { role: 'groupAdmin', estateIds: [] });
    const estate = await newEstate(tx, req.estate, now);
    await tx.putMembership({ userId: user.id, estateId: estate.id, role: 'admin', departmentId: null, lead: false });
  });
  return startSession(deps, user, userAgent);
}
