/**
 * A signed-in person opening a location needs the server's answer (their checklist, today's slots). A small
 * inline script in index.html asks for it as soon as the HTML arrives, long before the app's modules have loaded
 * and run; the location page takes that answer once, read like any other (api/http.ts).
 */
import type { LocationLanding } from '../../../shared/index.ts';
import { readAnswer } from '../api/http.ts';

declare global {
  interface Window {
    __pqmEarly?: { code: string; answer: Promise<Response> };
  }
}

/** The answer already on its way for this location, if any (only once). */
export function takeEarlyLanding(code: string): Promise<LocationLanding> | null {
  const early = window.__pqmEarly;
  window.__pqmEarly = undefined;
  return early?.code === code ? readAnswer<LocationLanding>(early.answer) : null;
}
