import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  API,
  LOCATION_KIND_LABELS,
  PATROL,
  ROLE_LABELS,
  SHORT_CODE_LENGTH,
  normaliseTypedCode,
  shortCodeOf,
} from '../../../shared/index.ts';
import { call, errorText } from '../api/http.ts';
import { formatDateTime, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { cacheGet } from '../outbox/db.ts';
import { pushState, turnPushOff, turnPushOn, type PushState } from '../state/push.ts';
import { fieldKits, signOut, useMe, type FieldKit, type Me } from '../state/session.ts';
import { counts, loadWork, type Work } from '../state/work.ts';
import type { MyReport } from '../state/sync.ts';
import { Layout } from '../ui/Layout.tsx';
import { PasswordForm } from '../ui/PasswordForm.tsx';
import { Scanner } from '../ui/Scanner.tsx';

export default function HomePage() {
  useLocale();
  const me = useMe();
  const { route } = useLocation();
  const [scanning, setScanning] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState(false);
  const [kits, setKits] = useState<FieldKit[]>([]);
  /**
   * The code printed under a label's QR (ABCDE-FGHIJ, or the whole code), typed with or without its dashes. A short
   * one is looked up in the phone's field kit first (offline rounds), then on the server.
   */
  const openTyped = async () => {
    const code = normaliseTypedCode(typed);
    if (/^[a-z2-7]{26}$/.test(code)) return route(`/l/${code}?q=1`);
    if (code.length !== SHORT_CODE_LENGTH) return setTypedError(true);
    const local = kits.flatMap((k) => k.locations).find((l) => shortCodeOf(l.code) === code);
    if (local) return route(`/l/${local.code}?q=1`);
    try {
      route(`/l/${(await call(API.byShortCode, { params: { short: code }, auth: false })).code}?q=1`);
    } catch {
      setTypedError(true);
    }
  };
  const [filter, setFilter] = useState('');
  const [reports, setReports] = useState<MyReport[]>([]);
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => void fieldKits().then(setKits), [me?.user.id]);
  useEffect(() => void cacheGet<MyReport[]>('myReports').then((r) => setReports(r?.value ?? [])), []);
  const isDept = me?.memberships.some((m) => m.role === 'department');
  const [work, setWork] = useState<Work | null>(null);
  useEffect(() => void (me && isDept && loadWork(me).then(setWork, () => undefined)), [me?.user.id]);
  const patrols = me?.memberships.some((m) => PATROL.includes(m.role));
  const q = filter.trim().toLowerCase();

  return (
    <Layout>
      {me ? (
        <section class="card">
          <p>
            {t('signedInAs')} <strong>{me.user.displayName}</strong>
            {me.memberships.map((m) => (
              <span key={m.estateId} class="badge">
                {tx(ROLE_LABELS[m.role])} · {tx(me.estates.find((e) => e.id === m.estateId)?.name)}
              </span>
            ))}
          </p>
          <div class="actions">
            {patrols ? (
              <a class="button primary" href="/today" data-testid="my-day-link">
                {t('myDay')}
              </a>
            ) : null}
            {isDept ? (
              <a class="button primary" href="/notices" data-testid="my-notices">
                {t('notices')}
                {work ? (
                  <span class="counts" data-testid="work-counts">
                    {' '}
                    · {t('mine')} {counts(me, work).mine} · {t('myDepartment')} {counts(me, work).department}
                  </span>
                ) : null}
              </a>
            ) : null}
            <button type="button" class="secondary" onClick={() => setChanging(!changing)} data-testid="change-password">
              {t('changePassword')}
            </button>
            <button type="button" class="secondary" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          </div>
          {notice ? <p role="status">{notice}</p> : null}
          <PushSwitch me={me} />
          {changing ? (
            <PasswordForm
              onDone={() => {
                setChanging(false);
                setNotice(t('passwordChanged'));
              }}
            />
          ) : null}
        </section>
      ) : (
        <section class="card">
          <p>{t('welcome')}</p>
          <a class="button secondary" href="/login">
            {t('staffSignIn')}
          </a>
        </section>
      )}
      <button type="button" class="primary wide" onClick={() => setScanning(true)} data-testid="scan">
        {t('scanNext')}
      </button>
      <form
        class="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void openTyped();
        }}
      >
        <label>
          {t('typeCode')}
          <input
            name="code"
            value={typed}
            autocomplete="off"
            autocapitalize="off"
            onInput={(e) => {
              setTyped(e.currentTarget.value);
              setTypedError(false);
            }}
          />
        </label>
        {typedError ? (
          <p class="error" role="alert">
            {t('badCode')}
          </p>
        ) : null}
        <button type="submit" class="secondary">
          {t('open')}
        </button>
      </form>
      {scanning ? (
        <Scanner
          onClose={() => setScanning(false)}
          onLocation={(s) => route(`/l/${s.code}${s.kioskCode ? `?k=${s.kioskCode}` : s.fromLabel ? '?q=1' : ''}`)}
        />
      ) : null}
      {reports.length ? (
        <section class="card">
          <h3>{t('progress')}</h3>
          <ul class="list">
            {reports.map((r) => (
              <li key={r.trackingToken}>
                <a href={`/t/${r.trackingToken}`}>
                  {r.label} · {formatDateTime(r.at)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {patrols
        ? kits
            .filter((kit) => kit.routes?.length)
            .map((kit) => (
              <section class="card" key={`routes-${kit.estate.id}`} data-testid="guard-routes">
                <h3>
                  {tx(kit.estate.name)} · {t('guardRoutes')}
                </h3>
                <ul class="list">
                  {kit.routes.map((r) => (
                    <li key={r.id}>
                      <a href={`/round/${kit.estate.id}/${r.id}`}>{tx(r.name)}</a>{' '}
                      <small class="muted">
                        {r.checkpoints.length} · {t('guardRound')}
                      </small>
                    </li>
                  ))}
                </ul>
              </section>
            ))
        : null}
      {kits.map((kit) => (
        <section class="card" key={kit.estate.id}>
          <h3>
            {tx(kit.estate.name)} · {t('locations')}
          </h3>
          <input type="search" placeholder={t('search')} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          <ul class="list">
            {kit.locations
              .filter((l) => !q || tx(l.name).toLowerCase().includes(q) || l.name.zh.includes(q))
              .slice(0, 100)
              .map((l) => (
                <li key={l.id}>
                  <a href={`/l/${l.code}`}>{tx(l.name)}</a> <small class="muted">{tx(LOCATION_KIND_LABELS[l.kind])}</small>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** Notifications of new work on this phone (Web Push), where the browser can receive them. */
function PushSwitch({ me }: { me: Me }) {
  const [state, setState] = useState<PushState | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void pushState().then(setState, () => setState('unsupported')), []);
  if (state === null || state === 'unsupported') return null;
  const flip = async () => {
    setError('');
    try {
      setState(await (state === 'on' ? turnPushOff(me) : turnPushOn(me)));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div class="push-switch" data-testid="push-switch">
      {state === 'on' ? <p class="muted">{t('pushIsOn')}</p> : null}
      {state === 'denied' ? <p class="muted">{t('pushDenied')}</p> : null}
      {state !== 'denied' ? (
        <button type="button" class="secondary" onClick={() => void flip()}>
          {t(state === 'on' ? 'pushOff' : 'pushOn')}
        </button>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
