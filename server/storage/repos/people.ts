import type { GroupRole } from '../../../shared/index.ts';
import { orNull, type Row, type Sql } from '../sql.ts';
import { INVITED, type Invitation, type Membership, type Session, type User, type Writes } from '../store.ts';

type PeopleRepo = Pick<
  Writes,
  | 'getOrganisation'
  | 'setOrganisation'
  | 'insertInvitation'
  | 'invitationByHash'
  | 'useInvitation'
  | 'withdrawInvitations'
  | 'countUsers'
  | 'readinessCounts'
  | 'markLabelsPrinted'
  | 'listUsers'
  | 'insertUser'
  | 'setPassword'
  | 'setDisabled'
  | 'setGroupAccess'
  | 'getUser'
  | 'getUserByUsername'
  | 'putMembership'
  | 'membershipsOf'
  | 'membersOf'
  | 'insertSession'
  | 'getSession'
  | 'sessionWithUser'
  | 'touchSession'
  | 'sessionsOf'
  | 'deleteSession'
  | 'deleteSessionsOf'
>;

const toUser = (r: Row): User => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  passwordHash: r.password_hash as string,
  disabledAt: orNull(r.disabled_at),
  groupAccess: {
    role: (r.group_role as GroupRole | null) ?? null,
    estateIds: typeof r.group_estates === 'string' ? (JSON.parse(r.group_estates) as string[]) : [],
  },
});
const toSession = (r: Row): Session => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  userId: r.user_id as string,
  createdAt: Number(r.created_at),
  lastSeenAt: Number(r.last_seen_at),
  expiresAt: Number(r.expires_at),
  userAgent: r.user_agent as string,
});
const toMembership = (r: Row): Membership => ({
  userId: r.user_id as string,
  estateId: r.estate_id as string,
  role: r.role as Membership['role'],
  departmentId: (r.department_id as string | null) ?? null,
  lead: Number(r.lead) === 1,
  ...(r.archived_at === null || r.archived_at === undefined ? {} : { archived: true }),
});

const toInvitation = (r: Row): Invitation => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  kind: r.kind as Invitation['kind'],
  userId: (r.user_id as string | null) ?? null,
  estateId: (r.estate_id as string | null) ?? null,
  createdAt: Number(r.created_at),
  expiresAt: orNull(r.expires_at),
  usedAt: orNull(r.used_at),
});

