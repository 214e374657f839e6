/** How the group overview adds up and ranks its estates; each figure is the estate's own (rules/figures.ts). */
import type { EstateMonth } from '../model/group.ts';
import { rate, type Rate } from './kpi.ts';

/** Departments' rates summed into the estate's: counts add, the rate is recomputed (never an average of rates). */
export function sumRates(rates: readonly Rate[]): Rate {
  return rate(
    rates.reduce((n, r) => n + r.count, 0),
    rates.reduce((n, r) => n + r.of, 0),
  );
}

/** Late of judged: the complement of "fixed by the deadline" over the same work. */
export function overdueOf(onTime: Rate): Rate {
  return rate(onTime.of - onTime.count, onTime.of);
}

export function complaintsPer100(complaints: number, households: number): number | null {
  return households > 0 ? Math.round((complaints * 100 * 100) / households) / 100 : null;
}

type Rankable = Omit<EstateMonth, 'rank'>;

/**
 * Best first: the monthly score, then patrol completion, then satisfaction (a missing figure ranks below any figure).
 * Estates equal on all three share a rank (1, 2, 2, 4); within a rank they read in name order.
 */
export function rankEstates(rows: readonly Rankable[]): EstateMonth[] {
  const keys = (r: Rankable) => [r.score, r.patrolCompletion.rate, r.satisfaction.rate];
  const compare = (a: Rankable, b: Rankable) => {
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) {
      const [x, y] = [ka[i] ?? -1, kb[i] ?? -1];
      if (x !== y) return y - x;
    }
    return 0;
  };
  const sorted = [...rows].sort(
    (a, b) => compare(a, b) || a.name.zh.localeCompare(b.name.zh, 'zh-CN') || a.estateId.localeCompare(b.estateId),
  );
  return sorted.map((r, i) => {
    let first = i;
    while (first > 0 && compare(sorted[first - 1], r) === 0) first--;
    return { ...r, rank: first + 1 };
  });
}

/** The `count` months up to and including `month` (YYYY-MM), oldest first. */
export function monthsTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}
