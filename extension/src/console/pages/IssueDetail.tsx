import { useState } from 'preact/hooks';
import {
  EVENT_LABELS,
  API,
  type IssueActionInput,
  CATEGORY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  deadlineFor,
  isOpen,
  type Issue,
  type IssueActionType,
  type IssueEvent,
  type Severity,
  deviceTimeZone,
  formatEstateTime,
  fromDateTimeInput,
  toDateTimeInput,
  referenceOf,
} from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import type { StoredSession } from '../../common/auth-store.ts';
import { locale, tx, errorText } from '../../common/i18n.ts';
import { loadSetup, staffOf, useNow, useSetup } from '../data.ts';
import { Countdown, Media, useAsync } from '../ui.tsx';
import { t, type WordKey } from '../words.ts';

const PRESENCE: Record<string, [string, string]> = {
  kiosk_code: ['现场平板动态码(已验证)', 'kiosk rotating code (verified)'],
  kiosk_code_invalid: ['动态码无效', 'kiosk code did not verify'],
  printed_code: ['点位二维码标签', 'printed QR label'],
  link: ['链接打开(未扫码)', 'opened from a link (no scan)'],
};

/** One issue: photos before and after, the full history, and the actions this role may take. */
export default function IssueDetail({ issueId, session }: { issueId: string; session: StoredSession }) {
  const { data, error, reload } = useAsync(() => call(API.issue, { params: { id: issueId } }), [issueId]);
  const setup = useSetup(data?.issue.estateId ?? null);
  const now = useNow();
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  // The issue's estate may not be the one the console shows: its times wait for its own zone.
  if (!data || !setup) return <p>{t('loading')}</p>;
  const { issue } = data;
  // Times are the estate's wall clock; a device in another zone sees the zone named.
  const zone = setup.estate.timeZone;
  const when = (at: number, seconds = false) => formatEstateTime(at, zone, { seconds });
  const dept = setup.departments.find((d) => d.id === issue.departmentId);
  const who = (e: IssueEvent) =>
    e.actor.kind === 'owner'
      ? t('owner')
      : e.actor.kind === 'system'
        ? t('system')
        : (setup.members.find((m) => m.userId === (e.actor as { id: string }).id)?.displayName ?? (e.actor as { id: string }).id);
  void session;

  return (
    <article class="issue-detail" data-testid="issue-detail">
      <header class="row-head">
        <h2>
          <span class={`sev sev-${issue.severity}`}>{tx(SEVERITY_LABELS[issue.severity])}</span> {tx(data.location?.name)} ·{' '}
          {tx(CATEGORY_LABELS[issue.category])}
        </h2>
        <span class={`status st-${issue.status}`} data-testid="issue-status">
          {tx(STATUS_LABELS[issue.status])}
          {issue.verified ? '' : ` · ${t('unverified')}`}
        </span>
      </header>
      <dl class="facts">
        <dt>{t('reference')}</dt>
        <dd data-testid="reference">{referenceOf(issue.id)}</dd>
        <dt>{t('description')}</dt>
        <dd class="text">{issue.description}</dd>
        <dt>{t('source')}</dt>
        <dd>
          {tx(SOURCE_LABELS[issue.source])}
          {issue.meToo ? ` · +${issue.meToo} ${t('meTooCount')}` : ''}
        </dd>
        <dt>{t('department')}</dt>
        <dd>{tx(dept?.name) || '—'}</dd>
        <dt>{t('assignee')}</dt>
        <dd data-testid="assignee">{setup.members.find((m) => m.userId === issue.assigneeId)?.displayName ?? '—'}</dd>
        <dt>{t('requirement')}</dt>
        <dd class="text">{issue.requirement ?? '—'}</dd>
        <dt>{t('deadline')}</dt>
        <dd>
          <Countdown deadline={issue.deadline} now={now} open={isOpen(issue)} timeZone={zone} /> ({when(issue.deadline)})
        </dd>
        <dt>{t('level')}</dt>
        <dd>{issue.manualLevel}</dd>
        {data.inspection ? (
          <>
            <dt>{t('confirmedBy')}</dt>
            <dd data-testid="presence">
              {PRESENCE[data.inspection.confirmedBy]?.[locale() === 'zh-CN' ? 0 : 1] ?? data.inspection.confirmedBy} ·{' '}
              {setup.members.find((m) => m.userId === data.inspection!.inspectorId)?.displayName} · {when(data.inspection.finishedAt)}
            </dd>
          </>
        ) : null}
        {data.origin?.ownerContact ? (
          <>
            <dt>{t('owner')}</dt>
            <dd class="text">{data.origin.ownerContact}</dd>
          </>
        ) : null}
      </dl>
      <section class="photos-row">
        <div>
          <h3>{t('photosBefore')}</h3>
          {issue.photos.map((p) => (
            <Media key={p.sha256} sha256={p.sha256} video={p.kind === 'video'} />
          ))}
        </div>
        <div>
          <h3>{t('photosAfter')}</h3>
          {issue.afterPhotos.map((p) => (
            <Media key={p.sha256} sha256={p.sha256} video={p.kind === 'video'} />
          ))}
        </div>
      </section>
      <Actions
        issue={issue}
        zone={zone}
        actions={data.actions}
        onDone={() => {
          void loadSetup(issue.estateId);
          reload();
        }}
      />
      <section>
        <h3>{t('history')}</h3>
        <ol class="history" data-testid="history">
          {data.history.map((e, n) => (
            <li key={n}>
              <time>{when(e.at, true)}</time> <strong data-event={e.type}>{tx(EVENT_LABELS[e.type]) || e.type}</strong> · {who(e)}
              {typeof e.data.reason === 'string' && e.data.reason ? <span class="text"> · {e.data.reason}</span> : null}
              {typeof e.data.note === 'string' && e.data.note ? <span class="text"> · {e.data.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <PrintableNotice
        issue={issue}
        zone={zone}
        heading={[setup?.company, tx(setup?.estate.name)].filter(Boolean).join(' · ')}
        location={tx(data.location?.name)}
        department={tx(dept?.name)}
      />
    </article>
  );
}

function Actions({ issue, zone, actions, onDone }: { issue: Issue; zone: string; actions: IssueActionType[]; onDone: () => void }) {
  const setup = useSetup(issue.estateId);
  const [open, setOpen] = useState<IssueActionType | null>(null);
  const [error, setError] = useState('');
  const [reason, setReason] = useState('');
  const [dup, setDup] = useState('');
  const [severity, setSeverity] = useState<Severity>(issue.severity);
  const [department, setDepartment] = useState(issue.departmentId ?? '');
  const [requirement, setRequirement] = useState(issue.requirement ?? '');
  const [deadline, setDeadline] = useState('');
  const [assignee, setAssignee] = useState(issue.assigneeId ?? '');
  const suggested = setup?.departments.find((d) => d.categories.includes(issue.category))?.id;
  const shown = actions.filter((a) => a !== 'rectify' && a !== 'ownerConfirm' && a !== 'ownerNotFixed');

  const [busy, setBusy] = useState(false);
  const run = async (action: IssueActionInput) => {
    // One action at a time: a double click must not send a second, conflicting one.
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await call(API.actOnIssue, { params: { id: issue.id }, json: { id: crypto.randomUUID(), action } });
      setOpen(null);
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const start = (a: IssueActionType) => {
    setOpen(a);
    setReason('');
    setAssignee(issue.assigneeId ?? '');
    if (a === 'assign') {
      setDepartment(issue.departmentId ?? suggested ?? setup?.departments[0]?.id ?? '');
      // The deadline is prefilled from the severity rules; the supervisor may change it.
      setDeadline(toDateTimeInput(deadlineFor(severity, Date.now(), setup?.policy), zone));
    }
  };
  const label: Record<string, WordKey> = {
    accept: 'accept',
    reject: 'reject',
    assign: 'assign',
    verify: 'verify',
    reopen: 'reopen',
    escalate: 'escalate',
    handOver: 'handOver',
  };
  const people = setup ? staffOf(setup, open === 'assign' ? department : issue.departmentId) : [];
  const personSelect = (
    <label>
      {t('assignee')}
      <select value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} name="assignee">
        <option value="">{t('departmentLeadHandsOn')}</option>
        {people.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="actions" data-testid="actions">
      <h3>{t('actions')}</h3>
      <div class="buttons">
        {shown.map((a) =>
          a === 'accept' || a === 'verify' ? (
            <button key={a} type="button" class="primary" disabled={busy} data-testid={`action-${a}`} onClick={() => void run({ type: a })}>
              {t(label[a])}
            </button>
          ) : (
            <button key={a} type="button" data-testid={`action-${a}`} onClick={() => start(a)}>
              {t(label[a])}
            </button>
          ),
        )}
        <button type="button" onClick={() => print()}>
          {t('printNotice')}
        </button>
      </div>
      {open === 'assign' ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({
              type: 'assign',
              departmentId: department,
              requirement: requirement.trim(),
              severity,
              deadline: deadline ? fromDateTimeInput(deadline, zone) : null,
              assigneeId: assignee || null,
            });
          }}
          data-testid="assign-form"
        >
          <label>
            {t('department')}
            <select
              value={department}
              onChange={(e) => {
                setDepartment(e.currentTarget.value);
                setAssignee('');
              }}
              name="department"
            >
              {setup?.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {tx(d.name)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('severity')}
            <select
              value={severity}
              onChange={(e) => {
                const s = e.currentTarget.value as Severity;
                setSeverity(s);
                setDeadline(toDateTimeInput(deadlineFor(s, Date.now(), setup?.policy), zone));
              }}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {tx(SEVERITY_LABELS[s])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('requirement')}
            <textarea
              name="requirement"
              value={requirement}
              maxLength={500}
              required
              onInput={(e) => setRequirement(e.currentTarget.value)}
            />
          </label>
          {personSelect}
          <label>
            {t('deadline')}
            <input type="datetime-local" name="deadline" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />
            {zone !== deviceTimeZone() ? <small> {zone}</small> : null}
          </label>
          <button type="submit" class="primary">
            {t('assign')}
          </button>
        </form>
      ) : open === 'handOver' ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'handOver', assigneeId: assignee || null, note: reason.trim() });
          }}
          data-testid="handOver-form"
        >
          {personSelect}
          <label>
            {t('note')}
            <input value={reason} maxLength={300} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {t('handOver')}
          </button>
        </form>
      ) : open === 'reject' || open === 'reopen' || open === 'escalate' ? (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              open === 'reject'
                ? { type: 'reject', reason: reason.trim(), duplicateOf: dup.trim() || null }
                : { type: open, reason: reason.trim() },
            );
          }}
          data-testid={`${open}-form`}
        >
          <label>
            {t('reason')}
            <textarea
              name="reason"
              value={reason}
              maxLength={500}
              required={open !== 'escalate'}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </label>
          {open === 'reject' ? (
            <label>
              {t('duplicateOf')}
              <input value={dup} onInput={(e) => setDup(e.currentTarget.value)} />
            </label>
          ) : null}
          <button type="submit" class="primary">
            {t(label[open])}
          </button>
        </form>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

