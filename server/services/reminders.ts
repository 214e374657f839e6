import {
  DAY,
  HOUR,
  dateIn,
  digestText,
  missedText,
  acceptLateBefore,
  escalationLevel,
  respondBy,
  level2DeadlineBefore,
  shiftDate,
  startOfDate,
  type Estate,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { patrolAnalysis } from './analysis.ts';
import { announce, queueNotice } from './notices.ts';

/** The digest goes out in the hour after this local time (a server down all that hour skips one day's). */
export const DIGEST_AT = '08:00';
const DUE_SOON_MS = HOUR;

/** `sent`: what this server already queued (so an hour's missed-rounds message is worked out once per server). */
type Sweeper = Pick<Deps, 'store' | 'clock'> & { sent?: Set<string> };

export async function sweep(deps: Sweeper, now: number): Promise<void> {
  for (const estate of await deps.store.read.listEstates()) {
    if ((await deps.store.read.listChannels(estate.id)).length) await sweepEstate(deps, estate, now);
  }
}

async function sweepEstate(deps: Sweeper, estate: Estate, now: number): Promise<void> {
  const r = deps.store.read;
  const policy = await r.getPolicy(estate.id);
  for (const issue of await r.dueBetween(estate.id, now, now + DUE_SOON_MS, 200))
    await deps.store.write((tx) => announce(tx, 'dueSoon', issue, now, `dueSoon:${issue.id}:${issue.deadline}`));
  // Owners' reports past their response time (受理时限) escalate to the quality team like late work.
  for (const issue of (await r.awaitingAcceptance(estate.id, 200, acceptLateBefore(now, policy))).issues) {
    const due = respondBy(issue, policy);
    if (due !== null && now > due) await deps.store.write((tx) => announce(tx, 'acceptLate', issue, now, `acceptLate:${issue.id}`));
  }
  const overdue = await r.overdueIssues(estate.id, now, 500, level2DeadlineBefore(now, policy));
  for (const issue of overdue.issues) {
    await deps.store.write(async (tx) => {
      await announce(tx, 'overdue', issue, now, `overdue:${issue.id}:${issue.deadline}`);
      if (escalationLevel(issue, now, policy) >= 2) await announce(tx, 'escalated', issue, now, `escalated:${issue.id}:${issue.deadline}`);
    });
  }
  await digest(deps, estate, now);
  await missedRounds(deps, estate, now);
}

/** Once an hour (keyed by the estate's local date and hour), today's missed rounds so far, if there are any. */
async function missedRounds(deps: Sweeper, estate: Estate, now: number): Promise<void> {
  const today = dateIn(now, estate.timeZone);
  const dayStart = startOfDate(today, estate.timeZone);
  const key = `missed:${today}:${Math.floor((now - dayStart) / HOUR)}`;
  const channels = (await deps.store.read.listChannels(estate.id)).filter((c) => c.audience.kind === 'quality');
  if (!channels.length || deps.sent?.has(`${estate.id}|${key}`)) return;
  if (deps.sent && deps.sent.size > 10_000) deps.sent.clear();
  deps.sent?.add(`${estate.id}|${key}`);
  const soFar = await patrolAnalysis(deps.store.read, estate.id, { from: dayStart, to: now }, now);
  if (soFar.total.missed === 0) return;
  const places = soFar.byLocation
    .filter((l) => l.missed > 0 && l.name)
    .sort((a, b) => b.missed - a.missed)
    .map((l) => ({ name: l.name!, missed: l.missed }));
  const text = missedText({ estate: estate.name, date: today, missed: soFar.total.missed, places });
  await deps.store.write((tx) => queueNotice(tx, estate.id, channels, key, text, now));
}

async function digest(deps: Sweeper, estate: Estate, now: number): Promise<void> {
  const today = dateIn(now, estate.timeZone);
  const start = startOfDate(today, estate.timeZone) + Number(DIGEST_AT.slice(0, 2)) * HOUR + Number(DIGEST_AT.slice(3)) * 60_000;
  if (now < start || now >= start + HOUR) return;
  const channels = (await deps.store.read.listChannels(estate.id)).filter((c) => c.audience.kind === 'quality');
  if (!channels.length) return;
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
