/**
 * The group (集团) above its estates: group roles, and the overview that sets the estates side by side.
 * Estate roles stay as they are; a group role adds what a person sees across estates.
 */
import * as v from 'valibot';
import type { Rate } from '../rules/kpi.ts';
import type { Satisfaction } from '../rules/satisfaction.ts';
import { Id, type LocalText } from './common.ts';

export const GROUP_ROLES = [
  'groupAdmin', // 集团管理员: adds estates, gives group roles, administers every estate
  'groupQuality', // 集团品质经理: reads every estate, compares them
  'regional', // 区域经理: reads the estates of their region
] as const;
export const GroupRole = v.picklist(GROUP_ROLES, `must be one of ${GROUP_ROLES.join(', ')}`);
export type GroupRole = (typeof GROUP_ROLES)[number];

/** A person's place in the group: a group role (or none) and, for a regional manager, their estates. */
export const GroupAccess = v.pipe(
  v.object({
    role: v.nullable(GroupRole),
    estateIds: v.optional(v.pipe(v.array(Id), v.maxLength(2000, 'at most 2000 estates')), []),
  }),
  v.forward(
    v.check((a) => a.role !== 'regional' || a.estateIds.length > 0, 'a regional manager needs at least one estate'),
    ['estateIds'],
  ),
);
export type GroupAccess = v.InferOutput<typeof GroupAccess>;

/** GET /api/group/people: everyone in the group, with their group access, for the group administrator. */
export interface GroupPeople {
  people: {
    id: string;
    username: string;
    displayName: string;
    disabled: boolean;
    access: GroupAccess;
    /** Estates where the person holds an estate role. */
    estates: { estateId: string; role: string }[];
  }[];
  estates: { id: string; name: LocalText; archived: boolean }[];
}

/** One estate's month in the group overview (definitions in shared/rules/figures.ts). */
export interface EstateMonth {
  estateId: string;
  name: LocalText;
  archived: boolean;
  households: number;
  /** 1 for the best; estates with equal figures share a rank. */
  rank: number;
  /** The month's scored inspection (月度考评), the latest if there were several; null when none. */
  score: number | null;
  /** The six months to this one, oldest first: the monthly score's trend. */
  scoreTrend: { month: string; score: number | null }[];
  patrolCompletion: Rate;
  patrolOnTime: Rate;
  /** Work due in the month that was fixed late or is still unfixed past its deadline. */
  overdue: Rate;
  reopen: Rate;
  /** The latest survey opened by the month's end (surveys are quarterly). */
  satisfaction: Satisfaction & { campaign: LocalText | null };
  complaints: number;
  /** Owners' complaints per 100 households; null when the estate has no households on record. */
  complaintsPer100: number | null;
}

/** GET /api/group/overview?month=YYYY-MM (`&format=csv`). */
export interface GroupOverview {
  month: string;
  estates: EstateMonth[];
}
