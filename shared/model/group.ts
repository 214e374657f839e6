/**
 * The group (集团) above its estates: group roles, and the overview that sets the estates side by side.
 * Estate roles stay as they are; a group role adds what a person sees across estates.
 */
import * as v from 'valibot';
import type { Rate } from '../rules/kpi.ts';
import type { Satisfaction } from '../rules/satisfaction.ts';
import type { ChecklistTemplate } from './checklist.ts';
import { Id, type LocalText } from './common.ts';
import { ScoringSheet } from './scoring.ts';

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

/** The group's shared checklists (巡查清单) and score sheets (评分表). */
export const LIBRARY_KINDS = ['checklist', 'sheet'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** A score sheet as edited: the server numbers its versions. */
export const SheetInput = v.pipe(
  v.omit(ScoringSheet, ['version']),
  v.forward(
    v.check((s) => s.sections.reduce((n, x) => n + x.maxPoints, 0) === 100, 'the sections must add up to 100 points'),
    ['sections'],
  ),
);
export type SheetInput = v.InferOutput<typeof SheetInput>;

/** POST /api/group/publish: one library entry's latest version, into the chosen estates. */
export const PublishRequest = v.object({
  kind: v.picklist(LIBRARY_KINDS, `must be one of ${LIBRARY_KINDS.join(', ')}`),
  id: Id,
  estateIds: v.pipe(v.array(Id), v.minLength(1, 'choose at least one estate'), v.maxLength(2000)),
});
export type PublishRequest = v.InferOutput<typeof PublishRequest>;

/**
 * Where an estate stands with a library entry: its own latest version reads the same as the group's latest
 * (`same`), reads otherwise (`differs`: an older group version, or the estate's own edit), or it has none (`missing`).
 */
export interface EstateCopy {
  estateId: string;
  status: 'same' | 'differs' | 'missing';
  /** The estate's own latest version number. */
  version: number | null;
}

/** GET /api/group/library */
export interface GroupLibrary {
  checklists: { template: ChecklistTemplate; estates: EstateCopy[] }[];
  sheets: { sheet: ScoringSheet; estates: EstateCopy[] }[];
  estates: { id: string; name: LocalText; archived: boolean }[];
}

/** POST /api/group/publish: the version each estate now has. */
export interface Published {
  kind: LibraryKind;
  id: string;
  groupVersion: number;
  estates: { estateId: string; version: number }[];
}
