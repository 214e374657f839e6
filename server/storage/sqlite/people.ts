import type { Membership, Session, Store, User } from '../store.ts';
import type { Db } from './open.ts';

type Row = Record<string, unknown>;

type PeopleRepo = Pick<
  Store,
  | 'insertUser' | 'setPassword' | 'setDisabled' | 'getUser' | 'getUserByUsername' | 'putMembership' | 'membershipsOf' | 'membersOf'
  | 'insertSession' | 'getSession' | 'touchSession' | 'sessionsOf' | 'deleteSession' | 'deleteSessionsOf'
>;

const toUser = (r: Row): User => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  passwordHash: r.password_hash as string,
  disabledAt: (r.disabled_at as number | null) ?? null,
});
const toSession = (r: Row): Session => ({
  id: r.id as string,
  tokenHash: r.token_hash as string,
  userId: r.user_id as string,
  createdAt: r.created_at as number,
  lastSeenAt: r.last_seen_at as number,
  expiresAt: r.expires_at as number,
  userAgent: r.user_agent as string,
});
const toMembership = (r: Row): Membership => ({
  userId: r.user_id as string,
  estateId: r.estate_id as string,
  role: r.role as Membership['role'],
  departmentId: (r.department_id as string | null) ?? null,
});

export function peopleRepo(db: Db): PeopleRepo {
  const q = {
    insertUser: db.prepare('INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
    user: db.prepare('SELECT * FROM users WHERE id = ?'),
    userByName: db.prepare('SELECT * FROM users WHERE username = ?'),
    putMembership: db.prepare(
      `INSERT INTO memberships (user_id, estate_id, role, department_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, estate_id) DO UPDATE SET role = excluded.role, department_id = excluded.department_id`,
    ),
    memberships: db.prepare('SELECT * FROM memberships WHERE user_id = ? ORDER BY estate_id'),
    members: db.prepare(
      'SELECT m.*, u.username, u.display_name, u.disabled_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.estate_id = ? ORDER BY u.username',
    ),
    setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    setDisabled: db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?'),
    insertSession: db.prepare(
      'INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    session: db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
    touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
    sessionsOf: db.prepare('SELECT * FROM sessions WHERE user_id = ? ORDER BY last_seen_at DESC'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?'),
  };
  return {
    insertUser: (u, at) => void q.insertUser.run(u.id, u.username, u.displayName, u.passwordHash, at),
    getUser: (id) => {
      const r = q.user.get(id) as Row | undefined;
      return r && toUser(r);
    },
    getUserByUsername: (name) => {
      const r = q.userByName.get(name) as Row | undefined;
      return r && toUser(r);
    },
    putMembership: (m) => void q.putMembership.run(m.userId, m.estateId, m.role, m.departmentId),
    membershipsOf: (userId) => (q.memberships.all(userId) as Row[]).map(toMembership),
    membersOf: (estateId) =>
      (q.members.all(estateId) as Row[]).map((r) => ({
        ...toMembership(r),
        username: r.username as string,
        displayName: r.display_name as string,
        disabled: r.disabled_at !== null,
      })),
    setPassword: (userId, hash) => void q.setPassword.run(hash, userId),
    setDisabled: (userId, at) => void q.setDisabled.run(at, userId),
    insertSession: (s) => void q.insertSession.run(s.id, s.tokenHash, s.userId, s.createdAt, s.lastSeenAt, s.expiresAt, s.userAgent),
    getSession: (hash) => {
      const r = q.session.get(hash) as Row | undefined;
      return r && toSession(r);
    },
    touchSession: (hash, at) => void q.touch.run(at, hash),
    sessionsOf: (userId) => (q.sessionsOf.all(userId) as Row[]).map(toSession),
    deleteSession: (hash) => void q.deleteSession.run(hash),
    deleteSessionsOf: (userId, keep) => void q.deleteSessionsOf.run(userId, keep ?? null),
  };
}
