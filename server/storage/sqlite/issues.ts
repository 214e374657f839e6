import type { Issue, IssueEvent } from '../../../shared/index.ts';
import type { IssueFilter, Store, TrackingRole } from '../store.ts';
import type { Db } from './open.ts';

type Row = Record<string, unknown>;

type IssueRepo = Pick<
  Store,
  | 'insertIssue' | 'updateIssue' | 'getIssue' | 'issueOrigin' | 'setRating' | 'appendEvent' | 'eventsOf' | 'listIssues' | 'openIssuesAt'
  | 'overdueIssues' | 'awaitingAcceptance' | 'isHeld' | 'urgentSince' | 'issuesCreatedBetween' | 'issuesForKpi'
  | 'insertTrackingToken' | 'trackingToken'
>;

const COLUMNS = `id, estate_id, location_id, source, category, severity, description, cause, photos, status, verified,
  department_id, requirement, deadline, manual_level, reopen_count, me_too, duplicate_of, created_at, rectified_at, closed_at, after_photos,
  first_rectified_at, first_deadline`;

export const toIssue = (r: Row): Issue => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  locationId: (r.location_id as string | null) ?? null,
  source: r.source as Issue['source'],
  category: r.category as Issue['category'],
  severity: r.severity as Issue['severity'],
  description: r.description as string,
  cause: (r.cause as string | null) ?? null,
  photos: JSON.parse(r.photos as string),
  status: r.status as Issue['status'],
  verified: r.verified === 1,
  departmentId: (r.department_id as string | null) ?? null,
  requirement: (r.requirement as string | null) ?? null,
  deadline: r.deadline as number,
  manualLevel: r.manual_level as number,
  reopenCount: r.reopen_count as number,
  meToo: r.me_too as number,
  duplicateOf: (r.duplicate_of as string | null) ?? null,
  createdAt: r.created_at as number,
  rectifiedAt: (r.rectified_at as number | null) ?? null,
  closedAt: (r.closed_at as number | null) ?? null,
  firstRectifiedAt: (r.first_rectified_at as number | null) ?? null,
  firstDeadline: (r.first_deadline as number | null) ?? null,
  afterPhotos: JSON.parse(r.after_photos as string),
});

const params = (i: Issue) => [
  i.id, i.estateId, i.locationId, i.source, i.category, i.severity, i.description, i.cause, JSON.stringify(i.photos), i.status, i.verified ? 1 : 0,
  i.departmentId, i.requirement, i.deadline, i.manualLevel, i.reopenCount, i.meToo, i.duplicateOf, i.createdAt, i.rectifiedAt, i.closedAt,
  JSON.stringify(i.afterPhotos), i.firstRectifiedAt, i.firstDeadline,
];

