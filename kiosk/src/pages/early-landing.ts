/**
 * A signed-in person opening a location needs the server's answer (their checklist, today's slots). This
 * module is the first the app evaluates (main.tsx imports it first), so the request travels while the rest
 * of the app is still being parsed; the location page takes it once. The path is API.landing's, written out:
 * importing the contract here would make the whole shared core evaluate before the request leaves.
 */
import type { LocationLanding } from '../../../shared/index.ts';
import { api, session } from '../api/http.ts';

const scanned = /^\/l\/([a-z2-7]{26})$/.exec(location.pathname);
let early: { code: string; answer: Promise<LocationLanding> } | null = null;
if (scanned && session.token) {
  early = { code: scanned[1], answer: api<LocationLanding>(`/api/locations/by-code/${scanned[1]}`) };
  early.answer.catch(() => undefined);
}

/** The answer already on its way for this location, if any (only once). */
export function takeEarlyLanding(code: string): Promise<LocationLanding> | null {
  const found = early?.code === code ? early.answer : null;
  early = null;
  return found;
}
