import { useEffect, useState } from 'preact/hooks';
import { API, SEVERITY_LABELS, type Notice } from '../../../shared/index.ts';
import { ApiError, call } from '../api/http.ts';
import { cacheGet, cachePut } from '../outbox/db.ts';
import { formatDateTime, formatDuration, t, tx, useLocale } from '../i18n.ts';
import { useMe } from '../state/session.ts';
import { AuthImage } from '../ui/AuthImage.tsx';
import { Layout } from '../ui/Layout.tsx';
import { RectifyForm } from './RectifyForm.tsx';

/** A department's rectification notices, soonest deadline first, each with its requirement and photos. */
export default function NoticesPage() {
  useLocale();
  const me = useMe();
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [fixing, setFixing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const estateIds = me?.memberships.filter((m) => m.role === 'department').map((m) => m.estateId) ?? [];

  const load = async () => {
    try {
      const all = (await Promise.all(estateIds.map((estateId) => call(API.notices, { params: { estateId } })))).flatMap((r) => r.notices);
      all.sort((a, b) => a.deadline - b.deadline);
      setNotices(all);
      await cachePut('notices', all);
    } catch (e) {
      setNotices((await cacheGet<Notice[]>('notices'))?.value ?? []);
      if (!(e instanceof ApiError && e.transient)) setError(String(e));
    }
  };
  useEffect(() => void load(), [me?.user.id]);

  const now = Date.now();
  return (
    <Layout title={t('notices')}>
      {message ? (
        <p class="card ok" role="status">
          {message}
        </p>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {notices && notices.length === 0 ? <p class="card muted">{t('noNotices')}</p> : null}
      <ul class="list notices" data-testid="notices">
        {(notices ?? []).map((n) => (
          <li key={n.id} class={`card issue sev-${n.severity} ${n.deadline < now ? 'overdue' : ''}`} data-testid="notice">
            <h3>
              <span class="badge">{tx(SEVERITY_LABELS[n.severity])}</span> {tx(n.location?.name)}
            </h3>
            <p class="text">{n.description}</p>
            <p>
              <strong>{t('requirement')}:</strong> <span class="text">{n.requirement}</span>
            </p>
            <p class={n.deadline < now ? 'warn-text' : ''}>
              {t('deadline')}: {formatDateTime(n.deadline, me?.estates.find((e) => e.id === n.estateId)?.timeZone)} (
              {n.deadline < now ? t('overdueBy') : t('dueIn')} {formatDuration(n.deadline - now)})
            </p>
            <div class="photos">
              {n.photos.map((p) => (
                <AuthImage key={p.sha256} sha256={p.sha256} />
              ))}
            </div>
            {fixing === n.id ? (
              <RectifyForm
                issueId={n.id}
                label={tx(n.location?.name)}
                hadPhoto={n.photos.length > 0}
                onDone={(m) => {
                  setFixing(null);
                  setMessage(m);
                  setNotices((list) => list?.filter((x) => x.id !== n.id) ?? null);
                }}
              />
            ) : (
              <button type="button" class="primary" onClick={() => setFixing(n.id)} data-testid="report-fix">
                {t('reportFix')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
