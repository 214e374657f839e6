/**
 * Notifications that fire once per item: when it becomes overdue, when an urgent issue is reported, when an
 * owner's report or an undispatched problem arrives, when an owner says a fix did not work, when an issue escalates
 * to the manager, when a guard round goes unwalked. What was notified is remembered in storage (the worker
 * may be stopped between polls), and each notification's target is stored under its id so a click
 * still finds it later.
 */
import type { IssueAlert, Severity } from '../../../shared/index.ts';
import { t, tx } from '../common/i18n.ts';
import type { ExtState, NotifyKind, Settings } from '../common/state.ts';

export interface Candidate {
  kind: NotifyKind;
  key: string;
  title: string;
  /** What it is about: the place of an issue, the route of a round. */
  about: string;
  message: string;
  severity: Severity;
  estateId: string;
  /** The console page a click opens (#/issues/<id>, #/analysis). */
  open: string;
}

const MAX_PER_POLL = 3;
const KEEP_MS = 30 * 86_400_000;

const ofIssue = (kind: NotifyKind, key: string, title: string, i: IssueAlert, estateId: string): Candidate => ({
  kind,
  key,
  title,
  about: tx(i.locationName),
  message: i.description.slice(0, 200),
  severity: i.severity,
  estateId,
  open: `/issues/${i.id}`,
});

export function candidates(state: ExtState): Candidate[] {
  const out: Candidate[] = [];
  for (const { estateId, alerts } of state.estates) {
    for (const i of alerts.overdue) out.push(ofIssue('overdue', `overdue:${i.id}:${i.deadline}`, t('notifOverdue'), i, estateId));
    for (const i of alerts.urgent) out.push(ofIssue('urgent', `urgent:${i.id}`, t('notifUrgent'), i, estateId));
    // New work that waits for the supervisor: an owner's report to accept, a problem no rule dispatched.
    for (const i of alerts.awaitingAcceptance) out.push(ofIssue('report', `report:${i.id}`, t('notifOwnerReport'), i, estateId));
    // An owner saying the fix did not work is a complaint the supervisor answers for.
    for (const i of alerts.ownerNotFixed ?? [])
      out.push(ofIssue('notFixed', `notFixed:${i.id}:${i.deadline}`, t('notifNotFixed'), i, estateId));
    for (const i of alerts.awaitingDispatch ?? []) out.push(ofIssue('dispatch', `dispatch:${i.id}`, t('notifToDispatch'), i, estateId));
    for (const i of alerts.overdue)
      if (i.level >= 2) out.push(ofIssue('escalated', `escalated:${i.id}:${i.level}`, t('notifEscalated'), i, estateId));
    // A guard round nobody completed: once per route and slot, with the slot's hours on the estate's clock.
    for (const r of alerts.missedRounds ?? [])
      out.push({
        kind: 'missedRound',
        key: `round:${estateId}:${r.routeId}:${r.start}`,
        title: t('notifMissedRound'),
        about: tx(r.routeName),
        message: r.hours,
        severity: 'important',
        estateId,
        open: '/analysis',
      });
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
    baseline || quiet ? [] : fresh.filter((c) => !settings.mute.includes(c.severity) && !(settings.silenced ?? []).includes(c.kind));
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
    await chrome.storage.local.set({ [`notif:${id}`]: { open: c.open, estateId: c.estateId } });
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: `${c.title} · ${c.about}`,
      message: c.message,
      priority: c.severity === 'urgent' ? 2 : 1,
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

/** Clicking a notification opens what it is about in the console (an issue, the analysis of rounds). */
export async function openNotification(id: string): Promise<void> {
  const key = `notif:${id}`;
  // Notifications stored by an older version name an issue only.
  const target = (await chrome.storage.local.get(key))[key] as { open?: string; issueId?: string } | undefined;
  const open = target?.open ?? (target?.issueId ? `/issues/${target.issueId}` : '/issues');
  const page = chrome.runtime.getURL(`src/console/index.html#${open}`);
  await chrome.tabs.create({ url: page });
  await chrome.notifications.clear(id);
}
