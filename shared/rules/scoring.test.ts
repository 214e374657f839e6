import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_SHEET as sheet } from '../content/scoring-sheet.ts';
import { checkDeductions, monthlyRecordOf, scoreSheet } from './scoring.ts';

describe('the monthly deduction sheet', () => {
  it('adds up to 100 points in three sections: public areas, customer service, safety', () => {
    const empty = scoreSheet(sheet, []);
    expect(empty.sections.map((s) => [s.sectionId, s.score])).toEqual([
      ['public', 40],
      ['service', 30],
      ['safety', 30],
    ]);
    expect([empty.max, empty.total]).toEqual([100, 100]);
  });

  it('takes deductions off their own section only', () => {
    const score = scoreSheet(sheet, [
      { itemId: 'pub-hygiene', points: 3 },
      { itemId: 'saf-fire', points: 4.5 },
    ]);
    expect(score.sections.map((s) => s.score)).toEqual([37, 30, 25.5]);
    expect(score.total).toBe(92.5);
  });

  it('never takes a section below zero', () => {
    const huge = sheet.sections[2].items.map((i) => ({ itemId: i.id, points: i.maxDeduction }));
    const score = scoreSheet(sheet, [...huge, ...huge]);
    expect(score.sections[2].score).toBe(0);
  });

  it('refuses a deduction larger than the item allows, and an item not on the sheet', () => {
    expect(
      checkDeductions(sheet, [
        { itemId: 'pub-refuse', points: 4 },
        { itemId: 'pub-refuse', points: 2 },
        { itemId: 'nope', points: 1 },
      ]),
    ).toEqual([
      { index: 1, message: 'Refuse cleared on time, no odour: at most 5 points can be deducted', rule: 'max_value', limit: 5 },
      { index: 2, message: 'item nope is not on sheet sheet-monthly v1', rule: 'unknown' },
    ]);
  });
});

describe("a month's score", () => {
  it('is the latest scored inspection of that month, and none when there was none', () => {
    const records = [
      { month: '2026-10', createdAt: 5, total: 91 },
      { month: '2026-11', createdAt: 10, total: 88 },
      { month: '2026-11', createdAt: 30, total: 93 },
      { month: '2026-11', createdAt: 20, total: 80 },
    ];
    expect(monthlyRecordOf(records, '2026-11')?.total).toBe(93);
    expect(monthlyRecordOf(records, '2026-09')).toBeNull();
  });
});
