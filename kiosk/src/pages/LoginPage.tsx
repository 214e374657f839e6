import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { API } from '../../../shared/index.ts';
import { call, errorText } from '../api/http.ts';
import { useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { adoptSession } from '../state/session.ts';
import { currentOutbox } from '../state/sync.ts';
import { Layout } from '../ui/Layout.tsx';

export default function LoginPage() {
  useLocale();
  const { route, query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const signedIn = await call(API.login, { json: { username: username.trim(), password }, auth: false });
      await adoptSession(signedIn.token);
      // Work queued while signed out (or expired) carries on with the new session.
      currentOutbox()?.resume();
      void currentOutbox()?.drain();
      route(query.next?.startsWith('/') && !query.next.startsWith('//') ? query.next : '/');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Layout title={t('staffSignIn')}>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="login"
      >
        <label>
          {t('username')}
          <input name="username" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            required
          />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary wide" disabled={busy}>
          {t('staffSignIn')}
        </button>
      </form>
    </Layout>
  );
}
