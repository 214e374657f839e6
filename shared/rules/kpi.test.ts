import { describe, expect, it } from 'vitest';
import { H, T0 } from '../testing/fixtures.ts';
import { patrolKpiTally, rectificationKpi } from './kpi.ts';

describe('KPI per person and per department', () => {
  it("a patrol officer's on-time rate counts the slots they filled; voluntary rounds are counted apart", () => {
    // Wang's three rounds: one filled a slot in time, one late, one filled none; Li's one round filled none.
    const rounds = [
      { inspectorId: 'wang', filled: 'onTime' as const },
      { inspectorId: 'wang', filled: 'late' as const },
      { inspectorId: 'wang', filled: null },
      { inspectorId: 'li', filled: null },
    ];
    const tally = patrolKpiTally();
    for (const r of rounds) tally.add(r);
    expect(tally.result()).toEqual([
      { inspectorId: 'wang', slotsFilled: 2, onTime: { count: 1, of: 2, rate: 0.5 }, voluntary: 1 },
      { inspectorId: 'li', slotsFilled: 0, onTime: { count: 0, of: 0, rate: null }, voluntary: 1 },
    ]);
  });

  it('a department that never fixes its overdue work scores 0 %, not 100 %', () => {
    const overdue = { departmentId: 'eng', firstRectifiedAt: null, firstDeadline: null, deadline: T0, reopenCount: 0 };
    expect(rectificationKpi([overdue, overdue], T0 + 1)).toEqual([
      { departmentId: 'eng', assigned: 2, onTime: { count: 0, of: 2, rate: 0 }, reopen: { count: 0, of: 0, rate: null }, overdueOpen: 2 },
    ]);
  });

  it('on time counts first fixes against their first deadline; the reopen rate is of the work fixed', () => {
    const issues = [
      { departmentId: 'eng', firstRectifiedAt: T0, firstDeadline: T0, deadline: T0, reopenCount: 0 }, // on time, right first time
      { departmentId: 'eng', firstRectifiedAt: T0 + 1, firstDeadline: T0, deadline: T0 + 99 * H, reopenCount: 1 }, // late, reopened, new deadline
      { departmentId: 'eng', firstRectifiedAt: null, firstDeadline: null, deadline: T0 + H, reopenCount: 0 }, // not due yet: not judged
      { departmentId: 'eng', firstRectifiedAt: null, firstDeadline: null, deadline: T0 - H, reopenCount: 0 }, // overdue, unfixed: late
      { departmentId: null, firstRectifiedAt: T0, firstDeadline: T0, deadline: T0, reopenCount: 0 },
    ];
    expect(rectificationKpi(issues, T0 + 1)).toEqual([
      {
        departmentId: 'eng',
        assigned: 4,
        onTime: { count: 1, of: 3, rate: 1 / 3 },
        reopen: { count: 1, of: 2, rate: 0.5 },
        overdueOpen: 1,
      },
    ]);
  });
});
