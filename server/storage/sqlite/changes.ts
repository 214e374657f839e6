/**
 * What changes in the SQLite file, for the reads this server keeps (../read-cache.ts), as PostgreSQL's change feed
 * does for it:
 * - this server's own writes: temporary triggers on the writer connection (not in the file, so no migration and no
 *   other program needs them) name what a write changed, and it is reported once its group has committed;
 * - another process's writes (`npm run admin -- reset-password` while the server runs): the writer connection's
 *   `data_version` moves, and everything kept is dropped before the next kept read that looks, within OTHERS_SEEN_MS.
 */
import type { Change } from '../read-cache.ts';
import type { Db } from './open.ts';

/** The same changes as PostgreSQL's triggers (postgres/migrations.ts, 13), one trigger per table and event. */
const WATCHED: { table: string; events: string[]; change: string }[] = [
  { table: 'sessions', events: ['UPDATE', 'DELETE'], change: `'session:' || OLD.token_hash` },
  { table: 'users', events: ['UPDATE', 'DELETE'], change: `'identity'` },
  { table: 'memberships', events: ['INSERT', 'UPDATE', 'DELETE'], change: `'identity'` },
  { table: 'estates', events: ['UPDATE OF archived_at', 'DELETE'], change: `'identity'` },
  { table: 'locations', events: ['UPDATE', 'DELETE'], change: `'locations'` },
];

/**
 * How often a kept read asks whether another process has committed. Asking costs about 6 µs under load (two kept reads
 * per synced inspection made it 5 % of the server's time); a password reset from the command line may take this long
 * to end the sessions it ends.
 */
const OTHERS_SEEN_MS = 50;

export interface SqliteChanges {
  /** After a group's COMMIT (or ROLLBACK): reports what its writes changed. */
  groupEnded(): void;
  /** Before a kept read: reports "anything may have changed" when another process has committed since. */
  checkOthers(): void;
}

export function watchChanges(writer: Db, report: (change: Change | null) => void, now: () => number = Date.now): SqliteChanges {
  const pending = new Set<Change>();
  writer.function('pqm_changed', (change: unknown) => {
    pending.add(String(change));
    return null;
  });
  for (const { table, events, change } of WATCHED)
    for (const [i, event] of events.entries())
      writer.exec(`CREATE TEMP TRIGGER pqm_${table}_changed_${i} AFTER ${event} ON main.${table} BEGIN SELECT pqm_changed(${change}); END`);
  // Moves when a connection other than this one commits; this process's reader never writes.
  const dataVersion = writer.prepare('PRAGMA data_version').pluck();
  let seen = dataVersion.get();
  let askedAt = now();
  return {
    groupEnded: () => {
      for (const change of pending) report(change);
      pending.clear();
    },
    checkOthers: () => {
      if (now() - askedAt < OTHERS_SEEN_MS) return;
      askedAt = now();
      const version = dataVersion.get();
      if (version === seen) return;
      seen = version;
      report(null);
    },
  };
}
