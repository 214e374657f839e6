/** Monthly deduction-sheet scores. */
import type { Deduction, ScoringSheet } from '../model/scoring.ts';

export interface SectionScore {
  sectionId: string;
  max: number;
  deducted: number;
  score: number;
}

export interface SheetScore {
  sections: SectionScore[];
  max: number;
  total: number;
}

export interface DeductionError {
  index: number;
  message: string;
  /** `unknown` item, or over the item's `max_value` (its `limit`). */
  rule: 'unknown' | 'max_value';
  limit?: number;
}

/** Deductions must name a sheet item and stay within that item's maximum. */
export function checkDeductions(sheet: ScoringSheet, deductions: readonly Pick<Deduction, 'itemId' | 'points'>[]): DeductionError[] {
  const items = new Map(sheet.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const used = new Map<string, number>();
  const errors: DeductionError[] = [];
  for (const [index, d] of deductions.entries()) {
    const item = items.get(d.itemId);
    if (!item) {
      errors.push({ index, message: `item ${d.itemId} is not on sheet ${sheet.id} v${sheet.version}`, rule: 'unknown' });
      continue;
    }
    const total = (used.get(d.itemId) ?? 0) + d.points;
    used.set(d.itemId, total);
    if (total > item.maxDeduction)
      errors.push({
        index,
        message: `${item.label.en}: at most ${item.maxDeduction} points can be deducted`,
        rule: 'max_value',
        limit: item.maxDeduction,
      });
  }
  return errors;
}

/** A section never goes below zero, however much is deducted in it. */
export function scoreSheet(sheet: ScoringSheet, deductions: readonly Pick<Deduction, 'itemId' | 'points'>[]): SheetScore {
  const sectionOf = new Map(sheet.sections.flatMap((s) => s.items.map((i) => [i.id, s.id] as const)));
  const deducted = new Map<string, number>();
  for (const d of deductions) {
    const section = sectionOf.get(d.itemId);
    if (section) deducted.set(section, (deducted.get(section) ?? 0) + d.points);
  }
  const sections = sheet.sections.map((s) => {
    const off = deducted.get(s.id) ?? 0;
    return { sectionId: s.id, max: s.maxPoints, deducted: off, score: Math.max(0, s.maxPoints - off) };
  });
  return {
    sections,
    max: sections.reduce((n, s) => n + s.max, 0),
    total: sections.reduce((n, s) => n + s.score, 0),
  };
}

/** The month's score is its scored inspection's: the latest if there were several (FIGURES.monthlyScore). */
export function monthlyRecordOf<R extends { month: string; createdAt: number }>(records: readonly R[], month: string): R | null {
  let latest: R | null = null;
  for (const r of records) if (r.month === month && (!latest || r.createdAt > latest.createdAt)) latest = r;
  return latest;
}