export function issueRepo(db: Db): IssueRepo {
  const q = {
    insert: db.prepare(`INSERT INTO issues (${COLUMNS}, origin_id, owner_contact, held) VALUES (${'?, '.repeat(25)}?, ?)`),
    update: db.prepare(
      `UPDATE issues SET estate_id = ?, location_id = ?, source = ?, category = ?, severity = ?, description = ?, cause = ?, photos = ?,
       status = ?, verified = ?, department_id = ?, requirement = ?, deadline = ?, manual_level = ?, reopen_count = ?, me_too = ?,
       duplicate_of = ?, created_at = ?, rectified_at = ?, closed_at = ?, after_photos = ?, first_rectified_at = ?, first_deadline = ?,
       held = held AND status = 'reported' AND verified = 0 WHERE id = ?`,
    ),
    get: db.prepare(`SELECT ${COLUMNS} FROM issues WHERE id = ?`),
    origin: db.prepare('SELECT origin_id, owner_contact, rating, rating_comment FROM issues WHERE id = ?'),
    setRating: db.prepare('UPDATE issues SET rating = ?, rating_comment = ? WHERE id = ?'),
    appendEvent: db.prepare('INSERT INTO issue_events (issue_id, type, actor, at, data) VALUES (?, ?, ?, ?, ?)'),
    events: db.prepare('SELECT * FROM issue_events WHERE issue_id = ? ORDER BY seq'),
    // Reports held for review are not offered to passers-by as "me too" targets.
    openAt: db.prepare(`SELECT ${COLUMNS} FROM issues WHERE location_id = ? AND is_open = 1 AND held = 0 ORDER BY created_at DESC LIMIT 50`),
    overdue: db.prepare(`SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND awaiting = 1 AND deadline < ? ORDER BY deadline LIMIT ?`),
    // All overdue work, and of it what is at level 2: raised by hand (or an owner's "not fixed"), or past
    // the policy's level-2 time for its severity. One pass over the index, on every supervisor's poll.
    overdueCounts: db.prepare(
      `SELECT count(*) AS total,
         coalesce(sum(manual_level >= 2 OR (severity = 'general' AND deadline < @general) OR (severity = 'important' AND deadline < @important)
           OR (severity = 'urgent' AND deadline < @urgent)), 0) AS escalated
       FROM issues WHERE estate_id = @estateId AND awaiting = 1 AND deadline < @now`,
    ),
    awaitingAcceptance: db.prepare(
      `SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND status = 'reported' AND verified = 0 AND held = 0 ORDER BY created_at LIMIT ?`,
    ),
    awaitingAcceptanceCount: db.prepare(`SELECT count(*) FROM issues WHERE estate_id = ? AND status = 'reported' AND verified = 0 AND held = 0`).pluck(),
    heldCount: db.prepare(`SELECT count(*) FROM issues WHERE estate_id = ? AND held = 1`).pluck(),
    isHeld: db.prepare('SELECT held FROM issues WHERE id = ?').pluck(),
    urgent: db.prepare(
      `SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND created_at >= ? AND severity = 'urgent' AND is_open = 1 ORDER BY created_at DESC LIMIT ?`,
    ),
    urgentCount: db.prepare(`SELECT count(*) FROM issues WHERE estate_id = ? AND created_at >= ? AND severity = 'urgent' AND is_open = 1`).pluck(),
    createdBetween: db.prepare(`SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at`),
    // A department's work falls in the period its (first) deadline falls in; issues_kpi indexes this expression.
    forKpi: db.prepare(
      `SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND department_id IS NOT NULL AND status != 'rejected'
         AND coalesce(first_deadline, deadline) >= ? AND coalesce(first_deadline, deadline) < ? ORDER BY coalesce(first_deadline, deadline)`,
    ),
    insertToken: db.prepare('INSERT INTO tracking_tokens (token_hash, issue_id, created_at, role) VALUES (?, ?, ?, ?)'),
    byToken: db.prepare('SELECT issue_id, role FROM tracking_tokens WHERE token_hash = ?'),
  };

  return {
    insertIssue: (i, extras = {}) => void q.insert.run(...params(i), extras.originId ?? null, extras.ownerContact ?? null, extras.held ? 1 : 0),
    updateIssue: (i) => void q.update.run(...params(i).slice(1), i.id),
    getIssue: (id) => {
      const r = q.get.get(id) as Row | undefined;
      return r && toIssue(r);
    },
    issueOrigin: (id) => {
      const r = q.origin.get(id) as Row | undefined;
      return (
        r && {
          originId: (r.origin_id as string | null) ?? null,
          ownerContact: (r.owner_contact as string | null) ?? null,
          rating: (r.rating as number | null) ?? null,
          ratingComment: (r.rating_comment as string | null) ?? null,
        }
      );
    },
    setRating: (id, rating, comment) => void q.setRating.run(rating, comment, id),
    appendEvent: (e) => void q.appendEvent.run(e.issueId, e.type, JSON.stringify(e.actor), e.at, JSON.stringify(e.data)),
    eventsOf: (issueId) =>
      (q.events.all(issueId) as Row[]).map((r) => ({
        issueId: r.issue_id as string,
        type: r.type as IssueEvent['type'],
        actor: JSON.parse(r.actor as string),
        at: r.at as number,
        data: JSON.parse(r.data as string),
      })),
    listIssues: (f: IssueFilter) => {
      const where = ['estate_id = ?'];
      const args: unknown[] = [f.estateId];
      const inList = (col: string, values?: readonly string[]) => {
        if (values && values.length) {
          where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
          args.push(...values);
        }
      };
      inList('status', f.status);
      inList('severity', f.severity);
      inList('category', f.category);
      inList('source', f.source);
      if (f.open !== undefined) where.push(`is_open = ${f.open ? 1 : 0}`);
      if (f.departmentId) (where.push('department_id = ?'), args.push(f.departmentId));
      if (f.locationId) (where.push('location_id = ?'), args.push(f.locationId));
      if (f.createdFrom !== undefined) (where.push('created_at >= ?'), args.push(f.createdFrom));
      if (f.createdTo !== undefined) (where.push('created_at < ?'), args.push(f.createdTo));
      const clause = where.join(' AND ');
      const total = db.prepare(`SELECT count(*) FROM issues WHERE ${clause}`).pluck().get(...args) as number;
      // Most urgent first: open before closed, then by deadline.
      const rows = db
        .prepare(`SELECT ${COLUMNS} FROM issues WHERE ${clause} ORDER BY is_open DESC, deadline ASC LIMIT ? OFFSET ?`)
        .all(...args, f.limit ?? 200, f.offset ?? 0) as Row[];
      return { total, issues: rows.map(toIssue) };
    },
    openIssuesAt: (locationId) => (q.openAt.all(locationId) as Row[]).map(toIssue),
    overdueIssues: (estateId, now, limit, level2Before) => ({
      ...(q.overdueCounts.get({ estateId, now, ...level2Before }) as { total: number; escalated: number }),
      issues: (q.overdue.all(estateId, now, limit) as Row[]).map(toIssue),
    }),
    awaitingAcceptance: (estateId, limit) => ({
      total: q.awaitingAcceptanceCount.get(estateId) as number,
      held: q.heldCount.get(estateId) as number,
      issues: (q.awaitingAcceptance.all(estateId, limit) as Row[]).map(toIssue),
    }),
    isHeld: (id) => q.isHeld.get(id) === 1,
    urgentSince: (estateId, since, limit) => ({
      total: q.urgentCount.get(estateId, since) as number,
      issues: (q.urgent.all(estateId, since, limit) as Row[]).map(toIssue),
    }),
    issuesCreatedBetween: (estateId, from, to) => (q.createdBetween.all(estateId, from, to) as Row[]).map(toIssue),
    issuesForKpi: (estateId, from, to) => (q.forKpi.all(estateId, from, to) as Row[]).map(toIssue),
    insertTrackingToken: (hash, issueId, at, role) => void q.insertToken.run(hash, issueId, at, role),
    trackingToken: (hash) => {
      const r = q.byToken.get(hash) as Row | undefined;
      return r && { issueId: r.issue_id as string, role: r.role as TrackingRole };
    },
  };
}
