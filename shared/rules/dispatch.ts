/**
 * Dispatch: the department an issue goes to without anyone watching. The most specific rule that matches wins
 * (one naming the category, the kind of place and the building beats one naming only the category); among
 * equally specific rules, the first in the list. No match: the issue waits in 待派单 for a supervisor.
 */
import type { Category } from '../model/common.ts';
import type { LocationKind } from '../model/estate.ts';
import type { RoutingRule } from '../model/routing.ts';

export interface DispatchSubject {
  category: Category;
  /** Where the problem is; null for one raised with no location (a survey area, a drill). */
  location: { kind: LocationKind; buildingId: string | null } | null;
}

const specificity = (r: RoutingRule) => Number(r.category !== null) + Number(r.locationKind !== null) + Number(r.buildingId !== null);

function matches(r: RoutingRule, s: DispatchSubject): boolean {
  return (
    (r.category === null || r.category === s.category) &&
    (r.locationKind === null || r.locationKind === s.location?.kind) &&
    (r.buildingId === null || r.buildingId === s.location?.buildingId)
  );
}

export function routeFor(rules: readonly RoutingRule[], subject: DispatchSubject): RoutingRule | null {
  let best: RoutingRule | null = null;
  for (const r of rules) if (matches(r, subject) && (best === null || specificity(r) > specificity(best))) best = r;
  return best;
}

/** What a department is asked to do when no one has written anything more particular. */
export const DEFAULT_REQUIREMENT = '按标准整改并拍照反馈';
