/** Estate set-up data the console pages share (departments, locations, members, policy), fetched once per page load. */
import { useEffect, useState } from 'preact/hooks';
import { API, type EstateSetup } from '../../../shared/index.ts';
import { call } from '../common/api.ts';
import { errorText } from '../common/i18n.ts';

/** GET /api/estates/:id/setup, as the server answers it (shared/model/answers.ts). */
export type Setup = EstateSetup;

const cache = new Map<string, Promise<Setup>>();
const zones = new Map<string, string>();

export function loadSetup(estateId: string, fresh = false): Promise<Setup> {
  if (fresh || !cache.has(estateId)) {
    const setup = call(API.setup, { params: { estateId } });
    cache.set(estateId, setup);
    void setup.then(
      (s) => zones.set(estateId, s.estate.timeZone),
      // A failed load (offline, server down) is not kept: the next call tries again.
      () => cache.get(estateId) === setup && cache.delete(estateId),
    );
  }
  return cache.get(estateId)!;
}

/**
 * The estate's zone, for defaults such as "today" and "last month": always the estate's calendar,
 * never the device's. The console shows a page only once its estate's setup has loaded.
 */
export function estateZone(estateId: string): string {
  const zone = zones.get(estateId);
  if (!zone) throw new Error(`estate ${estateId} is not loaded yet`);
  return zone;
}

export function useSetup(estateId: string | null): Setup | null {
  const [setup, set] = useState<Setup | null>(null);
  useEffect(() => {
    if (estateId) void loadSetup(estateId).then(set);
  }, [estateId]);
  return setup;
}

/** The current estate's setup for the whole console: loading, loaded, or an error with a way to try again. */
export function useEstateSetup(estateId: string | null): { setup: Setup | null; error: string | null; retry: () => void } {
  const [state, set] = useState<{ setup: Setup | null; error: string | null }>({ setup: null, error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    set({ setup: null, error: null });
    if (estateId)
      void loadSetup(estateId).then(
        (setup) => set({ setup, error: null }),
        (e: unknown) => set({ setup: null, error: errorText(e) }),
      );
  }, [estateId, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

/** Re-render every `ms` so countdowns stay true. */
export function useNow(ms = 30_000): number {
  const [now, set] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => set(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** The people a department's jobs can go to. */
export const staffOf = (setup: Setup, departmentId: string | null) =>
  setup.members.filter((m) => m.role === 'department' && m.departmentId === departmentId && !m.disabled);
