/**
 * Polling, because Chrome's push (FCM) does not reach mainland China: chrome.alarms wakes the worker,
 * each watched estate is asked for its alerts with If-None-Match (an unchanged state is a 304),
 * and errors are handled in one place: offline/server down backs off and says so on the badge.
 */
import { API } from '../../../shared/index.ts';
import { ApiError, callRaw } from '../common/api.ts';
import { getSession } from '../common/auth-store.ts';
import { setExtLocale, errorText } from '../common/i18n.ts';
import { loadSettings, loadState, saveState, type EstateData, type ExtState } from '../common/state.ts';
import { renderBadge } from './badge.ts';
import { notifyChanges } from './notify.ts';
import { pushToOverlays } from './overlay-sites.ts';

export const POLL_ALARM = 'poll';
/** A one-shot "poll now" (used by tests and tools); separate so it never replaces the repeating alarm. */
export const POLL_NOW_ALARM = 'poll-now';
const MAX_BACKOFF_MIN = 15;

let running: Promise<ExtState> | null = null;
let queued: Promise<ExtState> | null = null;

/**
 * One poll at a time. A request that arrives while one runs gets one more poll right after it (shared by
 * everyone who asks meanwhile), so "refresh" never returns data fetched before it was pressed.
 */
export function poll(): Promise<ExtState> {
  if (running) {
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return poll();
      });
    return queued;
  }
  running = pollOnce().finally(() => {
    running = null;
  });
  return running;
}

async function pollOnce(): Promise<ExtState> {
  const [session, settings, previous] = await Promise.all([getSession(), loadSettings(), loadState()]);
  setExtLocale(settings.locale);
  if (!session) {
    const state: ExtState = { ...previous, connection: 'signedOut', estates: [], user: null, server: null };
    await finish(state, previous);
    return state;
  }
  const watched = session.estates.filter((e) => settings.estates.length === 0 || settings.estates.includes(e.id));
  const now = Date.now();
  try {
    const estates: EstateData[] = [];
    for (const e of watched) {
      const before = previous.estates.find((p) => p.estateId === e.id);
      const res = await callRaw(API.alerts, { params: { estateId: e.id } }, { etag: before?.etag });
      estates.push(res.status === 304 && before ? before : { estateId: e.id, name: e.name, alerts: res.body!, etag: res.etag });
    }
    const state: ExtState = {
      connection: 'ok',
      server: session.server,
      user: { displayName: session.user.displayName, username: session.user.username },
      lastOkAt: now,
      lastError: null,
      failures: 0,
      estates,
    };
    await finish(state, previous);
    await notifyChanges(state, settings, now);
    await schedule(settings.intervalMinutes);
    return state;
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, String(e));
    const failures = previous.failures + 1;
    const state: ExtState = {
      ...previous,
      server: session.server,
      connection: err.status === 401 ? 'authExpired' : 'offline',
      lastError: errorText(err),
      failures,
    };
    await finish(state, previous);
    // Back off while the server is unreachable: 1, 2, 4 … 15 minutes.
    if (err.status !== 401) await schedule(Math.min(MAX_BACKOFF_MIN, settings.intervalMinutes * 2 ** Math.min(failures - 1, 4)));
    return state;
  }
}

async function finish(state: ExtState, previous: ExtState): Promise<void> {
  await saveState(state);
  await renderBadge(state);
  if (JSON.stringify(state.estates) !== JSON.stringify(previous.estates) || state.connection !== previous.connection)
    await pushToOverlays();
}

/** (Re)arms the repeating alarm; chrome.alarms survive the worker being stopped. */
export async function schedule(minutes: number): Promise<void> {
  const current = await chrome.alarms.get(POLL_ALARM);
  if (current?.periodInMinutes === minutes) return;
  await chrome.alarms.create(POLL_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}
