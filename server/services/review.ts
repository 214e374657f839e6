/**
 * 持续改进: the quarter's facts for its review, from the same services as the analysis pages (so the review and the
 * pages never disagree); the measures taken from them; and each earlier measure's figure before and after.
 */
import {
  campaignOfMonth,
  figureOf,
  moreFrequent,
  overdueOf,
  quarterMonths,
  quarterPeriod,
  shiftQuarter,
  type Measure,
  type MeasureInput,
  type QuarterReview,
  type ReviewFacts,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Writes } from '../storage/store.ts';
import { audit } from './audit.ts';
import { locationOf } from './estate-admin.ts';
import { issueAnalysis, patrolAnalysis, rectificationAnalysis } from './analysis.ts';
import { campaignResults } from './surveys.ts';
import { conflict, invalid, notFound } from './refusals.ts';

export async function reviewFacts(deps: Deps, estateId: string, quarter: string): Promise<ReviewFacts> {
  const reads = deps.store.read;
  const now = deps.clock();
  const tz = (await reads.getEstate(estateId))?.timeZone ?? 'Asia/Shanghai';
  const whole = quarterPeriod(quarter, tz);
  // A quarter under way counts up to now; one to come counts nothing.
  const period = { from: whole.from, to: Math.max(whole.from, Math.min(whole.to, now)) };
  const started = period.to > period.from;
  const [patrols, issues, departments, campaigns] = await Promise.all([
    started ? patrolAnalysis(reads, estateId, period, now) : null,
    started ? issueAnalysis(reads, estateId, period) : null,
    started ? rectificationAnalysis(reads, estateId, period, now) : [],
    reads.listCampaigns(estateId),
  ]);
  // The quarter's survey: the latest opened by its last month's end, if it opened in the quarter.
  const months = quarterMonths(quarter);
  const campaign = campaignOfMonth(campaigns, months.last);
  const inQuarter = campaign && campaign.opensOn.slice(0, 7) >= months.first ? campaign : null;
  const survey = inQuarter ? await campaignResults(deps, inQuarter) : null;
  const locations = new Map((await reads.listLocations(estateId)).map((l) => [l.id, l.name]));
  const causeName = new Map(issues?.lifts.byCause.map((c) => [c.key, c.name]) ?? []);
  return {
    quarter,
    from: whole.from,
    to: whole.to,
    survey: survey ? { campaign: survey.campaign.name, areas: survey.areas } : null,
    liftFaults: issues?.lifts.byLift.map((l) => ({ key: l.key, count: l.count, name: l.name })) ?? [],
    liftRepeats: (issues?.lifts.repeats ?? []).map((r) => ({
      ...r,
      name: locations.get(r.locationId),
      causeName: causeName.get(r.cause) ?? { zh: '其他', en: 'Other' },
    })),
    complaints: issues?.complaints.byCategory ?? [],
    overdueDepartments: departments
      .map((d) => ({ departmentId: d.departmentId, name: d.name, overdue: overdueOf(d.onTime) }))
      .sort((a, b) => (b.overdue.rate ?? -1) - (a.overdue.rate ?? -1) || a.departmentId.localeCompare(b.departmentId)),
    missed: patrols?.heat ?? [],
  };
}

export async function quarterReview(deps: Deps, estateId: string, quarter: string): Promise<QuarterReview> {
  const before = shiftQuarter(quarter, -1);
  const [facts, previousFacts, measures] = await Promise.all([
    reviewFacts(deps, estateId, quarter),
    reviewFacts(deps, estateId, before),
    deps.store.read.measuresOf(estateId, [before, quarter]),
  ]);
  return {
    facts,
    ended: deps.clock() >= facts.to,
    measures: measures.filter((m) => m.quarter === quarter).map((m) => ({ ...m, before: figureOf(facts, m.target) })),
    previous: measures
      .filter((m) => m.quarter === before)
      .map((m) => ({ ...m, before: figureOf(previousFacts, m.target), after: figureOf(facts, m.target) })),
  };
}

/** What a request asked for, whatever has happened to the measure since. */
const asked = (m: Measure) => JSON.stringify({ ...m, status: 'open', createdAt: 0, doneAt: null });

export async function addMeasure(deps: Deps, estateId: string, quarter: string, input: MeasureInput, by: string): Promise<Measure> {
  const now = deps.clock();
  const saved = await deps.store.write(async (tx) => {
    const existing = await tx.getMeasure(estateId, input.id);
    const measure: Measure = { ...input, estateId, quarter, status: 'open', createdBy: by, createdAt: now, doneAt: null };
    // Sent twice (a retry): the same measure back; the same id for another measure is a conflict.
    if (existing) {
      if (asked(existing) !== asked(measure)) throw conflict('this id is already used for another measure');
      return existing;
    }
    if (input.departmentId && !(await tx.listDepartments(estateId)).some((d) => d.id === input.departmentId))
      throw invalid('departmentId: no such department here', [{ path: 'departmentId', message: 'unknown department', rule: 'unknown' }]);
    if (input.assigneeId && !(await tx.membersOf(estateId)).some((m) => m.userId === input.assigneeId))
      throw invalid('assigneeId: not a member of this estate', [{ path: 'assigneeId', message: 'unknown person', rule: 'unknown' }]);
    if (!input.departmentId && !input.assigneeId)
      throw invalid('departmentId: a measure needs an owner (a department or a person)', [
        { path: 'departmentId', message: 'a department or a person answers for it', rule: 'min_length' },
      ]);
    await tx.insertMeasure(measure);
    if (input.maintenance?.decision === 'accepted' && input.target.kind === 'liftFaults')
      await checkMoreOften(tx, estateId, input.target.locationId, by, now);
    return measure;
  });
  // The lift owes rounds on its new schedule from now on.
  if (input.maintenance?.decision === 'accepted') deps.board.invalidate(estateId);
  return saved;
}

/**
 * An accepted maintenance-plan change takes effect at once: the lift's own schedule becomes about twice as
 * frequent as the one it keeps now (its own, or its checklist's), and the change is in the audit log.
 */
async function checkMoreOften(tx: Writes, estateId: string, locationId: string, by: string, now: number): Promise<void> {
  const lift = await locationOf(tx, estateId, locationId);
  const template = (await tx.latestTemplates(estateId)).find((t) => t.kind === lift.kind);
  const current = lift.schedule ?? template?.schedule ?? null;
  if (!current) return;
  const changed = { ...lift, schedule: moreFrequent(current) };
  await tx.updateLocation(changed, now);
  await audit(tx, by, { estateId, action: 'location.change', target: lift.name.zh, before: lift, after: changed }, now);
}

export async function setMeasureStatus(deps: Deps, estateId: string, id: string, status: Measure['status']): Promise<Measure> {
  const now = deps.clock();
  return deps.store.write(async (tx) => {
    const m = await tx.getMeasure(estateId, id);
    if (!m) throw notFound('measure');
    const doneAt = status === 'done' ? (m.doneAt ?? now) : null;
    await tx.setMeasureStatus(estateId, id, status, doneAt);
    return { ...m, status, doneAt };
  });
}
