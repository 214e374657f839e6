/** Estate set-up data the console pages share (departments, locations, members, policy), fetched once per page load. */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistTemplate, DeadlinePolicy, Department, Location, LocalText } from '../../../shared/index.ts';
import { api } from '../common/api.ts';

export interface Setup {
  estate: { id: string; name: LocalText; timeZone: string; households: number };
  policy: DeadlinePolicy;
  buildings: { id: string; name: LocalText }[];
  locations: Location[];
  departments: Department[];
  templates: ChecklistTemplate[];
  members: { userId: string; username: string; displayName: string; role: string; departmentId: string | null }[];
  publicUrl: string;
}

const cache = new Map<string, Promise<Setup>>();

export function loadSetup(estateId: string, fresh = false): Promise<Setup> {
  if (fresh || !cache.has(estateId)) cache.set(estateId, api<Setup>(`/api/estates/${estateId}/setup`));
  return cache.get(estateId)!;
}

export function useSetup(estateId: string | null): Setup | null {
  const [setup, set] = useState<Setup | null>(null);
  useEffect(() => {
    if (estateId) void loadSetup(estateId).then(set);
  }, [estateId]);
  return setup;
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
