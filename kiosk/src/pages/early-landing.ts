/**
 * A signed-in person opening a location needs the server's answer (their checklist, today's slots). A small
 * inline script in index.html asks for it as soon as the HTML arrives, long before the app's modules have loaded
 * and run, and reads it when it comes; the location page takes that answer once, read like any other (api/http.ts).
 */
import type { LocationLanding } from '../../../shared/index.ts';
import { noteServerClock, readAnswer } from '../api/http.ts';

declare global {
  interface Window {
    __pqmEarly?: {
      code: string;
      answer: Promise<Response>;
      /** Set once a successful JSON answer has arrived and been parsed. */
      read?: { res: Response; data: LocationLanding };
    };
  }
}

/** The answer for this location if it has already arrived and been read, so the first drawing can show it (only once). */
export function arrivedEarlyLanding(code: string): LocationLanding | null {
  const early = window.__pqmEarly;
  if (early?.code !== code || !early.read) return null;
  window.__pqmEarly = undefined;
  noteServerClock(early.read.res);
  return early.read.data;
}

/** The answer already on its way for this location, if any (only once). */
export function takeEarlyLanding(code: string): Promise<LocationLanding> | null {
  const early = window.__pqmEarly;
  window.__pqmEarly = undefined;
  return early?.code === code ? readAnswer<LocationLanding>(early.answer) : null;
}
