/** Training, drills and community activities; and issues raised by hand from a survey area or a drill. */
import type { Actor, ManualIssueInput, PlanRecord, PlanRecordReceipt, ManualIssueReceipt } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { invalid } from './refusals.ts';
import { once } from './idempotency.ts';
import { createIssue } from './issues.ts';

export async function recordPlan(deps: Deps, estateId: string, record: PlanRecord) {
  if (record.kind === 'training') {
    const members = new Set((await deps.store.read.membersOf(estateId)).map((m) => m.userId));
    const unknown = record.attendees.findIndex((a) => !members.has(a.userId));
    if (unknown >= 0)
      throw invalid(`attendees[${unknown}].userId: not a member of this estate`, [
        { path: `attendees[${unknown}].userId`, message: 'unknown person', rule: 'unknown' },
      ]);
  }
  const now = deps.clock();
  const { receipt } = await deps.store.write((tx) =>
    once<PlanRecordReceipt>(tx, estateId, record.id, 'planRecord', { ...record, estateId }, now, async () => {
      await tx.insertPlanRecord(estateId, record, now);
      return { kind: 'planRecord', id: record.id };
    }),
  );
  return receipt;
}

export async function raiseIssue(deps: Deps, estateId: string, input: ManualIssueInput, actor: Actor) {
  const now = deps.clock();
  const { receipt } = await deps.store.write((tx) =>
    once<ManualIssueReceipt>(tx, estateId, input.id, 'issue', { ...input, estateId }, now, async () => {
      if (input.locationId && (await tx.getLocation(input.locationId))?.estateId !== estateId) {
        throw invalid('locationId: not a location of this estate', [{ path: 'locationId', message: 'unknown location', rule: 'unknown' }]);
      }
      const { locationId, source, category, severity, description } = input;
      const issue = await createIssue(tx, { estateId, locationId, source, category, severity, description, at: now }, actor);
      return { kind: 'issue', id: input.id, issueId: issue.id };
    }),
  );
  return receipt;
}
