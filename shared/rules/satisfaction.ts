/** Owner satisfaction: the share of answers rating 4–5 of 5, against the plan's 90 % target. */

export const SATISFACTION_TARGET = 0.9;
export const SATISFIED_FROM = 4;

export interface Satisfaction {
  /** Answers given (blanks excluded). */
  answered: number;
  satisfied: number;
  /** null when nobody answered: no rate is not a 0 % rate. */
  rate: number | null;
  meetsTarget: boolean | null;
}

export function satisfaction(scores: readonly (number | null | undefined)[], target = SATISFACTION_TARGET): Satisfaction {
  let answered = 0;
  let satisfied = 0;
  for (const s of scores) {
    if (typeof s !== 'number') continue;
    answered++;
    if (s >= SATISFIED_FROM) satisfied++;
  }
  const rate = answered ? satisfied / answered : null;
  return { answered, satisfied, rate, meetsTarget: rate === null ? null : rate >= target };
}

export interface AreaSatisfaction extends Satisfaction {
  areaId: string;
}

/** Per service area, worst first (unanswered areas last), as the plan's improvement review reads them. */
export function satisfactionByArea(
  areaIds: readonly string[],
  responses: readonly { answers: Record<string, number | null> }[],
  target = SATISFACTION_TARGET,
): AreaSatisfaction[] {
  return areaIds
    .map((areaId) => ({
      areaId,
      ...satisfaction(
        responses.map((r) => r.answers[areaId]),
        target,
      ),
    }))
    .sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity));
}

export interface SampleProgress {
  responses: number;
  needed: number;
  households: number;
  reached: boolean;
}

/**
 * Progress toward the sample target (e.g. 30 % of households). The share is counted in whole basis
 * points, in integers: 100 households × 7 % needs 7 answers, where floating point (7.000000000000001) would ask for 8.
 */
export function sampleProgress(responses: number, households: number, targetShare: number): SampleProgress {
  const basisPoints = Math.round(targetShare * 10_000);
  const needed = Math.floor((households * basisPoints + 9_999) / 10_000);
  return { responses, needed, households, reached: responses >= needed };
}

/** A month's satisfaction is the latest campaign opened by its end (calendar dates compare as text: 2026-11-05 < 2026-12). */
export function campaignOfMonth<C extends { opensOn: string }>(campaigns: readonly C[], month: string): C | null {
  let latest: C | null = null;
  for (const c of campaigns) if (c.opensOn.slice(0, 7) <= month && (!latest || c.opensOn > latest.opensOn)) latest = c;
  return latest;
}
