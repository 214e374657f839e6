/**
 * What a scanned location shows: to anyone, the place and the problems already known there (category, time,
 * "me too" count, never anyone's words); to staff, the checklist due now, today's slots, open issues here.
 */
import { CATEGORIES, nextDueAt, slotFilledAt, type Location } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Membership } from '../storage/store.ts';
import { similarOpen } from './owners.ts';

export function publicLanding(deps: Deps, loc: Location) {
  const estate = deps.store.getEstate(loc.estateId);
  return {
    location: { id: loc.id, name: loc.name, kind: loc.kind, code: loc.code },
    estate: estate && { id: estate.id, name: estate.name, timeZone: estate.timeZone },
    categories: CATEGORIES,
    openReports: similarOpen(deps, loc).map((i) => ({ id: i.id, category: i.category, status: i.status, createdAt: i.createdAt, meToo: i.meToo })),
  };
}

export function staffLanding(deps: Deps, loc: Location, member: Membership) {
  const now = deps.clock();
  const template = deps.store.latestTemplates(loc.estateId).find((t) => t.kind === loc.kind) ?? null;
  const slots = deps.board.slotsOf(loc.estateId, loc.id, now);
  const filling = slotFilledAt(slots, now);
  return {
    role: member.role,
    departmentId: member.departmentId,
    template,
    slots: slots.map((s) => ({ key: s.key, start: s.start, end: s.end, closes: s.closes, status: s.status, onTime: s.onTime ?? null })),
    /** The slot an inspection started now would fill; null means it would be a voluntary round. */
    fills: filling ? filling.key : null,
    nextDueAt: nextDueAt(slots, now) ?? null,
    missedToday: slots.filter((s) => s.status === 'missed').length,
    // Department staff see the work of their own department only, as everywhere else.
    openIssues: deps.store.openIssuesAt(loc.id).filter((i) => member.role !== 'department' || i.departmentId === member.departmentId),
  };
}
