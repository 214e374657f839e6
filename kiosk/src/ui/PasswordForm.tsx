import { useState } from 'preact/hooks';
import { API } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { t } from '../i18n-pages.ts';

/** Change one's own password; the server ends every other session of the account (a lost phone). */
export function PasswordForm({ onDone }: { onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const submit = async () => {
    setError('');
    try {
      await call(API.changePassword, { json: { current, next } });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t('wrongCurrentPassword') : errorText(e));
    }
  };
  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="password-form"
    >
      <label>
        {t('currentPassword')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('newPasswordMin')}
        <input
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="primary">
        {t('changePassword')}
      </button>
    </form>
  );
}
