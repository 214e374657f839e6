/**
 * A department member's open work (整改通知): the jobs that are theirs and their department's, kept on the
 * device for offline use, with the counts the home page and the app icon's badge show.
 */
import { API, type Me, type Notice, type Person } from '../../../shared/index.ts';
import { ApiError, call } from '../api/http.ts';
import { cacheGet, cachePut } from '../outbox/db.ts';

export interface Work {
  notices: Notice[];
  /** Who in each department could take a job, by estate. */
  people: Record<string, Person[]>;
  /** The copy is the device's: the server could not be reached. */
  offline: boolean;
}

const departmentEstates = (me: Me) => me.memberships.filter((m) => m.role === 'department').map((m) => m.estateId);

export async function loadWork(me: Me): Promise<Work> {
  try {
    const lists = await Promise.all(
      departmentEstates(me).map(async (estateId) => [estateId, await call(API.notices, { params: { estateId } })] as const),
    );
    const work: Work = {
      notices: lists.flatMap(([, l]) => l.notices).sort((a, b) => a.deadline - b.deadline),
      people: Object.fromEntries(lists.map(([estateId, l]) => [estateId, l.people])),
      offline: false,
    };
    await cachePut('work', work);
    showBadge(me, work);
    return work;
  } catch (e) {
    const saved = (await cacheGet<Work>('work'))?.value;
    if (!(e instanceof ApiError && e.transient) && !saved) throw e;
    return { notices: saved?.notices ?? [], people: saved?.people ?? {}, offline: true };
  }
}

/** Mine: jobs I own. Waiting: my department's jobs no one owns yet (its lead hands them on). */
export function counts(me: Me, work: Work): { mine: number; department: number; waiting: number } {
  return {
    mine: work.notices.filter((n) => n.assigneeId === me.user.id).length,
    department: work.notices.length,
    waiting: work.notices.filter((n) => n.assigneeId === null).length,
  };
}

/** What waits for this person: their own jobs, and for a lead the jobs no one owns yet. */
export function waitingFor(me: Me, work: Work): number {
  const c = counts(me, work);
  const leads = me.memberships.some((m) => m.role === 'department' && m.lead);
  return c.mine + (leads ? c.waiting : 0);
}

type Badging = Navigator & { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };

/** The app icon's badge, where the platform has one (an installed PWA). */
function showBadge(me: Me, work: Work): void {
  const nav = navigator as Badging;
  const n = waitingFor(me, work);
  const done = n > 0 ? nav.setAppBadge?.(n) : nav.clearAppBadge?.();
  void done?.catch(() => undefined);
}
