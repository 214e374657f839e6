/**
 * Notifications that fire once per item: when it becomes overdue, when an urgent issue is reported, when an
 * owner's report or an undispatched problem arrives, when an owner says a fix did not work, when an issue escalates to the manager. What was notified is remembered in storage (the worker
 * may be stopped between polls), and each notification's target is stored under its id so a click
 * still finds it later.
 */
import type { IssueAlert } from '../../../shared/index.ts';
import { t, tx } from '../common/i18n.ts';
import type { ExtState, NotifyKind, Settings } from '../common/state.ts';

export interface Candidate {
  kind: NotifyKind;
  key: string;
  title: string;
  issue: IssueAlert;
  estateId: string;
}

const MAX_PER_POLL = 3;
const KEEP_MS = 30 * 86_400_000;

export function candidates(state: ExtState): Candidate[] {
  const out: Candidate[] = [];
  for (const { estateId, alerts } of state.estates) {
    for (const i of alerts.overdue)
      out.push({ kind: 'overdue', key: `overdue:${i.id}:${i.deadline}`, title: t('notifOverdue'), issue: i, estateId });
    for (const i of alerts.urgent) out.push({ kind: 'urgent', key: `urgent:${i.id}`, title: t('notifUrgent'), issue: i, estateId });
    // New work that waits for the supervisor: an owner's report to accept, a problem no rule dispatched.
    for (const i of alerts.awaitingAcceptance)
      out.push({ kind: 'report', key: `report:${i.id}`, title: t('notifOwnerReport'), issue: i, estateId });
    // An owner saying the fix did not work is a complaint the supervisor answers for.
    for (const i of alerts.ownerNotFixed ?? [])
      out.push({ kind: 'notFixed', key: `notFixed:${i.id}:${i.deadline}`, title: t('notifNotFixed'), issue: i, estateId });
    for (const i of alerts.awaitingDispatch ?? [])
      out.push({ kind: 'dispatch', key: `dispatch:${i.id}`, title: t('notifToDispatch'), issue: i, estateId });
    for (const i of alerts.overdue)
      if (i.level >= 2)
        out.push({ kind: 'escalated', key: `escalated:${i.id}:${i.level}`, title: t('notifEscalated'), issue: i, estateId });
  }
  return out;
}

function inQuietHours(settings: Settings, now: Date): boolean {
  if (!settings.quiet) return false;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const [fh, fm] = settings.quiet.from.split(':').map(Number);
  const [th, tm] = settings.quiet.to.split(':').map(Number);
  const from = fh * 60 + fm;
  const to = th * 60 + tm;
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** Decides which candidates to show now; everything returned in `seen` is never shown again. */
export function decide(all: Candidate[], notified: Record<string, number>, settings: Settings, now: number, baseline: boolean) {
  const fresh = all.filter((c) => !(c.key in notified));
  const quiet = inQuietHours(settings, new Date(now));
  const show =
    baseline || quiet ? [] : fresh.filter((c) => !settings.mute.includes(c.issue.severity) && !(settings.silenced ?? []).includes(c.kind));
  return { show: show.slice(0, MAX_PER_POLL), more: Math.max(0, show.length - MAX_PER_POLL), seen: fresh.map((c) => c.key) };
}

export async function notifyChanges(state: ExtState, settings: Settings, now: number): Promise<void> {
  const stored = await chrome.storage.local.get(['notified', 'baselineFor', 'notificationLog']);
  const notified = (stored.notified as Record<string, number> | undefined) ?? {};
  // Right after sign-in, what is already overdue is known, not news: remember it without a pop-up.
  const baseline = stored.baselineFor !== state.server;
  const { show, more, seen } = decide(candidates(state), notified, settings, now, baseline);
  for (const key of seen) notified[key] = now;
  for (const [k, at] of Object.entries(notified)) if (now - at > KEEP_MS) delete notified[k];
  const log = ((stored.notificationLog as { key: string; at: number }[] | undefined) ?? []).slice(-40);

  for (const c of show) {
    const id = `pqm:${c.key}`;
    await chrome.storage.local.set({ [`notif:${id}`]: { issueId: c.issue.id, estateId: c.estateId } });
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: `${c.title} · ${tx(c.issue.locationName)}`,
      message: c.issue.description.slice(0, 200),
      priority: c.issue.severity === 'urgent' ? 2 : 1,
    });
    log.push({ key: c.key, at: now });
  }
  if (more > 0) {
    await chrome.notifications.create('pqm:more', {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: t('notifMore'),
      message: `+${more}`,
    });
  }
  await chrome.storage.local.set({ notified, baselineFor: state.server, notificationLog: log });
}

/** Clicking a notification opens that issue in the console. */
export async function openNotification(id: string): Promise<void> {
  const key = `notif:${id}`;
  const target = (await chrome.storage.local.get(key))[key] as { issueId: string } | undefined;
  const page = chrome.runtime.getURL(`src/console/index.html#/issues${target ? `/${target.issueId}` : ''}`);
  await chrome.tabs.create({ url: page });
  await chrome.notifications.clear(id);
}
