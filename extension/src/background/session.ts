/** Sign-in and sign-out, done by the worker so the token never passes through a page's hands. */
import { API } from '../../../shared/index.ts';
import { ApiError, call } from '../common/api.ts';
import { getSession, setSession, type StoredSession } from '../common/auth-store.ts';
import { EMPTY_STATE, loadSettings, saveState } from '../common/state.ts';
import { renderBadge } from './badge.ts';
import { POLL_ALARM, poll, schedule } from './poll.ts';

export async function signIn(server: string, username: string, password: string): Promise<StoredSession> {
  // The popup asked for this origin's permission (a user gesture); without it we stop here.
  if (!(await chrome.permissions.contains({ origins: [`${server}/*`] }))) throw new ApiError(403, 'no permission for this server');
  const login = await call(API.login, { json: { username, password } }, { server, token: null });
  const me = await call(API.me, {}, { server, token: login.token });
  const session: StoredSession = {
    server,
    token: login.token,
    user: login.user,
    estates: me.estates.map(({ id, name }) => ({ id, name })),
    memberships: me.memberships,
  };
  await setSession(session);
  await chrome.storage.local.remove(['state', 'baselineFor']);
  await schedule((await loadSettings()).intervalMinutes);
  await poll();
  return session;
}

export async function signOut(): Promise<void> {
  const session = await getSession();
  if (session) await call(API.logout, {}).catch(() => undefined);
  await setSession(null);
  await chrome.alarms.clear(POLL_ALARM);
  await saveState(EMPTY_STATE);
  await renderBadge(EMPTY_STATE);
}
