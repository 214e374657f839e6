/** The console reads the session from the extension's own storage; a page without it asks to sign in. */
import { useEffect, useState } from 'preact/hooks';
import { API } from '../../../shared/index.ts';
import { call } from '../common/api.ts';
import { getSession, setSession, type StoredSession } from '../common/auth-store.ts';

const CHANGED = 'pqm:session-changed';

/**
 * The person's estates and roles as the server has them now (an estate added, a group role given), kept in the
 * stored session so the worker's next poll follows them too. Offline, the stored copy stands.
 */
export async function refreshSession(): Promise<StoredSession | null> {
  const stored = await getSession();
  if (!stored) return null;
  try {
    const me = await call(API.me, {});
    const next: StoredSession = {
      ...stored,
      user: me.user,
      estates: me.estates.map(({ id, name }) => ({ id, name })),
      memberships: me.memberships,
    };
    await setSession(next);
    dispatchEvent(new Event(CHANGED));
    return next;
  } catch {
    return stored;
  }
}

export function useSession(): StoredSession | null | undefined {
  const [s, set] = useState<StoredSession | null | undefined>(undefined);
  useEffect(() => {
    const load = () => void getSession().then(set);
    void getSession()
      .then(set)
      .then(() => refreshSession());
    addEventListener(CHANGED, load);
    return () => removeEventListener(CHANGED, load);
  }, []);
  return s;
}

/** The estate shown: remembered per console, defaulting to the first one the user belongs to. */
export function useEstate(session: StoredSession | null | undefined): [string | null, (id: string) => void] {
  const [id, set] = useState<string | null>(() => localStorage.getItem('pqm.console.estate'));
  const valid = session?.estates.some((e) => e.id === id) ? id : (session?.estates[0]?.id ?? null);
  return [
    valid,
    (next) => {
      localStorage.setItem('pqm.console.estate', next);
      set(next);
    },
  ];
}

/** The reader's role in an estate, from the stored session (no request), for showing only what they may do. */
export function useEstateRole(estateId: string): string | null {
  const [role, setRole] = useState<string | null>(null);
  useEffect(() => void getSession().then((s) => setRole(s?.memberships.find((m) => m.estateId === estateId)?.role ?? null)), [estateId]);
  return role;
}
