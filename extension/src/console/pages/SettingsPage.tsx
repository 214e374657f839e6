import { useEffect, useState } from 'preact/hooks';
import { API, SEVERITIES, SEVERITY_LABELS } from '../../../../shared/index.ts';
import type { StoredSession } from '../../common/auth-store.ts';
import { tx, errorText } from '../../common/i18n.ts';
import { send } from '../../common/send.ts';
import { NOTIFY_KINDS, loadSettings, type NotifyKind, type Settings } from '../../common/state.ts';
import { call } from '../../common/api.ts';
import { t, type WordKey } from '../words.ts';

const KIND_WORDS: Record<NotifyKind, WordKey> = {
  overdue: 'notifyOverdue',
  escalated: 'notifyEscalated',
  urgent: 'notifyUrgent',
  report: 'notifyReport',
  notFixed: 'notifyNotFixed',
  dispatch: 'notifyDispatch',
  missedRound: 'notifyMissedRound',
};

/** Alert settings: polling, which estates, muted severities, quiet hours, language and overlay sites. */
export default function SettingsPage({ session }: { session: StoredSession }) {
  const [s, setS] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => void loadSettings().then(setS), []);
  if (!s) return <p>{t('loading')}</p>;

  const save = async (patch: Partial<Settings>) => {
    setMessage('');
    try {
      const r = await send<{ settings: Settings }>({ type: 'settings', patch });
      setS(r.settings);
      setMessage(t('saved'));
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const addSite = async () => {
    setMessage('');
    let origin: string;
    try {
      origin = new URL(site.trim()).origin;
    } catch {
      return setMessage(`${t('error')}: ${site}`);
    }
    // One site at a time, each with its own permission, asked from this click.
    if (!(await chrome.permissions.request({ origins: [`${origin}/*`] }))) return setMessage(t('error'));
    const r = await send<{ overlaySites: string[] }>({ type: 'overlaySite', origin, enabled: true });
    setS({ ...s, overlaySites: r.overlaySites });
    setSite('');
  };

  return (
    <section class="settings" data-testid="settings-page">
      <h2>{t('alertSettings')}</h2>
      <PasswordChange />
      <label>
        {t('pollEvery')}
        <input
          type="number"
          min={0.5}
          max={60}
          step={0.5}
          value={s.intervalMinutes}
          onChange={(e) => void save({ intervalMinutes: Number(e.currentTarget.value) })}
        />
      </label>
      <fieldset>
        <legend>{t('watch')}</legend>
        {session.estates.map((e) => (
          <label class="check" key={e.id}>
            <input
              type="checkbox"
              checked={s.estates.length === 0 || s.estates.includes(e.id)}
              onChange={(ev) => {
                const all = s.estates.length === 0 ? session.estates.map((x) => x.id) : s.estates;
                const next = ev.currentTarget.checked ? [...new Set([...all, e.id])] : all.filter((x) => x !== e.id);
                void save({ estates: next.length === session.estates.length ? [] : next });
              }}
            />{' '}
            {tx(e.name)}
          </label>
        ))}
      </fieldset>
      <fieldset data-testid="notify-kinds">
        <legend>{t('notifyOf')}</legend>
        {NOTIFY_KINDS.map((k) => (
          <label class="check" key={k}>
            <input
              type="checkbox"
              checked={!s.silenced.includes(k)}
              onChange={(e) => void save({ silenced: e.currentTarget.checked ? s.silenced.filter((x) => x !== k) : [...s.silenced, k] })}
            />{' '}
            {t(KIND_WORDS[k])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('mute')}</legend>
        {SEVERITIES.map((sev) => (
          <label class="check" key={sev}>
            <input
              type="checkbox"
              checked={s.mute.includes(sev)}
              onChange={(e) => void save({ mute: e.currentTarget.checked ? [...s.mute, sev] : s.mute.filter((x) => x !== sev) })}
            />{' '}
            {tx(SEVERITY_LABELS[sev])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('quietHours')}</legend>
        <input
          type="time"
          aria-label={`${t('quietHours')} ${t('from')}`}
          value={s.quiet?.from ?? ''}
          onChange={(e) => void save({ quiet: e.currentTarget.value ? { from: e.currentTarget.value, to: s.quiet?.to ?? '07:00' } : null })}
        />{' '}
        –{' '}
        <input
          type="time"
          aria-label={`${t('quietHours')} ${t('to')}`}
          value={s.quiet?.to ?? ''}
          onChange={(e) => void save({ quiet: s.quiet ? { ...s.quiet, to: e.currentTarget.value } : null })}
        />
      </fieldset>
      <label>
        {t('language')}
        <select
          value={s.locale ?? ''}
          onChange={(e) => void save({ locale: (e.currentTarget.value || null) as Settings['locale'] }).then(() => location.reload())}
        >
          <option value="">{t('auto')}</option>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </label>
      <fieldset>
        <legend>{t('overlaySites')}</legend>
        <ul data-testid="overlay-sites">
          {s.overlaySites.map((o) => (
            <li key={o}>
              {o}{' '}
              <button
                type="button"
                onClick={() =>
                  void send<{ overlaySites: string[] }>({ type: 'overlaySite', origin: o, enabled: false }).then((r) =>
                    setS({ ...s, overlaySites: r.overlaySites }),
                  )
                }
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void addSite();
          }}
        >
          <input type="url" placeholder="https://oa.example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} name="site" />
          <button type="submit">{t('addSite')}</button>
        </form>
      </fieldset>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

/** One's own password; the server then ends one's other sessions. */
function PasswordChange() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    try {
      await call(API.changePassword, { json: { current, next } });
      setCurrent('');
      setNext('');
      setMessage({ ok: true, text: t('passwordChanged') });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="password-change"
    >
      <fieldset>
        <legend>{t('changePassword')}</legend>
        <label>
          {t('currentPassword')}{' '}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('newPassword')}{' '}
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('changePassword')}</button>
        {message ? (
          <p role="status" class={message.ok ? 'ok' : 'error'}>
            {message.text}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
