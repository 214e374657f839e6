import { describe, expect, it } from 'vitest';
import { H, T0 } from '../testing/fixtures.ts';
import { patrolKpi, rectificationKpi } from './kpi.ts';
import type { SlotState } from './schedule.ts';

describe('KPI per person and per department', () => {
  const slot = (filledBy: string | undefined, onTime: boolean): SlotState => ({
    key: `k-${filledBy}`,
    start: T0,
    end: T0 + H,
    closes: T0 + H,
    status: filledBy ? 'done' : 'missed',
    filledBy,
    onTime: filledBy ? onTime : undefined,
  });

  it('a patrol officer\'s on-time rate counts the slots they filled; voluntary rounds are counted apart', () => {
    const states = [slot('i1', true), slot('i2', false), slot(undefined, false)];
    const inspections = [
      { id: 'i1', inspectorId: 'wang' },
      { id: 'i2', inspectorId: 'wang' },
      { id: 'i3', inspectorId: 'wang' },
      { id: 'i4', inspectorId: 'li' },
    ];
    expect(patrolKpi(states, inspections)).toEqual([
      { inspectorId: 'wang', slotsFilled: 2, onTime: { count: 1, of: 2, rate: 0.5 }, voluntary: 1 },
      { inspectorId: 'li', slotsFilled: 0, onTime: { count: 0, of: 0, rate: null }, voluntary: 1 },
    ]);
  });

  it('a department\'s on-time rate covers rectified issues; its reopen rate covers all assigned', () => {
    const issues = [
      { departmentId: 'eng', rectifiedAt: T0, deadline: T0, reopenCount: 0 },
      { departmentId: 'eng', rectifiedAt: T0 + 1, deadline: T0, reopenCount: 1 },
      { departmentId: 'eng', rectifiedAt: null, deadline: T0, reopenCount: 0 },
      { departmentId: null, rectifiedAt: T0, deadline: T0, reopenCount: 0 },
    ];
    expect(rectificationKpi(issues)).toEqual([
      { departmentId: 'eng', assigned: 3, onTime: { count: 1, of: 2, rate: 0.5 }, reopen: { count: 1, of: 3, rate: 1 / 3 } },
    ]);
  });
});
