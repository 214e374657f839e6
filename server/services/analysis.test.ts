import { describe, expect, it } from 'vitest';
import type { PatrolAnalysis } from '../../shared/index.ts';
import { patrolAnalysisAnswer } from './analysis.ts';

/** A month at 250 places: place n had 10 slots and missed n % 11 of them; the last ten had no slot closed yet. */
function wholeMonth(): PatrolAnalysis {
  const byLocation: PatrolAnalysis['byLocation'] = Array.from({ length: 250 }, (_, n) => {
    const open = n >= 240;
    const missed = open ? 0 : n % 11;
    const done = open ? 0 : 10 - missed;
    return {
      key: `loc-${String(n).padStart(3, '0')}`,
      scheduled: 10,
      done,
      onTime: done,
      missed,
      completionRate: open ? null : done / 10,
      onTimeRate: open ? null : 1,
    };
  });
  const heat = byLocation
    .filter((l) => l.missed > 0)
    .map((l) => ({ locationId: l.key, hours: Array.from({ length: 24 }, (_, h) => (h === 9 ? l.missed : 0)), total: l.missed }))
    .sort((a, b) => b.total - a.total || a.locationId.localeCompare(b.locationId));
  const total = { scheduled: 2500, done: 0, onTime: 0, missed: 0, completionRate: 0.5, onTimeRate: 1 };
  return { total, byKind: [], byArea: [], byLocation, locationCount: 250, byPerson: [], heat, heatCount: heat.length, voluntary: 3 };
}

describe("the patrol analysis's answer to a page", () => {
  it('lists the hundred weakest of 250 places, lowest completion first, and says there are 250', () => {
    const whole = wholeMonth();
    const answer = patrolAnalysisAnswer(whole);
    expect(answer.byLocation).toHaveLength(100);
    expect(answer.locationCount).toBe(250);
    // Every place left out completed at least as much as every place listed.
    const listed = new Set(answer.byLocation.map((l) => l.key));
    const worstLeftOut = Math.min(...whole.byLocation.filter((l) => !listed.has(l.key)).map((l) => l.completionRate ?? 2));
    expect(Math.max(...answer.byLocation.map((l) => l.completionRate ?? 2))).toBeLessThanOrEqual(worstLeftOut);
    const rates = answer.byLocation.map((l) => l.completionRate as number);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    // Ties read in the places' order, whatever order the database gave.
    const tenMissed = answer.byLocation.filter((l) => l.missed === 10).map((l) => l.key);
    expect(tenMissed).toEqual([...tenMissed].sort());
  });

  it('puts a place with no slot closed yet after every place with a rate', () => {
    const answer = patrolAnalysisAnswer({ ...wholeMonth(), byLocation: wholeMonth().byLocation.slice(230) });
    expect(answer.byLocation.map((l) => l.completionRate === null)).toEqual([...Array(10).fill(false), ...Array(10).fill(true)]);
  });

  it('keeps the hundred most missed of the heat map, and every total as it was', () => {
    const whole = wholeMonth();
    const answer = patrolAnalysisAnswer(whole);
    expect(answer.heat).toEqual(whole.heat.slice(0, 100));
    expect(answer.heatCount).toBe(whole.heat.length);
    expect(whole.heat.length).toBeGreaterThan(100);
    expect({ ...answer, byLocation: [], heat: [] }).toEqual({ ...whole, byLocation: [], heat: [] });
  });
});
