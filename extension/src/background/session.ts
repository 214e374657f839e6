/** Sign-in and sign-out, done by the worker so the token never passes through a page's hands. */
import { ApiError, apiRaw } from '../common/api.ts';
import { getSession, setSession, type StoredSession } from '../common/auth-store.ts';
import { EMPTY_STATE, loadSettings, saveState } from '../common/state.ts';
import { renderBadge } from './badge.ts';
import { POLL_ALARM, poll, schedule } from './poll.ts';

export async function signIn(server: string, username: string, password: string): Promise<StoredSession> {
  // The popup asked for this origin's permission (a user gesture); without it we stop here.
  if (!(await chrome.permissions.contains({ origins: [`${server}/*`] }))) throw new ApiError(403, 'no permission for this server');
  const login = await apiRaw<{ token: string; user: StoredSession['user']; memberships: StoredSession['memberships'] }>('/api/auth/login', {
    server,
    token: null,
    json: { username, password },
  });
  const token = login.body!.token;
  const me = await apiRaw<{ estates: StoredSession['estates']; memberships: StoredSession['memberships'] }>('/api/auth/me', {
    server,
    token,
  });
  const session: StoredSession = {
    server,
    token,
    user: login.body!.user,
    estates: me.body!.estates.map(({ id, name }) => ({ id, name })),
    memberships: me.body!.memberships,
  };
  await setSession(session);
  await chrome.storage.local.remove(['state', 'baselineFor']);
  await schedule((await loadSettings()).intervalMinutes);
  await poll();
  return session;
}

export async function signOut(): Promise<void> {
  const session = await getSession();
  if (session) await apiRaw('/api/auth/logout', { method: 'POST', json: {} }).catch(() => undefined);
  await setSession(null);
  await chrome.alarms.clear(POLL_ALARM);
  await saveState(EMPTY_STATE);
  await renderBadge(EMPTY_STATE);
}
