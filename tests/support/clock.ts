/**
 * The instant the browser suites start at. Never the machine's own date: an estate lives in its
 * own zone (the demo's is Asia/Shanghai, 8 h ahead of CI's UTC), so a suite that read the machine's
 * clock would pass or fail by the hour it ran. `npm test` runs the browser suite twice, at the two
 * instants where that goes wrong: 23:30 and 00:30 in Shanghai across a month end.
 */
export const INSTANTS = {
  /** 23:30 on Monday 30 November 2026 in Shanghai (15:30 UTC): the last half hour of a month. */
  beforeMidnight: '2026-11-30T15:30:00Z',
  /** 00:30 on Tuesday 1 December 2026 in Shanghai (16:30 UTC, still 30 November in UTC). */
  afterMidnight: '2026-11-30T16:30:00Z',
} as const;

function parseStart(value: string | undefined): number {
  const at = Date.parse(value ?? INSTANTS.beforeMidnight);
  if (!/(Z|[+-]\d\d:\d\d)$/.test(value ?? 'Z') || Number.isNaN(at))
    throw new Error(`PQM_TEST_NOW must be an ISO instant with an offset, got ${value}`);
  return at;
}

/** Where the browser suites' clocks start (server and browser alike): PQM_TEST_NOW, or 23:30 Shanghai on a month end. */
export const SUITE_START = parseStart(process.env.PQM_TEST_NOW);
