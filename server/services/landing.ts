/**
 * What a scanned location shows: to anyone, the place and the problems already known there (category, time,
 * "me too" count, never anyone's words); to staff, the checklist due now, today's slots, open issues here.
 */
import {
  CATEGORIES,
  nextDueAt,
  slotHours,
  slotFilledAt,
  type Location,
  type LocationLanding,
  type StaffLanding,
  type ServiceHelp,
} from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import type { Membership } from '../storage/store.ts';
import { similarOpen } from './owners.ts';

export async function publicLanding(deps: Deps, loc: Location): Promise<LocationLanding> {
  const [estate, open, company] = await Promise.all([
    deps.store.read.getEstate(loc.estateId),
    similarOpen(deps.store.read, loc),
    deps.store.read.getOrganisation(),
  ]);
  // A location's estate always exists (a foreign key); not finding it is a broken database, not a 404.
  if (!estate) throw new Error(`location ${loc.id} has no estate ${loc.estateId}`);
  return {
    location: { id: loc.id, name: loc.name, kind: loc.kind, code: loc.code },
    estate: {
      id: estate.id,
      name: estate.name,
      timeZone: estate.timeZone,
      company: company?.name ?? null,
      servicePhone: estate.servicePhone,
    },
    categories: CATEGORIES,
    openReports: open.map((i) => ({ id: i.id, category: i.category, status: i.status, createdAt: i.createdAt, meToo: i.meToo })),
  };
}

/** Whom to call when a code or a link leads nowhere (answers.ts ServiceHelp). */
export async function serviceHelp(deps: Deps, code: string | undefined): Promise<ServiceHelp> {
  const reads = deps.store.read;
  const [company, estates] = await Promise.all([reads.getOrganisation(), reads.listEstates()]);
  const replaced = code && /^[a-z2-7]{26}$/.test(code) ? await reads.replacedCodeEstate(code) : undefined;
  const inService = estates.filter((e) => e.archivedAt === null);
  const named = replaced ? estates.filter((e) => e.id === replaced) : inService.length === 1 ? inService : [];
  // No estate to name: every estate in service, for the owner to pick theirs (names are on their notice boards anyway).
  const shown = named.length ? named : inService;
  return { company: company?.name ?? null, estates: shown.map((e) => ({ id: e.id, name: e.name, servicePhone: e.servicePhone })) };
}

export async function staffLanding(deps: Deps, loc: Location, member: Membership): Promise<StaffLanding> {
  const now = deps.clock();
  const [templates, open] = await Promise.all([deps.store.read.latestTemplates(loc.estateId), deps.store.read.openIssuesAt(loc.id)]);
  const template = templates.find((t) => t.kind === loc.kind) ?? null;
  const board = await deps.board.at(loc.estateId, now);
  const slots = board.slotsOf(loc.id);
  const filling = slotFilledAt(slots, now);
  return {
    role: member.role,
    departmentId: member.departmentId,
    template,
    slots: slots.map((s) => ({
      key: s.key,
      start: s.start,
      end: s.end,
      hours: slotHours(s, board.timeZone),
      closes: s.closes,
      status: s.status,
      onTime: s.onTime ?? null,
    })),
    /** The slot an inspection started now would fill; null means it would be a voluntary round. */
    fills: filling ? filling.key : null,
    nextDueAt: nextDueAt(slots, now) ?? null,
    missedToday: slots.filter((s) => s.status === 'missed').length,
    // Department staff see the work of their own department only, as everywhere else.
    openIssues: open.filter((i) => member.role !== 'department' || i.departmentId === member.departmentId),
  };
}
