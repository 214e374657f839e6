/**
 * What the worker knows, kept in chrome.storage.local so the popup renders at once from the last
 * poll, and so it survives the worker being stopped (module variables die with it in MV3).
 * The token is not here (see auth-store.ts).
 */
import type { Alerts, Severity } from '../../../shared/index.ts';

export type Connection = 'signedOut' | 'ok' | 'offline' | 'authExpired';

/** What the extension can notify, each of which a supervisor may turn off. */
export const NOTIFY_KINDS = ['overdue', 'escalated', 'urgent', 'report', 'notFixed', 'dispatch', 'missedRound'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

export interface Settings {
  /** Minutes between polls (chrome.alarms allows 0.5 and up). */
  intervalMinutes: number;
  /** Watched estates; empty means all the user's estates. */
  estates: string[];
  mute: Severity[];
  /** Kinds of notification turned off (all are on by default). */
  silenced: NotifyKind[];
  quiet: { from: string; to: string } | null;
  /** Origins (https://oa.example.com) where the overlay is shown. */
  overlaySites: string[];
  locale: 'zh-CN' | 'en' | null;
}

export const DEFAULT_SETTINGS: Settings = {
  intervalMinutes: 1,
  estates: [],
  mute: [],
  silenced: [],
  quiet: null,
  overlaySites: [],
  locale: null,
};

export interface EstateData {
  estateId: string;
  name: { zh: string; en: string };
  alerts: Alerts;
  etag: string | null;
}

export interface ExtState {
  connection: Connection;
  server: string | null;
  user: { displayName: string; username: string } | null;
  lastOkAt: number | null;
  lastError: string | null;
  /** Consecutive failed polls, for backoff. */
  failures: number;
  estates: EstateData[];
}

export const EMPTY_STATE: ExtState = {
  connection: 'signedOut',
  server: null,
  user: null,
  lastOkAt: null,
  lastError: null,
  failures: 0,
  estates: [],
};

export async function loadState(): Promise<ExtState> {
  const { state } = await chrome.storage.local.get('state');
  return { ...EMPTY_STATE, ...(state as Partial<ExtState> | undefined) };
}

export async function saveState(state: ExtState): Promise<void> {
  await chrome.storage.local.set({ state });
}

/**
 * Both in one storage read, for the popup's first paint. `stored` is that read already started: the popup starts it
 * before its modules load (public/popup-early.js).
 */
export async function loadStateAndSettings(
  stored: Promise<Record<string, unknown>> = chrome.storage.local.get(['state', 'settings']),
): Promise<[ExtState, Settings]> {
  const { state, settings } = await stored;
  return [
    { ...EMPTY_STATE, ...(state as Partial<ExtState> | undefined) },
    { ...DEFAULT_SETTINGS, ...(settings as Partial<Settings> | undefined) },
  ];
}

export async function loadSettings(): Promise<Settings> {
  const { settings } = await chrome.storage.local.get('settings');
  return { ...DEFAULT_SETTINGS, ...(settings as Partial<Settings> | undefined) };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await chrome.storage.local.set({ settings: next });
  return next;
}

/** The counts of all watched estates added up, with the worst severity among them. */
export type Totals = Omit<Alerts['counts'], 'escalated'> & { worst: Severity | null };

const RANK: Record<Severity, number> = { general: 1, important: 2, urgent: 3 };

export function totals(state: ExtState): Totals {
  const t: Totals = {
    badge: 0,
    overdue: 0,
    missed: 0,
    due: 0,
    dueSoon: 0,
    awaitingAcceptance: 0,
    awaitingDispatch: 0,
    acceptLate: 0,
    heldForReview: 0,
    urgent: 0,
    ownerNotFixed: 0,
    missedRounds: 0,
    worst: null,
  };
  for (const { alerts } of state.estates) {
    const c = alerts.counts;
    t.badge += c.badge;
    t.overdue += c.overdue;
    t.missed += c.missed;
    t.due += c.due;
    t.dueSoon += c.dueSoon;
    t.awaitingAcceptance += c.awaitingAcceptance;
    // A state kept from an older server has no dispatch queue.
    t.awaitingDispatch += c.awaitingDispatch ?? 0;
    t.acceptLate += c.acceptLate ?? 0;
    t.heldForReview += c.heldForReview ?? 0;
    t.urgent += c.urgent;
    t.ownerNotFixed += c.ownerNotFixed ?? 0;
    t.missedRounds = (t.missedRounds ?? 0) + (c.missedRounds ?? 0);
    if (alerts.worst && (!t.worst || RANK[alerts.worst] > RANK[t.worst])) t.worst = alerts.worst;
  }
  return t;
}
