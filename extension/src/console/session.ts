/** The console reads the session from the extension's own storage; a page without it asks to sign in. */
import { useEffect, useState } from 'preact/hooks';
import { getSession, type StoredSession } from '../common/auth-store.ts';

export function useSession(): StoredSession | null | undefined {
  const [s, set] = useState<StoredSession | null | undefined>(undefined);
  useEffect(() => void getSession().then(set), []);
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
