import { useEffect, useState } from 'preact/hooks';
import { API, SEVERITY_LABELS, type Me, type Notice, type Person } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { formatDateTime, formatDuration, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { useMe } from '../state/session.ts';
import { counts, loadWork, type Work } from '../state/work.ts';
import { AuthMedia } from '../ui/Media.tsx';
import { Layout } from '../ui/Layout.tsx';
import { uuid } from '../util/uuid.ts';
import { RectifyForm } from './RectifyForm.tsx';

type Tab = 'mine' | 'department';

/**
 * A department's rectification notices, soonest deadline first: "mine" (the jobs I own) and "my department" (all of
 * its open jobs), each with its requirement, photos and owner. The department's lead, or a job's owner, hands it on.
 */
export default function NoticesPage() {
  useLocale();
  const me = useMe();
  const [work, setWork] = useState<Work | null>(null);
  const [tab, setTab] = useState<Tab>('department');
  const [fixing, setFixing] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const load = async (who: Me) => {
    try {
      const w = await loadWork(who);
      setWork(w);
      // Someone who owns jobs sees theirs first.
      if (!work && counts(who, w).mine > 0) setTab('mine');
    } catch (e) {
      setError(errorText(e));
      setWork({ notices: [], people: {}, offline: false });
    }
  };
  useEffect(() => void (me && load(me)), [me?.user.id]);

  const now = Date.now();
  const c = me && work ? counts(me, work) : { mine: 0, department: 0 };
  const shown = (work?.notices ?? []).filter((n) => tab === 'department' || n.assigneeId === me?.user.id);
  return (
    <Layout title={t('notices')}>
      {message ? (
        <p class="card ok" role="status">
          {message}
        </p>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {work?.offline ? <p class="muted">{t('offlineCopy')}</p> : null}
      <div class="tabs" role="tablist">
        {(['mine', 'department'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            class={tab === k ? 'primary' : 'secondary'}
            onClick={() => setTab(k)}
            data-testid={`tab-${k}`}
          >
            {t(k === 'mine' ? 'mine' : 'myDepartment')} <span class="count">{k === 'mine' ? c.mine : c.department}</span>
          </button>
        ))}
      </div>
      {work && shown.length === 0 ? <p class="card muted">{t('noNotices')}</p> : null}
      <ul class="list notices" data-testid="notices">
        {shown.map((n) => (
          <li key={n.id} class={`card issue sev-${n.severity} ${n.deadline < now ? 'overdue' : ''}`} data-testid="notice">
            <h3>
              <span class="badge">{tx(SEVERITY_LABELS[n.severity])}</span> {tx(n.location?.name)}
            </h3>
            <p class="text">{n.description}</p>
            <p>
              <strong>{t('requirement')}:</strong> <span class="text">{n.requirement}</span>
            </p>
            <p class={n.deadline < now ? 'warn-text' : ''}>
              {t('fixDeadline')}: {formatDateTime(n.deadline, me?.estates.find((e) => e.id === n.estateId)?.timeZone)} (
              {n.deadline < now ? t('overdueBy') : t('dueIn')} {formatDuration(n.deadline - now)})
            </p>
            <p data-testid="assignee">
              <strong>{t('assignee')}:</strong> {n.assignee ? n.assignee.displayName : t('wholeDepartment')}
            </p>
            <div class="photos">
              {n.photos.map((p) => (
                <AuthMedia key={p.sha256} sha256={p.sha256} video={p.kind === 'video'} />
              ))}
            </div>
            {me && mayHandOver(me, n) ? (
              <HandOver
                notice={n}
                people={work?.people[n.estateId] ?? []}
                onDone={(assignee) => {
                  setMessage(t('handedOver'));
                  setWork(
                    (w) =>
                      w && {
                        ...w,
                        notices: w.notices.map((x) => (x.id === n.id ? { ...x, assigneeId: assignee?.id ?? null, assignee } : x)),
                      },
                  );
                }}
              />
            ) : null}
            {fixing === n.id ? (
              <RectifyForm
                issueId={n.id}
                label={tx(n.location?.name)}
                hadPhoto={n.photos.length > 0}
                onDone={(m) => {
                  setFixing(null);
                  setMessage(m);
                  setWork((w) => w && { ...w, notices: w.notices.filter((x) => x.id !== n.id) });
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

/** The department's lead hands on any of its jobs; a job's owner hands theirs on (shared/rules/issue-workflow.ts). */
function mayHandOver(me: Me, n: Notice): boolean {
  const m = me.memberships.find((x) => x.estateId === n.estateId);
  return m?.role === 'department' && m.departmentId === n.departmentId && (m.lead || n.assigneeId === me.user.id);
}

/** 转派: to a person of the department, or back to the whole department. Needs the network (it is not queued). */
function HandOver({ notice, people, onDone }: { notice: Notice; people: Person[]; onDone: (to: Person | null) => void }) {
  const [to, setTo] = useState(notice.assigneeId ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy || to === (notice.assigneeId ?? '')) return;
    setBusy(true);
    setError('');
    try {
      await call(API.actOnIssue, {
        params: { id: notice.id },
        json: { id: uuid(), action: { type: 'handOver', assigneeId: to || null } },
      });
      onDone(people.find((p) => p.id === to) ?? null);
    } catch (e) {
      setError(e instanceof ApiError && e.transient ? t('needsNetwork') : errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="inline-form" data-testid="hand-over">
      <label>
        {t('handOverTo')}{' '}
        <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">{t('wholeDepartment')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="secondary" disabled={busy || to === (notice.assigneeId ?? '')} onClick={() => void submit()}>
        {t('handOver')}
      </button>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
