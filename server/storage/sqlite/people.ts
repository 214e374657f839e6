import type { Membership, Store, User } from '../store.ts';
import type { Db } from './open.ts';

type Row = Record<string, unknown>;

type PeopleRepo = Pick<
  Store,
  'insertUser' | 'getUser' | 'getUserByUsername' | 'putMembership' | 'membershipsOf' | 'membersOf' | 'insertSession' | 'getSession' | 'deleteSession'
>;

const toUser = (r: Row): User => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  passwordHash: r.password_hash as string,
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
      'SELECT m.*, u.username, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.estate_id = ? ORDER BY u.username',
    ),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
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
      (q.members.all(estateId) as Row[]).map((r) => ({ ...toMembership(r), username: r.username as string, displayName: r.display_name as string })),
    insertSession: (s, at) => void q.insertSession.run(s.tokenHash, s.userId, at, s.expiresAt),
    getSession: (hash) => {
      const r = q.session.get(hash) as Row | undefined;
      return r && { tokenHash: r.token_hash as string, userId: r.user_id as string, expiresAt: r.expires_at as number };
    },
    deleteSession: (hash) => void q.deleteSession.run(hash),
  };
}
