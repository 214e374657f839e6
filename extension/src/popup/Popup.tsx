import { useEffect, useState } from 'preact/hooks';
import type { IssueAlert } from '../../../shared/index.ts';
import { clock, t, tx, errorText } from '../common/i18n.ts';
import { send } from '../common/send.ts';
import { totals, type ExtState } from '../common/state.ts';
import { AlertLists, type IssueAction } from '../ui/AlertLists.tsx';

const consoleUrl = (hash: string) => chrome.runtime.getURL(`src/console/index.html#${hash}`);

export function Popup({ initial }: { initial: ExtState }) {
  const [state, setState] = useState(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const now = Date.now();

  useEffect(() => {
    const onChange = (changes: Record<string, chrome.storage.StorageChange>) => {
      if (changes.state?.newValue) setState(changes.state.newValue as ExtState);
    };
    chrome.storage.local.onChanged.addListener(onChange);
    if (initial.connection !== 'signedOut') void send({ type: 'pollNow' }).catch(() => undefined);
    return () => chrome.storage.local.onChanged.removeListener(onChange);
  }, []);

  if (state.connection === 'signedOut' || state.connection === 'authExpired') {
    return <SignIn expired={state.connection === 'authExpired'} lastServer={state.server} />;
  }
  const sum = totals(state);
  const act = async (issue: IssueAlert, action: IssueAction) => {
    setError('');
    if (action === 'open') return void chrome.tabs.create({ url: consoleUrl(`/issues/${issue.id}`) });
    setBusy(issue.id);
    try {
      await send({
        type: 'act',
        issueId: issue.id,
        action:
          action === 'escalate'
            ? { type: 'escalate', reason: '' }
            : action === 'verify'
              ? { type: 'verify', note: '' }
              : { type: 'accept' },
      });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="popup">
      <header>
        <strong>{t('extName')}</strong>
        <span class="user">{state.user?.displayName}</span>
        <a href={consoleUrl('/issues')} target="_blank" data-testid="open-console" rel="noopener">
          {t('console')}
        </a>
        <a href={consoleUrl('/settings')} target="_blank" rel="noopener">
          {t('settings')}
        </a>
        <button type="button" class="link" onClick={() => void send({ type: 'signOut' })}>
          {t('signOut')}
        </button>
      </header>
      {state.connection === 'offline' ? (
        <p class="offline" role="alert" data-testid="offline">
          {t('serverUnreachable')}
          {state.lastOkAt ? ` · ${t('lastUpdate')} ${clock(state.lastOkAt)}` : ''}
        </p>
      ) : (
        <p class="summary" data-testid="summary">
          <span class={`big sev-${sum.worst ?? 'none'}`}>{sum.overdue}</span> {t('overdue')} · <span class="big">{sum.missed}</span>{' '}
          {t('missed')} · {sum.due} {t('dueNow')}
        </p>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {/* Offline: the lists would be stale, so they are not shown as if current. */}
      {state.connection === 'ok' ? (
        <AlertLists
          estates={state.estates.map((e) => ({ name: e.name, alerts: e.alerts }))}
          now={now}
          onIssue={(i, a) => void act(i, a)}
          actions
          busy={busy}
        />
      ) : null}
      {state.estates.length > 1 ? <p class="muted">{state.estates.map((e) => tx(e.name)).join(' · ')}</p> : null}
    </div>
  );
}

function SignIn({ expired, lastServer }: { expired: boolean; lastServer: string | null }) {
  const [server, setServer] = useState(lastServer ?? 'http://localhost:8080');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError('');
    let origin: string;
    try {
      origin = new URL(server.trim()).origin;
    } catch {
      return setError(`${t('server')}: ?`);
    }
    setBusy(true);
    try {
      // Ask for this one server only, from the click (Chrome requires a user gesture).
      const granted = await chrome.permissions.request({ origins: [`${origin}/*`] });
      if (!granted) throw new Error(t('permissionDenied'));
      await send({ type: 'signIn', server: origin, username: username.trim(), password });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="signin"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="signin"
    >
      <h1>{t('extName')}</h1>
      {expired ? <p class="error">{t('signInAgain')}</p> : null}
      <label>
        {t('server')}
        <input name="server" type="url" value={server} onInput={(e) => setServer(e.currentTarget.value)} required />
      </label>
      <label>
        {t('username')}
        <input name="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required autocomplete="username" />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          required
          autocomplete="current-password"
        />
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
