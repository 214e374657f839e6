/** The service desk's figures (FIGURES.deskResponse, FIGURES.firstContactResolution). */
import type { DeskEntry } from '../model/desk.ts';
import { rate, type Rate } from './kpi.ts';

/** A complaint always, and a request left unsettled, is followed up as an issue; a consultation is answered there. */
export function becomesIssue(e: Pick<DeskEntry, 'topic' | 'resolved'>): boolean {
  return e.topic === 'complaint' || (e.topic === 'request' && !e.resolved);
}

export interface DeskFigure {
  key: string;
  count: number;
  /** Minutes from the owner coming in to being answered: the median, and the slowest one in ten. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Settled at the first contact, of all entries. */
  firstContact: Rate;
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function figureOf(key: string, entries: readonly Pick<DeskEntry, 'receivedAt' | 'answeredAt' | 'resolved'>[]): DeskFigure {
  const minutes = entries.map((e) => Math.round((e.answeredAt - e.receivedAt) / 60_000)).sort((a, b) => a - b);
  return {
    key,
    count: entries.length,
    medianMinutes: quantile(minutes, 0.5),
    p90Minutes: quantile(minutes, 0.9),
    firstContact: rate(entries.filter((e) => e.resolved).length, entries.length),
  };
}

/** The figures over all entries, by topic and by the person at the desk (ties in key order, so every engine reads alike). */
export function deskFigures(entries: readonly Pick<DeskEntry, 'topic' | 'staffId' | 'receivedAt' | 'answeredAt' | 'resolved'>[]): {
  total: DeskFigure;
  byTopic: DeskFigure[];
  byPerson: DeskFigure[];
} {
  const group = (keyOf: (e: (typeof entries)[number]) => string) => {
    const m = new Map<string, (typeof entries)[number][]>();
    for (const e of entries) {
      const list = m.get(keyOf(e));
      if (list) list.push(e);
      else m.set(keyOf(e), [e]);
    }
    return [...m].map(([key, list]) => figureOf(key, list)).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  return { total: figureOf('all', entries), byTopic: group((e) => e.topic), byPerson: group((e) => e.staffId) };
}
