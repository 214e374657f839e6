import { describe, expect, it } from 'vitest';
import { sampleProgress, satisfaction, satisfactionByArea } from './satisfaction.ts';

describe('satisfaction rate: the share of answers rating 4–5', () => {
  it('9 of 10 satisfied exactly meets the 90 % target', () => {
    expect(satisfaction([5, 5, 4, 4, 4, 5, 4, 5, 4, 3])).toEqual({ answered: 10, satisfied: 9, rate: 0.9, meetsTarget: true });
  });

  it('a 3 ("neutral") is not satisfied', () => {
    expect(satisfaction([3, 3, 4]).rate).toBeCloseTo(1 / 3);
  });

  it('with no answers there is no rate, and no verdict on the target', () => {
    expect(satisfaction([])).toEqual({ answered: 0, satisfied: 0, rate: null, meetsTarget: null });
  });

  it('blank answers are left out, not counted as dissatisfied', () => {
    expect(satisfaction([null, undefined, 5, null])).toMatchObject({ answered: 1, rate: 1 });
    expect(satisfaction([null, null])).toMatchObject({ answered: 0, rate: null });
  });

  it('lists service areas worst first, with unanswered areas last', () => {
    const responses = [
      { answers: { hygiene: 5, complaints: 2, community: null } },
      { answers: { hygiene: 4, complaints: 4, community: null } },
    ];
    expect(satisfactionByArea(['hygiene', 'community', 'complaints'], responses).map((a) => [a.areaId, a.rate])).toEqual([
      ['complaints', 0.5],
      ['hygiene', 1],
      ['community', null],
    ]);
  });

  it('a 30 % sample of 412 households needs 124 responses', () => {
    expect(sampleProgress(100, 412, 0.3)).toEqual({ responses: 100, needed: 124, households: 412, reached: false });
  });

  it('7 % of 100 households is 7 answers, not the 8 that floating point would ask for', () => {
    expect(100 * 0.07).toBeGreaterThan(7); // the trap
    expect(sampleProgress(7, 100, 0.07)).toEqual({ responses: 7, needed: 7, households: 100, reached: true });
    expect(sampleProgress(0, 1000, 0.29).needed).toBe(290);
    expect(sampleProgress(0, 3, 0.3).needed).toBe(1);
  });
});
