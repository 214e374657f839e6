/** What a location page shows, from the server when online, from the device when not. */
import {
  API,
  dateIn,
  scheduleOf,
  slotFilledAt,
  slotHours,
  slotStates,
  slotsTouchingDay,
  statusAt,
  type LocationLanding,
} from '../../../shared/index.ts';
import { ApiError, call } from '../api/http.ts';
import { fieldKits } from '../state/session.ts';
import { arrivedEarlyLanding, takeEarlyLanding } from './early-landing.ts';

/** A location's page as the server answers it (shared/model/answers.ts), or as the phone last kept it. */
export interface Landing extends LocationLanding {
  /** Set when this came from the device rather than the server. */
  offlineSince?: number;
}

/**
 * The last copy of each visited location page is kept in localStorage: it is read synchronously, so a
 * warm or offline open paints at once, before IndexedDB has even opened. The 50 most recent are kept.
 */
const KEY = (code: string) => `pqm.loc.${code}`;
const INDEX = 'pqm.loc.index';
const KEEP = 50;

/**
 * Kept once the page has been drawn: writing the copy (JSON and localStorage) costs a phone tens of milliseconds, which
 * the first paint need not wait for.
 */
function rememberLater(code: string, landing: Landing): void {
  setTimeout(() => remember(code, landing), 0);
}

function remember(code: string, landing: Landing): void {
  try {
    localStorage.setItem(KEY(code), JSON.stringify({ savedAt: Date.now(), landing }));
    const index = [code, ...(JSON.parse(localStorage.getItem(INDEX) ?? '[]') as string[]).filter((c) => c !== code)];
    for (const old of index.slice(KEEP)) localStorage.removeItem(KEY(old));
    localStorage.setItem(INDEX, JSON.stringify(index.slice(0, KEEP)));
  } catch {
    // Full or unavailable storage: the page still works online.
  }
}

/** The copy from the last visit, with slot statuses brought up to now (no network, no waiting). */
export function cachedLanding(code: string): (Landing & { savedAt: number }) | null {
  try {
    const raw = localStorage.getItem(KEY(code));
    if (!raw) return null;
    const { savedAt, landing } = JSON.parse(raw) as { savedAt: number; landing: Landing };
    const now = Date.now();
    const tz = landing.estate.timeZone;
    const staff = landing.staff && {
      ...landing.staff,
      slots: landing.staff.slots.map((s) => ({
        ...s,
        // A copy kept before the server sent each slot's hours gets them here.
        hours: s.hours ?? slotHours(s, tz),
        status: s.status === 'done' ? s.status : statusAt(s, now),
      })),
    };
    return { ...landing, staff, savedAt };
  } catch {
    return null;
  }
}

/**
 * The public part of the page, put into the HTML by the server for the location it was opened at
 * (server/http/pwa.ts): an owner's first paint needs no second round trip. Null for any other location.
 */
export function inlinedLanding(code: string): Landing | null {
  try {
    const text = document.getElementById('pqm-landing')?.textContent;
    const landing = text ? (JSON.parse(text) as Landing) : null;
    if (landing?.location.code !== code) return null;
    rememberLater(code, landing);
    return landing;
  } catch {
    return null;
  }
}

/** A signed-in person's answer that arrived before the app started (index.html asked for it): drawn at once. */
export function arrivedLanding(code: string): Landing | null {
  const landing = arrivedEarlyLanding(code);
  if (landing) rememberLater(code, landing);
  return landing;
}

export async function loadLanding(code: string): Promise<Landing> {
  try {
    const landing = await (takeEarlyLanding(code) ?? call(API.landing, { params: { code } }));
    rememberLater(code, landing);
    return landing;
  } catch (e) {
    if (e instanceof ApiError && !e.transient) throw e;
    const offline = await offlineLanding(code);
    if (offline) return offline;
    throw e;
  }
}

/** Offline: the last copy of this page, with slot statuses recomputed for now; or the field kit. */
async function offlineLanding(code: string): Promise<Landing | null> {
  const now = Date.now();
  const local = cachedLanding(code);
  if (local) return { ...local, offlineSince: local.savedAt };
  for (const kit of await fieldKits()) {
    const loc = kit.locations.find((l) => l.code === code);
    if (!loc) continue;
    const template = kit.templates.find((t) => t.kind === loc.kind) ?? null;
    const schedule = scheduleOf(loc, kit.templates);
    // The same day's slots the server shows (shared/rules/owed-slots.ts), none filled yet as far as this phone knows.
    const slots = schedule ? slotStates(slotsTouchingDay(schedule, kit.estate.timeZone, dateIn(now, kit.estate.timeZone)), [], now) : [];
    return {
      location: { id: loc.id, name: loc.name, kind: loc.kind, code: loc.code },
      estate: { id: kit.estate.id, name: kit.estate.name, timeZone: kit.estate.timeZone, servicePhone: kit.estate.servicePhone },
      categories: [],
      openReports: [],
      staff: {
        role: kit.role,
        departmentId: kit.departmentId,
        template,
        slots: slots.map(({ key, start, end, closes, status }) => ({
          key,
          start,
          end,
          hours: slotHours({ start, end }, kit.estate.timeZone),
          closes,
          status,
        })),
        fills: slotFilledAt(slots, now)?.key ?? null,
        nextDueAt: null,
        missedToday: slots.filter((s) => s.status === 'missed').length,
        openIssues: [],
      },
      offlineSince: now,
    };
  }
  return null;
}