/**
 * What the print view shows: the 整改通知单 a department head signs. The company and estate head it; its number is the
 * reference owners quote; the problem comes with its "before" photos; the foot has lines for receipt and re-check.
 */
function PrintableNotice({
  issue,
  zone,
  heading,
  location,
  department,
}: {
  issue: Issue;
  zone: string;
  heading: string;
  location: string;
  department: string;
}) {
  return (
    <section class="print-only notice-sheet" data-testid="notice-sheet">
      <p class="notice-heading">{heading}</p>
      <h1>{t('noticeTitle')}</h1>
      <table>
        <tbody>
          <tr>
            <th>{t('reference')}</th>
            <td>{referenceOf(issue.id)}</td>
            <th>{t('created')}</th>
            <td>{formatEstateTime(issue.createdAt, zone)}</td>
          </tr>
          <tr>
            <th>{t('location')}</th>
            <td>{location}</td>
            <th>{t('department')}</th>
            <td>{department}</td>
          </tr>
          <tr>
            <th>{t('category')}</th>
            <td>{tx(CATEGORY_LABELS[issue.category])}</td>
            <th>{t('severity')}</th>
            <td>{tx(SEVERITY_LABELS[issue.severity])}</td>
          </tr>
          <tr>
            <th>{t('description')}</th>
            <td colSpan={3} class="text">
              {issue.description}
              {/* Paper shows photos; a clip stays on screen. */}
              {issue.photos.some((p) => p.kind !== 'video') ? (
                <div class="notice-photos">
                  {issue.photos
                    .filter((p) => p.kind !== 'video')
                    .slice(0, 4)
                    .map((p) => (
                      <Media key={p.sha256} sha256={p.sha256} />
                    ))}
                </div>
              ) : null}
            </td>
          </tr>
          <tr>
            <th>{t('requirement')}</th>
            <td colSpan={3} class="text">
              {issue.requirement ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('deadline')}</th>
            <td colSpan={3}>{formatEstateTime(issue.deadline, zone)}</td>
          </tr>
          <tr class="sign-row">
            <th>{t('signIssued')}</th>
            <td>{t('signature')}:</td>
            <th>{t('date')}</th>
            <td />
          </tr>
          <tr class="sign-row">
            <th>{t('signReceived')}</th>
            <td>{t('signature')}:</td>
            <th>{t('date')}</th>
            <td />
          </tr>
          <tr class="sign-row tall">
            <th>{t('fixDone')}</th>
            <td colSpan={3} />
          </tr>
          <tr class="sign-row">
            <th>{t('signRechecked')}</th>
            <td>
              {t('signature')}: &nbsp; □ {t('passed')} □ {t('notPassed')}
            </td>
            <th>{t('date')}</th>
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
