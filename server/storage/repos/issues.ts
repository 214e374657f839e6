import type { Issue, IssueEvent } from '../../../shared/index.ts';
import { num, orNull, type Param, type Row, type Sql } from '../sql.ts';
import type { IssueFilter, TrackingRole, Writes } from '../store.ts';

type IssueRepo = Pick<
  Writes,
  | 'insertIssue'
  | 'updateIssue'
  | 'getIssue'
  | 'issueOrigin'
  | 'setRating'
  | 'appendEvent'
  | 'eventsOf'
  | 'listIssues'
  | 'openIssuesAt'
  | 'overdueIssues'
  | 'dueBetween'
  | 'awaitingAcceptance'
  | 'awaitingDispatch'
  | 'isHeld'
  | 'urgentSince'
  | 'notFixedSince'
  | 'issuesToRedact'
  | 'redactOwnerData'
  | 'issuesCreatedBetween'
  | 'issuesForKpi'
  | 'insertTrackingToken'
  | 'trackingToken'
>;

/** What an owner's words become once their retention time has passed. */
export const MASKED = '［业主内容已按保留期限删除 · removed after the retention period］';

const COLUMNS = `id, estate_id, location_id, source, category, severity, description, cause, photos, status, verified,
  department_id, requirement, deadline, manual_level, reopen_count, me_too, duplicate_of, created_at, rectified_at, closed_at, after_photos,
  first_rectified_at, first_deadline, assignee_id`;

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
  verified: Number(r.verified) === 1,
  departmentId: (r.department_id as string | null) ?? null,
  assigneeId: (r.assignee_id as string | null) ?? null,
  requirement: (r.requirement as string | null) ?? null,
  deadline: Number(r.deadline),
  manualLevel: Number(r.manual_level),
  reopenCount: Number(r.reopen_count),
  meToo: Number(r.me_too),
  duplicateOf: (r.duplicate_of as string | null) ?? null,
  createdAt: Number(r.created_at),
  rectifiedAt: orNull(r.rectified_at),
  closedAt: orNull(r.closed_at),
  firstRectifiedAt: orNull(r.first_rectified_at),
  firstDeadline: orNull(r.first_deadline),
  afterPhotos: JSON.parse(r.after_photos as string),
});

const params = (i: Issue): Param[] => [
  i.id,
  i.estateId,
  i.locationId,
  i.source,
  i.category,
  i.severity,
  i.description,
  i.cause,
  JSON.stringify(i.photos),
  i.status,
  i.verified ? 1 : 0,
  i.departmentId,
  i.requirement,
  i.deadline,
  i.manualLevel,
  i.reopenCount,
  i.meToo,
  i.duplicateOf,
  i.createdAt,
  i.rectifiedAt,
  i.closedAt,
  JSON.stringify(i.afterPhotos),
  i.firstRectifiedAt,
  i.firstDeadline,
  i.assigneeId,
];

