/**
 * The group above its estates. A group role gives memberships the person was not given in each estate: the group
 * administrator administers every estate; the group quality manager reads every estate; a regional manager reads
 * the estates of their region. The overview sets those estates side by side with each estate's own figures.
 */
import {
  GROUP_AUDIT,
  campaignOfMonth,
  complaintsPer100,
  monthPeriod,
  monthsTo,
  overdueOf,
  rankEstates,
  satisfaction,
  sumRates,
  type Estate,
  type EstateMonth,
  type GroupAccess,
  type GroupOverview,
  type GroupPeople,
  type Membership,
  monthlyRecordOf,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { conflict, invalid, notFound } from './refusals.ts';
import type { Reads, User } from '../storage/store.ts';
import { issueAnalysis, patrolAnalysis, rectificationAnalysis } from './analysis.ts';
import { audit } from './audit.ts';

/** The estates a group role covers (none without one). */
export function groupScope(estates: readonly Estate[], access: GroupAccess): Estate[] {
  if (!access.role) return [];
  if (access.role === 'regional') return estates.filter((e) => access.estateIds.includes(e.id));
  return [...estates];
}

/** The person's own memberships (`known`, when already read with the session), and one per further estate their group role covers. */
export async function effectiveMemberships(reads: Reads, user: User, known?: Membership[]): Promise<Membership[]> {
  const own = known ?? (await reads.membershipsOf(user.id));
  if (!user.groupAccess.role) return own;
  const role = user.groupAccess.role === 'groupAdmin' ? 'admin' : 'supervisor';
  const derived: Membership[] = groupScope(await reads.listEstates(), user.groupAccess)
    .filter((e) => !own.some((m) => m.estateId === e.id))
    .map((e) => ({
      userId: user.id,
      estateId: e.id,
      role,
      departmentId: null,
      lead: false,
      viaGroup: true,
      ...(e.archivedAt === null ? {} : { archived: true }),
    }));
  return [...own, ...derived].sort((a, b) => a.estateId.localeCompare(b.estateId));
}

export async function groupPeople(deps: Deps): Promise<GroupPeople> {
  const [users, estates] = await Promise.all([deps.store.read.listUsers(), deps.store.read.listEstates()]);
  return {
    people: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      disabled: u.disabledAt !== null,
      access: u.groupAccess,
      estates: u.memberships.map((m) => ({ estateId: m.estateId, role: m.role })),
    })),
    estates: estates.map((e) => ({ id: e.id, name: e.name, archived: e.archivedAt !== null })),
  };
}

/**
 * Gives or takes a group role. The group keeps at least one administrator who can sign in, so nobody
 * takes the last one away (themselves included).
 */
export async function setGroupAccess(deps: Deps, userId: string, access: GroupAccess, by: string): Promise<GroupAccess> {
  const next: GroupAccess = { role: access.role, estateIds: access.role === 'regional' ? [...new Set(access.estateIds)].sort() : [] };
  return deps.store.write(async (tx) => {
    const user = await tx.getUser(userId);
    if (!user) throw notFound('person');
    const known = new Set((await tx.listEstates()).map((e) => e.id));
    const unknown = next.estateIds.filter((id) => !known.has(id));
    if (unknown.length)
      throw invalid(`estateIds: no estate ${unknown.join(', ')}`, [
        { path: 'estateIds', message: `no estate ${unknown.join(', ')}`, rule: 'unknown' },
      ]);
    if (user.groupAccess.role === 'groupAdmin' && next.role !== 'groupAdmin') {
      const admins = (await tx.listUsers()).filter((u) => u.groupAccess.role === 'groupAdmin' && u.disabledAt === null);
      if (admins.every((u) => u.id === userId)) throw conflict('the group needs an administrator: give the role to someone else first');
    }
    await tx.setGroupAccess(userId, next);
    await audit(
      tx,
      by,
      {
        estateId: GROUP_AUDIT,
        action: 'group.access',
        target: `${user.displayName} (${user.username})`,
        before: user.groupAccess,
        after: next,
      },
      deps.clock(),
    );
    return next;
  });
}

const TREND_MONTHS = 6;

/** One estate's month, from the very services behind the estate's own analysis pages. */
async function estateMonth(reads: Reads, estate: Estate, month: string, now: number): Promise<Omit<EstateMonth, 'rank'>> {
  const { from, to: end } = monthPeriod(month, estate.timeZone);
  const period = { from, to: Math.min(end, now) };
  const started = period.to > period.from;
  const [patrols, issues, departments, monthly, campaigns] = await Promise.all([
    started ? patrolAnalysis(reads, estate.id, period, now) : null,
    started ? issueAnalysis(reads, estate.id, period) : null,
    started ? rectificationAnalysis(reads, estate.id, period, now) : [],
    reads.listMonthly(estate.id),
    reads.listCampaigns(estate.id),
  ]);
  const scoreOf = (m: string) => monthlyRecordOf(monthly, m)?.total ?? null;
  const campaign = campaignOfMonth(campaigns, month);
  const responses = campaign ? await reads.responsesOf(campaign.id) : [];
  const onTime = sumRates(departments.map((d) => d.onTime));
  const complaints = issues?.complaints.total ?? 0;
  const none = { count: 0, of: 0, rate: null };
  return {
    estateId: estate.id,
    name: estate.name,
    archived: estate.archivedAt !== null,
    households: estate.households,
    score: scoreOf(month),
    scoreTrend: monthsTo(month, TREND_MONTHS).map((m) => ({ month: m, score: scoreOf(m) })),
    patrolCompletion: patrols
      ? { count: patrols.total.done, of: patrols.total.done + patrols.total.missed, rate: patrols.total.completionRate }
      : none,
    patrolOnTime: patrols
      ? { count: patrols.total.onTime, of: patrols.total.done + patrols.total.missed, rate: patrols.total.onTimeRate }
      : none,
    overdue: overdueOf(onTime),
    reopen: sumRates(departments.map((d) => d.reopen)),
    satisfaction: { ...satisfaction(responses.flatMap((r) => Object.values(r.answers))), campaign: campaign?.name ?? null },
    complaints,
    complaintsPer100: complaintsPer100(complaints, estate.households),
  };
}

/** The estates the person's group role covers, for `month` in each estate's own calendar, ranked. */
export async function groupOverview(reads: Reads, estates: readonly Estate[], month: string, now: number): Promise<GroupOverview> {
  const rows: Omit<EstateMonth, 'rank'>[] = [];
  // One estate after another: a group of hundreds must not hold hundreds of queries open at once.
  for (const estate of estates) rows.push(await estateMonth(reads, estate, month, now));
  return { month, estates: rankEstates(rows) };
}
