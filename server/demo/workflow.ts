/** What happens to a demo issue after it is raised: acceptance, assignment, the fix, the check, sometimes a reopen. */
import { DEFAULT_REQUIREMENT, HOUR, MINUTE, type Actor, type Issue, type IssueAction } from '../../shared/index.ts';
import { actOnIssue } from '../services/issues.ts';
import { DEMO_USERS, departmentFor } from './estate.ts';
import type { Seeding } from './timeline.ts';

export const supervisor: Actor = { kind: 'user', id: 'u-supervisor', role: 'supervisor' };

/** How reliably each department meets its deadlines in the demo, so the KPI has a spread. */
const ON_TIME: Record<string, number> = { cleaning: 0.92, greening: 0.85, engineering: 0.74, security: 0.9, service: 0.8 };

/**
 * An action at the timeline's instant; one that no longer fits (the issue moved on) is skipped, as a person would.
 * A supervisor assigns only what the dispatch rules left waiting.
 */
const act = (s: Seeding, issueId: string, action: IssueAction, actor: Actor) => async () => {
  const issue = await s.tx.getIssue(issueId);
  if (!issue || (action.type === 'assign' && issue.status !== 'reported')) return;
  try {
    await actOnIssue(s.tx, issue, action, actor, Math.round(s.timeline.at));
  } catch (e) {
    if (process.env.DEBUG_SEED) console.error(action.type, e);
  }
};

export function planWorkflow(s: Seeding, issue: Issue): void {
  const { rnd, timeline } = s;
  const dept = departmentFor(issue.category);
  const engineer: Actor = {
    kind: 'user',
    id: DEMO_USERS.find((u) => u.department === dept)?.id ?? 'u-svc',
    role: 'department',
    departmentId: dept,
  };
  const assignAt = issue.createdAt + rnd.between(10 * MINUTE, 2 * HOUR);
  if (!issue.verified) timeline.later(assignAt - 5 * MINUTE, act(s, issue.id, { type: 'accept' }, supervisor));
  timeline.later(
    assignAt,
    act(
      s,
      issue.id,
      { type: 'assign', departmentId: dept, requirement: DEFAULT_REQUIREMENT, deadline: null, assigneeId: null },
      supervisor,
    ),
  );
  const window = issue.deadline - issue.createdAt;
  const onTime = rnd.chance(ON_TIME[dept] ?? 0.8);
  const fixAt = onTime ? assignAt + rnd.between(0.1, 0.9) * window : issue.deadline + rnd.between(0.1, 1.5) * window;
  const fix: IssueAction = { type: 'rectify', note: '已整改 · Fixed', photos: [rnd.pick(s.photos)] };
  timeline.later(fixAt, act(s, issue.id, fix, engineer));
  const reopen = rnd.chance(0.08);
  const checkAt = fixAt + rnd.between(1 * HOUR, 6 * HOUR);
  if (reopen) {
    timeline.later(checkAt, act(s, issue.id, { type: 'reopen', reason: '复查未通过 · Failed the check' }, supervisor));
    const refixAt = checkAt + rnd.between(0.2, 0.8) * window;
    timeline.later(refixAt, act(s, issue.id, fix, engineer));
    timeline.later(refixAt + 2 * HOUR, act(s, issue.id, { type: 'verify', note: '' }, supervisor));
  } else {
    timeline.later(checkAt, act(s, issue.id, { type: 'verify', note: '' }, supervisor));
  }
}
