import type { LibraryKind } from '../../../shared/index.ts';
import type { Sql } from '../sql.ts';
import type { Writes } from '../store.ts';

type GroupRepo = Pick<Writes, 'groupLibrary' | 'insertGroupTemplate'>;

export function groupRepo(sql: Sql): GroupRepo {
  return {
    // The latest version of each entry.
    groupLibrary: async () =>
      (
        await sql.all(
          `SELECT kind, id, version, body FROM group_templates g
           WHERE version = (SELECT max(version) FROM group_templates WHERE kind = g.kind AND id = g.id) ORDER BY kind, id`,
        )
      ).map((r) => ({ kind: r.kind as LibraryKind, id: r.id as string, version: Number(r.version), body: JSON.parse(r.body as string) })),
    insertGroupTemplate: async (e, at, by) =>
      void (await sql.run('INSERT INTO group_templates (kind, id, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)', [
        e.kind,
        e.id,
        e.version,
        JSON.stringify(e.body),
        at,
        by,
      ])),
  };
}
