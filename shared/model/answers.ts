/**
 * What the server answers, typed once: the server's services are checked against these, and the PWA and the
 * extension read them, so neither side declares the other's shapes again.
 */
import type { Category, LocalText, Role } from './common.ts';
import type { ChecklistTemplate } from './checklist.ts';
import type { Department, Estate, Location, LocationKind } from './estate.ts';
import type { Issue, IssueEvent, IssueStatus } from './issue.ts';
import type { DeadlinePolicy } from '../rules/deadlines.ts';
import type { SlotStatus } from '../rules/schedule.ts';
import type { Schedule } from './schedule.ts';

export interface Membership {
  userId: string;
  estateId: string;
  role: Role;
  departmentId: string | null;
}

/** GET /api/auth/me */
export interface Me {
  user: { id: string; username: string; displayName: string };
  memberships: Membership[];
  estates: Estate[];
}

/** GET /api/estates/:id/field-kit: what a staff phone keeps to patrol offline. */
export interface FieldKit {
  estate: Estate;
  role: Role;
  departmentId: string | null;
  locations: { id: string; code: string; name: LocalText; kind: LocationKind; buildingId: string | null; schedule: Schedule | null }[];
  templates: ChecklistTemplate[];
  departments: { id: string; name: LocalText }[];
  policy: DeadlinePolicy;
}

export interface SlotInfo {
  key: string;
  start: number;
  end: number;
  closes: number;
  status: SlotStatus;
  onTime?: boolean | null;
}

/** What staff see on a location's page: today's slots, the checklist due, open issues here. */
export interface StaffLanding {
  role: Role;
  departmentId: string | null;
  template: ChecklistTemplate | null;
  slots: SlotInfo[];
  /** The slot an inspection started now would fill; null: a voluntary round. */
  fills: string | null;
  nextDueAt: number | null;
  missedToday: number;
  openIssues: Issue[];
}

/** GET /api/locations/by-code/:code (and inlined into /l/:code): to anyone, the place and what is known there. */
export interface LocationLanding {
  location: { id: string; name: LocalText; kind: LocationKind; code: string };
  estate: { id: string; name: LocalText; timeZone: string };
  categories: readonly Category[];
  openReports: { id: string; category: Category; status: IssueStatus; createdAt: number; meToo: number }[];
  /** Only for staff of the estate. */
  staff?: StaffLanding;
}

/**
 * GET /api/track/:token: what an owner's tracking link shows. The reporter sees their own words and photos; a
 * follower ("me too") sees the public status only (description null, no photos, no actions).
 */
export interface OwnerTracking {
  follower: boolean;
  status: IssueStatus;
  statusLabel: LocalText;
  category: Category;
  description: string | null;
  location: { name: LocalText; kind: LocationKind } | null;
  estate: { name: LocalText; timeZone: string } | null;
  createdAt: number;
  deadline: number | null;
  photos: string[];
  afterPhotos: string[];
  timeline: { type: IssueEvent['type']; at: number }[];
  canConfirm: boolean;
  canSayNotFixed: boolean;
  canRate: boolean;
  rating: number | null;
  meToo: number;
}

export interface EstateMember {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled: boolean;
}

/** GET /api/estates/:id/setup: the console's view of an estate's set-up. */
export interface EstateSetup {
  estate: Estate;
  policy: DeadlinePolicy;
  buildings: { id: string; estateId: string; name: LocalText }[];
  locations: Location[];
  departments: Department[];
  templates: ChecklistTemplate[];
  members: EstateMember[];
  publicUrl: string;
}
