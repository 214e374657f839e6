import { GROUP_AUDIT, type AuditEntry } from '../../../shared/index.ts';
import type { Param, Row, Sql } from '../sql.ts';
import type { AuditFilter, Writes } from '../store.ts';

type AuditRepo = Pick<Writes, 'insertAudit' | 'auditLog' | 'replacedCodeEstate'>;

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parsed = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : null);

const toEntry = (r: Row): AuditEntry => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  at: Number(r.at),
  actorId: r.actor_id as string,
  actor: r.actor as string,
  action: r.action as AuditEntry['action'],
  target: r.target as string,
  before: parsed(r.before),
  after: parsed(r.after),
});

export function auditRepo(sql: Sql): AuditRepo {
  return {
    insertAudit: async (e) =>
      void (await sql.run(
        'INSERT INTO audit_log (id, estate_id, at, actor_id, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [e.id, e.estateId, e.at, e.actorId, e.actor, e.action, e.target, json(e.before), json(e.after)],
      )),
    // The record keeps the old code as {"code":"…"} (services/estate-admin.ts revokeCode).
    replacedCodeEstate: async (code) =>
      (await sql.get(`SELECT estate_id FROM audit_log WHERE action = 'location.revokeCode' AND before = ?`, [JSON.stringify({ code })]))
        ?.estate_id as string | undefined,
    auditLog: async (f: AuditFilter) => {
      const where = [f.withGroup ? 'estate_id IN (?, ?)' : 'estate_id = ?'];
      const args: Param[] = f.withGroup ? [f.estateId, GROUP_AUDIT] : [f.estateId];
      if (f.from !== undefined) {
        where.push('at >= ?');
        args.push(f.from);
      }
      if (f.to !== undefined) {
        where.push('at < ?');
        args.push(f.to);
      }
      if (f.action) {
        where.push('action = ?');
        args.push(f.action);
      }
      // Searches who, what and the recorded states, whatever the case.
      if (f.q) {
        where.push(`lower(actor || ' ' || target || ' ' || coalesce(before, '') || ' ' || coalesce(after, '')) LIKE ?`);
        args.push(`%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      const clause = where.join(' AND ');
      const like = f.q ? " ESCAPE '\\'" : '';
      const total = Number((await sql.get(`SELECT count(*) AS n FROM audit_log WHERE ${clause}${like}`, args))?.n ?? 0);
      const rows = await sql.all(`SELECT * FROM audit_log WHERE ${clause}${like} ORDER BY at DESC, seq DESC LIMIT ? OFFSET ?`, [
        ...args,
        f.limit,
        f.offset,
      ]);
      return { total, entries: rows.map(toEntry) };
    },
  };
}
