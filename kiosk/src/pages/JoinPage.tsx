/**
 * An invitation link (/join#<token>), opened on the invited person's phone: they see whose account it is, choose
 * their own password, and are signed in. The token stays in the fragment, never in a request line.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { API, NewPassword, parse, type InvitationView } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { formatDateTime, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { adoptSession } from '../state/session.ts';
import { Layout } from '../ui/Layout.tsx';

export default function JoinPage() {
  useLocale();
  const { route } = useLocation();
  const token = location.hash.slice(1);
  const [who, setWho] = useState<InvitationView | null>(null);
  const [problem, setProblem] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!token) return setProblem(t('invitationSpent'));
    call(API.peekInvitation, { json: { token }, auth: false }).then(setWho, (e) =>
      setProblem(e instanceof ApiError && e.status === 403 ? t('invitationSpent') : errorText(e)),
    );
  }, [token]);

  const submit = async () => {
    setError('');
    const checked = parse(NewPassword, password);
    if (!checked.ok) return setError(`${t('password')}: ${checked.errors[0].message.replace(/^password /, '')}`);
    if (password !== again) return setError(t('passwordsDiffer'));
    setBusy(true);
    try {
      const signedIn = await call(API.acceptInvitation, { json: { token, password }, auth: false });
      await adoptSession(signedIn.token);
      history.replaceState(null, '', '/');
      route('/');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t('invitationSpent') : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (problem)
    return (
      <Layout title={t('joinTitle')}>
        <p class="card error" role="alert" data-testid="join-problem">
          {problem}
        </p>
      </Layout>
    );
  return (
    <Layout title={t('joinTitle')}>
      {who ? (
        <form
          class="card"
          data-testid="join-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p>
            {t('joinWelcome')} <strong>{who.displayName}</strong> ({who.username}){who.estate ? ` · ${tx(who.estate)}` : ''}
          </p>
          <p class="muted">
            {t('joinHint')} {formatDateTime(who.expiresAt)}
          </p>
          {/* The username, for the browser's password manager. */}
          <input type="hidden" name="username" autocomplete="username" value={who.username} />
          <label>
            {t('newPasswordMin')}
            <input
              name="password"
              type="password"
              autocomplete="new-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
              required
            />
          </label>
          <label>
            {t('passwordAgain')}
            <input type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} required />
          </label>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" class="primary wide" disabled={busy}>
            {t('setPassword')}
          </button>
        </form>
      ) : (
        <p class="card muted">…</p>
      )}
    </Layout>
  );
}
