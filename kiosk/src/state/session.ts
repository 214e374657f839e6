/** The signed-in staff member, remembered across reloads and days offline, with their estates' field kits. */
import { useEffect, useState } from 'preact/hooks';
import { API, type FieldKit, type Me } from '../../../shared/index.ts';
import { ApiError, call, session } from '../api/http.ts';
import { cacheGet, cachePut } from '../outbox/db.ts';

// What the server answers (shared/model/answers.ts); re-exported for the pages that read them from here.
export type { FieldKit, Me } from '../../../shared/index.ts';

let me: Me | null = null;
const listeners = new Set<(m: Me | null) => void>();
const emit = () => {
  for (const fn of listeners) fn(me);
};

export function currentMe(): Me | null {
  return me;
}

export function useMe(): Me | null {
  const [value, set] = useState(me);
  useEffect(() => {
    listeners.add(set);
    set(me);
    return () => void listeners.delete(set);
  }, []);
  return value;
}

/** Restores the session from the device at start; refreshes it from the server when online. */
export async function restoreSession(): Promise<void> {
  if (!session.token) return;
  me = (await cacheGet<Me>('me'))?.value ?? null;
  emit();
  try {
    await refreshMe();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) await signOut(false);
    // Offline: keep the remembered session.
  }
}

async function refreshMe(): Promise<void> {
  me = await call(API.me, {});
  await cachePut('me', me);
  emit();
  // Each estate's locations and checklists, so any location can be patrolled offline later.
  await Promise.all(me.estates.map(async (e) => cachePut(`kit:${e.id}`, await call(API.fieldKit, { params: { estateId: e.id } }))));
}

/**
 * Takes a session the server has just opened (a sign-in, the setup link, an invitation) as this phone's. Signing in
 * itself is the login page's: its request carries a schema the location page need not load.
 */
export async function adoptSession(token: string): Promise<void> {
  session.set(token);
  await refreshMe();
  // Queued records must survive; ask the browser not to evict our storage.
  void navigator.storage?.persist?.();
}

export async function signOut(tellServer = true): Promise<void> {
  if (tellServer) await call(API.logout, {}).catch(() => undefined);
  session.set(null);
  me = null;
  await cachePut('me', null);
  emit();
}

export async function fieldKits(): Promise<FieldKit[]> {
  const kits = await Promise.all((me?.estates ?? []).map((e) => cacheGet<FieldKit>(`kit:${e.id}`)));
  return kits.flatMap((k) => (k ? [k.value] : []));
}
