/**
 * The one-time setup link the server prints on its first start (/setup#<token>): the organisation, the first
 * estate and the first administrator, then what to do next. The token stays in the fragment, never in a request line.
 */
import { useEffect, useState } from 'preact/hooks';
import { API, SetupRequest, describeField, describeRule, parse, type FieldError } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { locale, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { adoptSession } from '../state/session.ts';
import { Layout } from '../ui/Layout.tsx';

const FIELD_WORDS: Record<string, Parameters<typeof t>[0]> = {
  'organisation.name': 'organisationName',
  'estate.name.zh': 'estateName',
  'estate.name.en': 'estateNameEn',
  'estate.address': 'address',
  'estate.households': 'households',
  'estate.servicePhone': 'servicePhone',
  'estate.timeZone': 'timeZone',
  'admin.username': 'username',
  'admin.displayName': 'displayName',
  'admin.password': 'password',
  token: 'setupLink',
};

const said = (errors: readonly FieldError[]) =>
  errors
    .map((e) => (FIELD_WORDS[e.path] ? `${t(FIELD_WORDS[e.path])}: ${describeRule(e, locale())}` : describeField(e, locale())))
    .join('; ');

export default function SetupPage() {
  useLocale();
  const token = location.hash.slice(1);
  const [needed, setNeeded] = useState<boolean | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [f, setF] = useState({
    organisation: '',
    estateZh: '',
    estateEn: '',
    address: '',
    households: '',
    servicePhone: '',
    timeZone: 'Asia/Shanghai',
    username: 'admin',
    displayName: '',
    password: '',
    again: '',
  });
  useEffect(
    () =>
      void call(API.firstRun, { auth: false }).then(
        (s) => setNeeded(s.needed),
        () => setNeeded(true),
      ),
    [],
  );
  const field = (key: keyof typeof f, label: Parameters<typeof t>[0], extra: Record<string, string | boolean> = {}) => (
    <label>
      {t(label)}
      <input name={key} value={f[key]} onInput={(e) => setF({ ...f, [key]: e.currentTarget.value })} {...extra} />
    </label>
  );

  const submit = async () => {
    setError('');
    if (f.password !== f.again) return setError(t('passwordsDiffer'));
    const body = {
      token,
      organisation: { name: f.organisation },
      estate: {
        // An estate with no English name yet is called by its Chinese one in English too.
        name: { zh: f.estateZh, en: f.estateEn.trim() || f.estateZh },
        address: f.address,
        timeZone: f.timeZone,
        households: f.households.trim() ? Number(f.households) : 0,
        servicePhone: f.servicePhone,
      },
      admin: { username: f.username, displayName: f.displayName, password: f.password },
    };
    const checked = parse(SetupRequest, body);
    if (!checked.ok) return setError(said(checked.errors));
    setBusy(true);
    try {
      const signedIn = await call(API.completeSetup, { json: body, auth: false });
      await adoptSession(signedIn.token);
      history.replaceState(null, '', '/setup');
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.fields.length ? said(e.fields) : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <Layout title={t('setupDone')}>
        <section class="card" data-testid="setup-done">
          <p>{t('setupDoneHint')}</p>
          <ol class="steps">
            <li>{t('nextExtension')}</li>
            <li>{t('nextLocations')}</li>
            <li>{t('nextStaff')}</li>
            <li>{t('nextLabels')}</li>
          </ol>
          <a class="button primary" href="/">
            {t('toHome')}
          </a>
        </section>
      </Layout>
    );
  if (needed === false || !token)
    return (
      <Layout title={t('setupTitle')}>
        <section class="card" data-testid="setup-closed">
          <p>{needed === false ? t('setupAlreadyDone') : t('setupNoLink')}</p>
          <a class="button secondary" href="/login">
            {t('staffSignIn')}
          </a>
        </section>
      </Layout>
    );
  return (
    <Layout title={t('setupTitle')}>
      <form
        class="card"
        data-testid="setup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p class="muted">{t('setupIntro')}</p>
        <fieldset>
          <legend>{t('organisation')}</legend>
          {field('organisation', 'organisationName', { required: true, autocomplete: 'organization' })}
        </fieldset>
        <fieldset>
          <legend>{t('firstEstate')}</legend>
          {field('estateZh', 'estateName', { required: true })}
          {field('estateEn', 'estateNameEn')}
          {field('address', 'address', { autocomplete: 'street-address' })}
          {field('households', 'households', { inputmode: 'numeric' })}
          {field('servicePhone', 'servicePhone', { type: 'tel' })}
          {field('timeZone', 'timeZone', { required: true })}
        </fieldset>
        <fieldset>
          <legend>{t('firstAdmin')}</legend>
          {field('username', 'username', { required: true, autocomplete: 'username' })}
          {field('displayName', 'displayName', { required: true, autocomplete: 'name' })}
          {field('password', 'password', { type: 'password', required: true, autocomplete: 'new-password' })}
          <p class="muted">{t('strongPasswordHint')}</p>
          {field('again', 'passwordAgain', { type: 'password', required: true, autocomplete: 'new-password' })}
        </fieldset>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary wide" disabled={busy || needed === null}>
          {t('setUp')}
        </button>
      </form>
    </Layout>
  );
}
