import { describe, expect, it } from 'vitest';
import type { ReviewFacts } from '../model/answers.ts';
import { quarterOfMonth, quarterPeriod, shiftQuarter } from '../time/calendar.ts';
import { figureOf, improved } from './review.ts';

describe("the review's quarters, in the estate's calendar", () => {
  it('November is in Q4; the quarter before Q1 is the last year’s Q4', () => {
    expect(quarterOfMonth('2026-11')).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
  });

  it("Q4 in Shanghai runs from 1 October's local midnight to 1 January's", () => {
    expect(quarterPeriod('2026-Q4', 'Asia/Shanghai')).toEqual({
      from: Date.parse('2026-09-30T16:00:00Z'),
      to: Date.parse('2026-12-31T16:00:00Z'),
    });
  });
});

describe("a measure's figure", () => {
  const facts: ReviewFacts = {
    quarter: '2026-Q4',
    from: 0,
    to: 1,
    survey: {
      campaign: { zh: '秋季调查', en: 'Autumn' },
      areas: [{ areaId: 'hygiene', answered: 10, satisfied: 8, rate: 0.8, meetsTarget: false }],
    },
    liftFaults: [{ key: 'lift-a', count: 4 }],
    liftRepeats: [],
    complaints: [{ key: 'hygiene', count: 3 }],
    overdueDepartments: [{ departmentId: 'cleaning', overdue: { count: 1, of: 4, rate: 0.25 } }],
    missed: [{ locationId: 'gate', hours: [], total: 6 }],
  };

  it('is read from the quarter’s facts; nothing counted is zero, nothing measured is no figure', () => {
    expect(figureOf(facts, { kind: 'complaints', category: 'hygiene' })).toBe(3);
    expect(figureOf(facts, { kind: 'complaints', category: 'order' })).toBe(0);
    expect(figureOf(facts, { kind: 'areaSatisfaction', areaId: 'hygiene' })).toBe(0.8);
    expect(figureOf(facts, { kind: 'areaSatisfaction', areaId: 'security' })).toBeNull();
    expect(figureOf(facts, { kind: 'overdueRate', departmentId: 'cleaning' })).toBe(0.25);
    expect(figureOf(facts, { kind: 'missedSlots', locationId: 'gate' })).toBe(6);
    expect(figureOf(facts, { kind: 'liftFaults', locationId: 'lift-a' })).toBe(4);
  });

  it('improves when it falls, except satisfaction, which improves when it rises', () => {
    expect(improved({ kind: 'complaints', category: 'hygiene' }, 3, 1)).toBe(true);
    expect(improved({ kind: 'areaSatisfaction', areaId: 'hygiene' }, 0.8, 0.7)).toBe(false);
    expect(improved({ kind: 'missedSlots', locationId: 'gate' }, null, 1)).toBeNull();
  });
});