export function peopleRepo(sql: Sql): PeopleRepo {
  return {
    getOrganisation: async () => {
      const r = await sql.get('SELECT * FROM organisation WHERE id = 1');
      return r && { name: r.name as string, logo: (r.logo as string | null) ?? null, createdAt: Number(r.created_at) };
    },
    setOrganisation: async (o) =>
      void (await sql.run(
        `INSERT INTO organisation (id, name, logo, created_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, logo = excluded.logo`,
        [o.name, o.logo, o.createdAt],
      )),
    insertInvitation: async (i) =>
      void (await sql.run(
        'INSERT INTO invitations (id, token_hash, kind, user_id, estate_id, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [i.id, i.tokenHash, i.kind, i.userId, i.estateId, i.createdAt, i.expiresAt, i.usedAt],
      )),
    invitationByHash: async (hash) => {
      const r = await sql.get('SELECT * FROM invitations WHERE token_hash = ?', [hash]);
      return r && toInvitation(r);
    },
    useInvitation: async (id, at) =>
      (await sql.run('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL AND (expires_at IS NULL OR expires_at > ?)', [
        at,
        id,
        at,
      ])) === 1,
    withdrawInvitations: async (kind, userId, at) =>
      void (await sql.run(
        `UPDATE invitations SET used_at = ?, expires_at = ? WHERE kind = ? AND used_at IS NULL${userId === null ? '' : ' AND user_id = ?'}`,
        userId === null ? [at, at, kind] : [at, at, kind, userId],
      )),
    readinessCounts: async (estateId) => {
      const n = async (text: string) => Number((await sql.get(text, [estateId]))?.n ?? 0);
      return {
        locations: await n('SELECT count(*) AS n FROM locations WHERE estate_id = ? AND active = 1'),
        unlabelled: await n('SELECT count(*) AS n FROM locations WHERE estate_id = ? AND active = 1 AND label_printed_at IS NULL'),
        inspectors: await n(`SELECT count(*) AS n FROM memberships WHERE estate_id = ? AND role = 'inspector'`),
        departmentStaff: await n(`SELECT count(*) AS n FROM memberships WHERE estate_id = ? AND role = 'department'`),
        invited: await n(
          `SELECT count(*) AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.estate_id = ? AND u.password_hash = '${INVITED}' AND u.disabled_at IS NULL`,
        ),
        channels: await n('SELECT count(*) AS n FROM channels WHERE estate_id = ? AND removed_at IS NULL'),
      };
    },
    markLabelsPrinted: async (estateId, ids, at) => {
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        await sql.run(`UPDATE locations SET label_printed_at = ? WHERE estate_id = ? AND id IN (${part.map(() => '?').join(', ')})`, [
          at,
          estateId,
          ...part,
        ]);
      }
    },
    countUsers: async () => Number((await sql.get('SELECT count(*) AS n FROM users'))?.n ?? 0),
    listUsers: async () => {
      // In turn, not together: inside a transaction both go down one connection.
      const users = await sql.all('SELECT * FROM users ORDER BY lower(username)');
      const memberships = await sql.all('SELECT * FROM memberships ORDER BY estate_id');
      return users.map((r) => {
        const u = toUser(r);
        return { ...u, memberships: memberships.filter((m) => m.user_id === u.id).map(toMembership) };
      });
    },
    insertUser: async (u, at) =>
      void (await sql.run('INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)', [
        u.id,
        u.username,
        u.displayName,
        u.passwordHash,
        at,
      ])),
    getUser: async (id) => {
      const r = await sql.get('SELECT * FROM users WHERE id = ?', [id]);
      return r && toUser(r);
    },
    // Usernames are unique whatever their case (both engines index lower(username)).
    getUserByUsername: async (name) => {
      const r = await sql.get('SELECT * FROM users WHERE lower(username) = lower(?)', [name]);
      return r && toUser(r);
    },
    putMembership: async (m) =>
      void (await sql.run(
        `INSERT INTO memberships (user_id, estate_id, role, department_id, lead) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id, estate_id) DO UPDATE SET role = excluded.role, department_id = excluded.department_id, lead = excluded.lead`,
        [m.userId, m.estateId, m.role, m.departmentId, m.lead ? 1 : 0],
      )),
    membershipsOf: async (userId) =>
      (
        await sql.all(
          'SELECT m.*, e.archived_at FROM memberships m JOIN estates e ON e.id = m.estate_id WHERE m.user_id = ? ORDER BY m.estate_id',
          [userId],
        )
      ).map(toMembership),
    membersOf: async (estateId) =>
      (
        await sql.all(
          'SELECT m.*, u.username, u.display_name, u.disabled_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.estate_id = ? ORDER BY u.username',
          [estateId],
        )
      ).map((r) => ({
        ...toMembership(r),
        username: r.username as string,
        displayName: r.display_name as string,
        disabled: r.disabled_at !== null,
      })),
    setPassword: async (userId, hash) => void (await sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [hash, userId])),
    setDisabled: async (userId, at) => void (await sql.run('UPDATE users SET disabled_at = ? WHERE id = ?', [at, userId])),
    setGroupAccess: async (userId, a) =>
      void (await sql.run('UPDATE users SET group_role = ?, group_estates = ? WHERE id = ?', [
        a.role,
        a.role === 'regional' ? JSON.stringify(a.estateIds) : null,
        userId,
      ])),
    insertSession: async (s) =>
      void (await sql.run(
        'INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [s.id, s.tokenHash, s.userId, s.createdAt, s.lastSeenAt, s.expiresAt, s.userAgent],
      )),
    getSession: async (hash) => {
      const r = await sql.get('SELECT * FROM sessions WHERE token_hash = ?', [hash]);
      return r && toSession(r);
    },
    sessionWithUser: async (hash) => {
      // One row per membership (one with none when there are none): the request's whole identity in one read.
      const rows = await sql.all(
        `SELECT s.*, u.username, u.display_name, u.password_hash, u.disabled_at, u.group_role, u.group_estates,
           m.estate_id AS m_estate_id, m.role AS m_role, m.department_id AS m_department_id, m.lead AS m_lead, e.archived_at AS m_archived_at
         FROM sessions s JOIN users u ON u.id = s.user_id
           LEFT JOIN memberships m ON m.user_id = s.user_id LEFT JOIN estates e ON e.id = m.estate_id
         WHERE s.token_hash = ? ORDER BY m.estate_id`,
        [hash],
      );
      const r = rows[0];
      if (!r) return undefined;
      const memberships = rows
        .filter((m) => m.m_estate_id !== null && m.m_estate_id !== undefined)
        .map((m) =>
          toMembership({
            user_id: r.user_id,
            estate_id: m.m_estate_id,
            role: m.m_role,
            department_id: m.m_department_id,
            lead: m.m_lead,
            archived_at: m.m_archived_at,
          }),
        );
      return { session: toSession(r), user: toUser({ ...r, id: r.user_id }), memberships };
    },
    touchSession: async (hash, at) => void (await sql.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [at, hash])),
    sessionsOf: async (userId) =>
      (await sql.all('SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC', [userId])).map(toSession),
    deleteSession: async (hash) => void (await sql.run('DELETE FROM sessions WHERE token_hash = ?', [hash])),
    deleteSessionsOf: async (userId, keep) =>
      void (await sql.run('DELETE FROM sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM ?', [userId, keep ?? null])),
  };
}
