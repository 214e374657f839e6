/**
 * The getting-started checklist (开通清单): what an estate still needs before its first patrol. Locations exist,
 * their labels are printed, there are inspectors and department staff, everyone has opened their invitation, every
 * location owes rounds (its own schedule or its kind's checklist's), and a notification channel is set.
 */
import type { Readiness } from '../../shared/index.ts';
import type { Deps } from '../context.ts';

export async function readiness(deps: Deps, estateId: string): Promise<Readiness> {
  const r = deps.store.read;
  const [counts, locations, templates] = await Promise.all([
    r.readinessCounts(estateId),
    r.listLocations(estateId),
    r.latestTemplates(estateId),
  ]);
  const scheduledKinds = new Set(templates.filter((t) => t.schedule).map((t) => t.kind));
  const active = locations.filter((l) => l.active);
  const unscheduled = active.filter((l) => !l.schedule && !scheduledKinds.has(l.kind)).length;
  const staff = counts.inspectors + counts.departmentStaff;
  return {
    steps: [
      { step: 'locations', done: counts.locations > 0, count: counts.locations, missing: counts.locations > 0 ? 0 : 1 },
      {
        step: 'labels',
        done: counts.locations > 0 && counts.unlabelled === 0,
        count: counts.locations - counts.unlabelled,
        missing: counts.unlabelled,
      },
      {
        step: 'staff',
        done: counts.inspectors > 0 && counts.departmentStaff > 0,
        count: staff,
        missing: Number(counts.inspectors === 0) + Number(counts.departmentStaff === 0),
      },
      { step: 'invitations', done: staff > 0 && counts.invited === 0, count: staff - counts.invited, missing: counts.invited },
      { step: 'schedules', done: active.length > 0 && unscheduled === 0, count: active.length - unscheduled, missing: unscheduled },
      { step: 'channels', done: counts.channels > 0, count: counts.channels, missing: counts.channels > 0 ? 0 : 1 },
    ],
  };
}

/** The locations whose labels were just printed (the console says so before it opens the print dialog). */
export async function labelsPrinted(deps: Deps, estateId: string, locationIds: readonly string[]): Promise<void> {
  await deps.store.write((tx) => tx.markLabelsPrinted(estateId, locationIds, deps.clock()));
}
