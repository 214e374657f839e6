/**
 * What the clock makes news of, swept once a minute: work due within the hour (to its department), work now
 * overdue (level 1 to its department) and escalated (level 2 to the quality team), owners' reports not accepted
 * in time (to the quality team), missed rounds (once an hour) and the quality team's morning digest. Each is
 * queued once: its dedupe key names the deadline, the day or the hour, so another server adds nothing, and this
 * server remembers what it queued, so a sweep does not write or compute the same news again every minute.
 */
import {
  DAY,
  HOUR,
  acceptLateBefore,
  dateIn,
  digestText,
  escalationLevel,
  level2DeadlineBefore,
  missedText,
  respondBy,
  shiftDate,
  startOfDate,
  wallClock,
  type Estate,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Channel } from '../storage/store.ts';
import { patrolAnalysis } from './analysis.ts';
import { announce, queueNotice } from './notices.ts';
import { applyRetention } from './retention.ts';
import { missedRoundsToday } from './routes.ts';
import { STALE_UPLOAD_MS } from './videos.ts';

/** The digest goes out in the hour after this local time (a server down all that hour skips one day's). */
export const DIGEST_AT = '08:00';
const DUE_SOON_MS = HOUR;

/** `sent`: the news this server has queued (or found nothing to say about) already. */
type Sweeper = Pick<Deps, 'store' | 'clock'> & { sent?: Set<string> };

/** Runs `queue` for `key` unless this server did already; a failure is tried again at the next sweep. */
async function onceHere(deps: Sweeper, key: string, queue: () => Promise<void>): Promise<void> {
  if (deps.sent?.has(key)) return;
  await queue();
  if (deps.sent && deps.sent.size > 50_000) deps.sent.clear();
  deps.sent?.add(key);
}

export async function sweep(deps: Sweeper, now: number): Promise<void> {
  // Clips whose upload nobody continued for a week are not coming: their parts go, once an hour.
  await onceHere(deps, `uploads:${Math.floor(now / HOUR)}`, async () => {
    await deps.store.write((tx) => tx.dropStaleVideoParts(now - STALE_UPLOAD_MS));
  });
  for (const estate of await deps.store.read.listEstates()) {
    // Owners' data past its time is masked, once an hour, in archived estates too.
    await onceHere(deps, `${estate.id}|retention:${Math.floor(now / HOUR)}`, async () => void (await applyRetention(deps, estate, now)));
    // An archived estate owes nothing and chases no one.
    if (estate.archivedAt !== null) continue;
    const channels = await deps.store.read.listChannels(estate.id);
    if (channels.length) await sweepEstate(deps, estate, channels, now);
  }
}

async function sweepEstate(deps: Sweeper, estate: Estate, channels: Channel[], now: number): Promise<void> {
  const r = deps.store.read;
  const policy = await r.getPolicy(estate.id);
  const news = (key: string, queue: () => Promise<void>) => onceHere(deps, `${estate.id}|${key}`, queue);
  for (const issue of await r.dueBetween(estate.id, now, now + DUE_SOON_MS, 200)) {
    const key = `dueSoon:${issue.id}:${issue.deadline}`;
    await news(key, () => deps.store.write((tx) => announce(tx, 'dueSoon', issue, now, key)));
  }
  // Owners' reports past their response time (受理时限) escalate to the quality team like late work.
  for (const issue of (await r.awaitingAcceptance(estate.id, 200, acceptLateBefore(now, policy))).issues) {
    const due = respondBy(issue, policy);
    const key = `acceptLate:${issue.id}`;
    if (due !== null && now > due) await news(key, () => deps.store.write((tx) => announce(tx, 'acceptLate', issue, now, key)));
  }
  for (const issue of (await r.overdueIssues(estate.id, now, 500, level2DeadlineBefore(now, policy))).issues) {
    const late = `overdue:${issue.id}:${issue.deadline}`;
    await news(late, () => deps.store.write((tx) => announce(tx, 'overdue', issue, now, late)));
    const escalated = `escalated:${issue.id}:${issue.deadline}`;
    if (escalationLevel(issue, now, policy) >= 2)
      await news(escalated, () => deps.store.write((tx) => announce(tx, 'escalated', issue, now, escalated)));
  }
  const quality = channels.filter((c) => c.audience.kind === 'quality');
  if (!quality.length) return;
  const today = dateIn(now, estate.timeZone);
  const dayStart = startOfDate(today, estate.timeZone);
  const digestAt = dayStart + Number(DIGEST_AT.slice(0, 2)) * HOUR + Number(DIGEST_AT.slice(3)) * 60_000;
  if (now >= digestAt && now < digestAt + HOUR) await news(`digest:${today}`, () => digest(deps, estate, quality, today, now));
  const hour = `missed:${today}:${Math.floor((now - dayStart) / HOUR)}`;
  await news(hour, () => missedRounds(deps, estate, quality, today, hour, now));
}

/** Today's missed rounds so far (patrols and guard routes), if there are any, with the places that missed most. */
async function missedRounds(deps: Sweeper, estate: Estate, channels: Channel[], today: string, key: string, now: number): Promise<void> {
  const [soFar, guards] = await Promise.all([
    patrolAnalysis(deps.store.read, estate.id, { from: startOfDate(today, estate.timeZone), to: now }, now),
    missedRoundsToday(deps.store.read, estate.id, estate.timeZone, now),
  ]);
  if (soFar.total.missed === 0 && guards.length === 0) return;
  const places = soFar.byLocation
    .filter((l) => l.missed > 0 && l.name)
    .sort((a, b) => b.missed - a.missed)
    .map((l) => ({ name: l.name!, missed: l.missed }));
  const guardRounds = guards.map((g) => ({ route: g.routeName, start: wallClock(g.start, estate.timeZone) }));
  const text = missedText({ estate: estate.name, date: today, missed: soFar.total.missed, places, guardRounds });
  await deps.store.write((tx) => queueNotice(tx, estate.id, channels, key, text, now));
}

/** Yesterday's missed rounds, today's rounds still to do, overdue work and 待派单. */
async function digest(deps: Sweeper, estate: Estate, channels: Channel[], today: string, now: number): Promise<void> {
  const dayStart = startOfDate(today, estate.timeZone);
  const yesterday = startOfDate(shiftDate(today, -1), estate.timeZone);
  const policy = await deps.store.read.getPolicy(estate.id);
  const [past, current, overdue, toDispatch] = await Promise.all([
    patrolAnalysis(deps.store.read, estate.id, { from: yesterday, to: dayStart }, now),
    patrolAnalysis(deps.store.read, estate.id, { from: dayStart, to: dayStart + DAY }, now),
    deps.store.read.overdueIssues(estate.id, now, 1, level2DeadlineBefore(now, policy)),
    deps.store.read.awaitingDispatch(estate.id, 1),
  ]);
  const text = digestText({
    estate: estate.name,
    date: today,
    missedYesterday: past.total.missed,
    dueToday: current.total.scheduled - current.total.done - current.total.missed,
    overdue: overdue.total,
    waitingForDispatch: toDispatch.total,
  });
  await deps.store.write((tx) => queueNotice(tx, estate.id, channels, `digest:${today}`, text, now));
}
