/** Builders for tests: a complete issue with sensible defaults, overridden per case. */
import type { Issue } from '../model/issue.ts';

export const T0 = Date.parse('2026-03-02T01:00:00Z'); // 09:00 in Shanghai
export const H = 3_600_000;

export function makeIssue(over: Partial<Issue> = {}): Issue {
  return {
    id: 'iss-1',
    estateId: 'demo',
    locationId: 'loc-1',
    source: 'patrol',
    category: 'facilities',
    severity: 'important',
    description: 'lift door sensor not working',
    cause: null,
    photos: [],
    status: 'reported',
    verified: true,
    departmentId: null,
    assigneeId: null,
    requirement: null,
    deadline: T0 + 24 * H,
    manualLevel: 0,
    reopenCount: 0,
    meToo: 0,
    duplicateOf: null,
    createdAt: T0,
    rectifiedAt: null,
    firstRectifiedAt: null,
    firstDeadline: null,
    closedAt: null,
    afterPhotos: [],
    ...over,
  };
}
