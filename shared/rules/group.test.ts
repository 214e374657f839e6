import { describe, expect, it } from 'vitest';
import type { EstateMonth } from '../model/group.ts';
import { rate } from './kpi.ts';
import { complaintsPer100, monthsTo, overdueOf, rankEstates, sumRates } from './group.ts';

const row = (estateId: string, zh: string, score: number | null, completion: number | null): Omit<EstateMonth, 'rank'> => ({
  estateId,
  name: { zh, en: zh },
  archived: false,
  households: 100,
  score,
  scoreTrend: [],
  patrolCompletion: { count: 0, of: completion === null ? 0 : 100, rate: completion },
  patrolOnTime: rate(0, 0),
  overdue: rate(0, 0),
  reopen: rate(0, 0),
  satisfaction: { answered: 0, satisfied: 0, rate: null, meetsTarget: null, campaign: null },
  complaints: 0,
  complaintsPer100: 0,
});

describe('the group overview adds up and ranks estates', () => {
  it('departments’ rates add as counts, not as an average of rates', () => {
    expect(sumRates([rate(1, 1), rate(1, 9)])).toEqual({ count: 2, of: 10, rate: 0.2 });
    expect(sumRates([])).toEqual({ count: 0, of: 0, rate: null });
  });
  it('overdue is the late share of the same work that "fixed by the deadline" judges', () => {
    expect(overdueOf(rate(7, 10))).toEqual({ count: 3, of: 10, rate: 0.3 });
  });
  it('complaints per 100 households, to two places; none on record gives no figure', () => {
    expect(complaintsPer100(7, 860)).toBe(0.81);
    expect(complaintsPer100(3, 0)).toBeNull();
  });
  it('ranks by score, then patrol completion; equal estates share a rank and an estate without a score comes last', () => {
    const ranked = rankEstates([row('a', '甲', 88, 0.9), row('b', '乙', 95, 0.5), row('c', '丙', 88, 0.9), row('d', '丁', null, 1)]);
    expect(ranked.map((r) => [r.estateId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 2],
      ['d', 4],
    ]);
  });
  it('the trend’s months run back across the new year', () => {
    expect(monthsTo('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