export function issueRepo(sql: Sql): IssueRepo {
  const issues = async (text: string, args: readonly Param[]) => (await sql.all(text, args)).map(toIssue);
  /**
   * A list's first rows and its counts over all of it, in one statement: the counts' one row joined to each listed row
   * (to one row of nulls when nothing is listed), in the list's order (its keys are all selected: is_open is the one
   * an Issue lacks). A supervisor's poll reads five such lists: five statements, where a count and a list apart were eleven.
   */
  const counted = async (
    counts: string,
    countArgs: readonly Param[],
    from: string,
    fromArgs: readonly Param[],
    order: string,
    limit: number,
    offset = 0,
  ) => {
    const rows = await sql.all(
      `SELECT c.*, l.* FROM (SELECT ${counts} ${from}) c
       LEFT JOIN (SELECT ${COLUMNS}, is_open ${from} ORDER BY ${order} LIMIT ? OFFSET ?) l ON 1 = 1 ORDER BY ${order}`,
      [...countArgs, ...fromArgs, ...fromArgs, limit, offset],
    );
    return { counts: rows[0] ?? {}, issues: rows.filter((r) => r.id !== null && r.id !== undefined).map(toIssue) };
  };

  return {
    insertIssue: async (i, extras = {}) =>
      void (await sql.run(`INSERT INTO issues (${COLUMNS}, origin_id, owner_contact, held) VALUES (${'?, '.repeat(27)}?)`, [
        ...params(i),
        extras.originId ?? null,
        extras.ownerContact ?? null,
        extras.held ? 1 : 0,
      ])),
    // A held report stays held only while it waits, unaccepted.
    updateIssue: async (i) =>
      void (await sql.run(
        `UPDATE issues SET estate_id = ?, location_id = ?, source = ?, category = ?, severity = ?, description = ?, cause = ?, photos = ?,
         status = ?, verified = ?, department_id = ?, requirement = ?, deadline = ?, manual_level = ?, reopen_count = ?, me_too = ?,
         duplicate_of = ?, created_at = ?, rectified_at = ?, closed_at = ?, after_photos = ?, first_rectified_at = ?, first_deadline = ?,
         assignee_id = ?, held = CASE WHEN held = 1 AND ? = 'reported' AND ? = 0 THEN 1 ELSE 0 END WHERE id = ?`,
        [...params(i).slice(1), i.status, i.verified ? 1 : 0, i.id],
      )),
    getIssue: async (id) => {
      const r = await sql.get(`SELECT ${COLUMNS} FROM issues WHERE id = ?`, [id]);
      return r && toIssue(r);
    },
    issueOrigin: async (id) => {
      const r = await sql.get('SELECT origin_id, owner_contact, rating, rating_comment FROM issues WHERE id = ?', [id]);
      return (
        r && {
          originId: (r.origin_id as string | null) ?? null,
          ownerContact: (r.owner_contact as string | null) ?? null,
          rating: orNull(r.rating),
          ratingComment: (r.rating_comment as string | null) ?? null,
        }
      );
    },
    setRating: async (id, rating, comment) =>
      void (await sql.run('UPDATE issues SET rating = ?, rating_comment = ? WHERE id = ?', [rating, comment, id])),
    appendEvent: async (e) =>
      void (await sql.run(
        'INSERT INTO issue_events (estate_id, issue_id, type, actor, at, data) VALUES ((SELECT estate_id FROM issues WHERE id = ?), ?, ?, ?, ?, ?)',
        [e.issueId, e.issueId, e.type, JSON.stringify(e.actor), e.at, JSON.stringify(e.data)],
      )),
    eventsOf: async (issueId) =>
      (await sql.all('SELECT * FROM issue_events WHERE issue_id = ? ORDER BY seq', [issueId])).map((r) => ({
        issueId: r.issue_id as string,
        type: r.type as IssueEvent['type'],
        actor: JSON.parse(r.actor as string),
        at: Number(r.at),
        data: JSON.parse(r.data as string),
      })),
    listIssues: async (f: IssueFilter) => {
      const where = ['estate_id = ?'];
      const args: Param[] = [f.estateId];
      const inList = (col: string, values?: readonly string[]) => {
        if (values?.length) {
          where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
          args.push(...values);
        }
      };
      inList('status', f.status);
      inList('severity', f.severity);
      inList('category', f.category);
      inList('source', f.source);
      if (f.open !== undefined) where.push(`is_open = ${f.open ? 1 : 0}`);
      if (f.departmentId) {
        where.push('department_id = ?');
        args.push(f.departmentId);
      }
      if (f.assigneeId) {
        where.push('assignee_id = ?');
        args.push(f.assigneeId);
      }
      if (f.locationId) {
        where.push('location_id = ?');
        args.push(f.locationId);
      }
      if (f.q) {
        // Plain characters: % and _ are what the person typed, not patterns.
        const { text, locationIds } = f.q;
        const or = [`lower(description) LIKE ? ESCAPE '\\'`];
        args.push(`%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        if (/^[0-9a-f]{8}$/i.test(text)) {
          or.push('id LIKE ?');
          args.push(`${text.toLowerCase()}%`);
        }
        if (locationIds.length) {
          or.push(`location_id IN (${locationIds.map(() => '?').join(', ')})`);
          args.push(...locationIds);
        }
        where.push(`(${or.join(' OR ')})`);
      }
      if (f.createdFrom !== undefined) {
        where.push('created_at >= ?');
        args.push(f.createdFrom);
      }
      if (f.createdTo !== undefined) {
        where.push('created_at < ?');
        args.push(f.createdTo);
      }
      const { counts, issues: list } = await counted(
        'count(*) AS n',
        [],
        `FROM issues WHERE ${where.join(' AND ')}`,
        args,
        // Most urgent first: open before closed, then by deadline.
        'is_open DESC, deadline ASC, id',
        f.limit ?? 200,
        f.offset ?? 0,
      );
      return { total: num(counts.n), issues: list };
    },
    // Reports held for review are not offered to passers-by as "me too" targets.
    openIssuesAt: (locationId) =>
      issues(`SELECT ${COLUMNS} FROM issues WHERE location_id = ? AND is_open = 1 AND held = 0 ORDER BY created_at DESC LIMIT 50`, [
        locationId,
      ]),
    // All overdue work, and of it what is at level 2: raised by hand (or an owner's "not fixed"), or past
    // the policy's level-2 time for its severity. One pass over the index, on every supervisor's poll.
    dueBetween: async (estateId, from, to, limit) =>
      issues(
        `SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND awaiting = 1 AND deadline >= ? AND deadline < ? ORDER BY deadline LIMIT ?`,
        [estateId, from, to, limit],
      ),
    overdueIssues: async (estateId, now, limit, before) => {
      const { counts, issues: list } = await counted(
        `count(*) AS total,
           sum(CASE WHEN manual_level >= 2 OR (severity = 'general' AND deadline < ?) OR (severity = 'important' AND deadline < ?)
             OR (severity = 'urgent' AND deadline < ?) THEN 1 ELSE 0 END) AS escalated`,
        [before.general, before.important, before.urgent],
        'FROM issues WHERE estate_id = ? AND awaiting = 1 AND deadline < ?',
        [estateId, now],
        'deadline',
        limit,
      );
      return { total: num(counts.total), escalated: num(counts.escalated), issues: list };
    },
    awaitingAcceptance: async (estateId, limit, lateBefore) => {
      const { counts, issues: list } = await counted(
        `count(*) AS total,
           sum(CASE WHEN (severity = 'general' AND created_at < ?) OR (severity = 'important' AND created_at < ?)
             OR (severity = 'urgent' AND created_at < ?) THEN 1 ELSE 0 END) AS late,
           (SELECT count(*) FROM issues WHERE estate_id = ? AND held = 1) AS held`,
        [lateBefore.general, lateBefore.important, lateBefore.urgent, estateId],
        `FROM issues WHERE estate_id = ? AND status = 'reported' AND verified = 0 AND held = 0`,
        [estateId],
        'created_at',
        limit,
      );
      return { total: num(counts.total), late: num(counts.late), held: num(counts.held), issues: list };
    },
    awaitingDispatch: async (estateId, limit) => {
      const { counts, issues: list } = await counted(
        'count(*) AS n',
        [],
        `FROM issues WHERE estate_id = ? AND status = 'reported' AND verified = 1 AND held = 0`,
        [estateId],
        'created_at',
        limit,
      );
      return { total: num(counts.n), issues: list };
    },
    isHeld: async (id) => num((await sql.get('SELECT held FROM issues WHERE id = ?', [id]))?.held) === 1,
    issuesToRedact: async (estateId, closedBefore, limit) =>
      (
        await sql.all(
          'SELECT id FROM issues WHERE estate_id = ? AND redacted_at IS NULL AND closed_at IS NOT NULL AND closed_at < ? ORDER BY closed_at LIMIT ?',
          [estateId, closedBefore, limit],
        )
      ).map((r) => r.id as string),
    redactOwnerData: async (id, at) => {
      await sql.run(
        `UPDATE issues SET owner_contact = NULL, rating_comment = CASE WHEN rating_comment IS NULL THEN NULL ELSE '' END,
           description = CASE WHEN source IN ('owner', 'desk') THEN ? ELSE description END, redacted_at = ? WHERE id = ?`,
        [MASKED, at, id],
      );
      // The one change the append-only history allows (see the migration's trigger): the owner's words emptied.
      for (const e of await sql.all(`SELECT seq, data FROM issue_events WHERE issue_id = ? AND type IN ('ownerNotFixed', 'rated')`, [id])) {
        const data = JSON.parse(e.data as string) as Record<string, unknown>;
        if (data.redacted) continue;
        const emptied = {
          ...data,
          ...('reason' in data ? { reason: '' } : {}),
          ...('comment' in data ? { comment: '' } : {}),
          redacted: true,
        };
        await sql.run('UPDATE issue_events SET data = ? WHERE seq = ?', [JSON.stringify(emptied), e.seq as number]);
      }
      await sql.run('DELETE FROM tracking_tokens WHERE issue_id = ?', [id]);
    },
    notFixedSince: async (estateId, since, limit) => {
      const { counts, issues: list } = await counted(
        'count(*) AS n',
        [],
        `FROM issues WHERE is_open = 1 AND id IN (SELECT issue_id FROM issue_events WHERE estate_id = ? AND type = 'ownerNotFixed' AND at >= ?)`,
        [estateId, since],
        'deadline, id',
        limit,
      );
      return { total: num(counts.n), issues: list };
    },
    urgentSince: async (estateId, since, limit) => {
      const { counts, issues: list } = await counted(
        'count(*) AS n',
        [],
        `FROM issues WHERE estate_id = ? AND created_at >= ? AND severity = 'urgent' AND is_open = 1`,
        [estateId, since],
        'created_at DESC',
        limit,
      );
      return { total: num(counts.n), issues: list };
    },
    issuesCreatedBetween: (estateId, from, to) =>
      issues(`SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at`, [
        estateId,
        from,
        to,
      ]),
    // A department's work falls in the period its (first) deadline falls in; issues_kpi indexes this expression.
    issuesForKpi: (estateId, from, to) =>
      issues(
        `SELECT ${COLUMNS} FROM issues WHERE estate_id = ? AND department_id IS NOT NULL AND status != 'rejected'
           AND coalesce(first_deadline, deadline) >= ? AND coalesce(first_deadline, deadline) < ? ORDER BY coalesce(first_deadline, deadline)`,
        [estateId, from, to],
      ),
    insertTrackingToken: async (hash, issueId, at, role) =>
      void (await sql.run(
        'INSERT INTO tracking_tokens (estate_id, token_hash, issue_id, created_at, role) VALUES ((SELECT estate_id FROM issues WHERE id = ?), ?, ?, ?, ?)',
        [issueId, hash, issueId, at, role],
      )),
    trackingToken: async (hash) => {
      const r = await sql.get('SELECT issue_id, role FROM tracking_tokens WHERE token_hash = ?', [hash]);
      return r && { issueId: r.issue_id as string, role: r.role as TrackingRole };
    },
  };
}
