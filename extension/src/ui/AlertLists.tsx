/** The lists that matter now, shared by the popup and the page overlay. User text is rendered as text only. */
import type { Alerts, IssueAlert, PatrolAlert } from '../../../shared/index.ts';
import { SEVERITY_LABELS } from '../../../shared/index.ts';
import { formatDuration, t, tx, type MessageKey } from '../common/i18n.ts';
import type { QUICK_ACTIONS } from '../common/messages.ts';

/** Open the issue in the console, or one of the one-click actions (common/messages.ts). */
export type IssueAction = 'open' | (typeof QUICK_ACTIONS)[number];

export interface ListsProps {
  estates: { name: { zh: string; en: string }; alerts: Alerts }[];
  now: number;
  onIssue?: (issue: IssueAlert, action: IssueAction) => void;
  /** Overlay rows offer only "open"; the popup offers the actions that fit. */
  actions: boolean;
  busy?: string | null;
}

type EstateName = ListsProps['estates'][number]['name'];
/** Every estate's items of one kind, each knowing its estate. */
const merge = <T,>(estates: ListsProps['estates'], pick: (a: Alerts) => T[]): (T & { estate: EstateName })[] =>
  estates.flatMap((e) => pick(e.alerts).map((x) => ({ ...x, estate: e.name })));

/** With several estates, a list reads estate by estate (in the order they were given), each under its name. */
function byEstate<T extends { estate: EstateName }>(estates: ListsProps['estates'], items: T[], row: (item: T) => preact.JSX.Element) {
  if (estates.length < 2) return items.map(row);
  return estates.flatMap((e) => {
    const mine = items.filter((i) => i.estate === e.name);
    if (!mine.length) return [];
    return [
      <li key={`estate-${e.name.zh}`} class="estate-head" data-testid="estate-head">
        {tx(e.name)} · {mine.length}
      </li>,
      ...mine.map(row),
    ];
  });
}

export function AlertLists({ estates, now, onIssue, actions, busy }: ListsProps) {
  const overdue = merge(estates, (a) => a.overdue).sort((a, b) => a.deadline - b.deadline);
  const toAccept = merge(estates, (a) => a.awaitingAcceptance);
  const toDispatch = merge(estates, (a) => a.awaitingDispatch ?? []);
  const notFixed = merge(estates, (a) => a.ownerNotFixed ?? []);
  const urgent = merge(estates, (a) => a.urgent).filter((u) => !overdue.some((o) => o.id === u.id));
  // Patrol times come as the estate's wall clock (`hours`), wherever the browser is.
  const patrols = (pick: (a: Alerts) => PatrolAlert[]) => estates.flatMap((e) => pick(e.alerts).map((p) => ({ ...p, estate: e.name })));
  const missed = patrols((a) => a.missed);
  const missedRounds = estates.flatMap((e) => (e.alerts.missedRounds ?? []).map((r) => ({ ...r, estate: e.name })));
  const due = patrols((a) => a.due);
  const soon = patrols((a) => a.dueSoon);
  const count = (k: keyof Alerts['counts']) => estates.reduce((n, e) => n + (e.alerts.counts[k] ?? 0), 0);

  const issueRow = (i: IssueAlert, kind: 'overdue' | 'accept' | 'dispatch' | 'urgent' | 'notFixed') => (
    <li key={`${kind}-${i.id}`} class={`row sev-${i.severity}`} data-testid={`${kind}-row`} data-issue={i.id}>
      <div class="main">
        <span class={`sev sev-${i.severity}`}>{tx(SEVERITY_LABELS[i.severity])}</span> <strong>{tx(i.locationName)}</strong>
        {i.departmentName ? <span class="dept"> · {tx(i.departmentName)}</span> : null}
        <div class="desc">{i.description}</div>
        {kind === 'accept' && i.respondBy !== null && i.respondBy !== undefined && now > i.respondBy ? (
          <div class="late" data-testid="accept-late">
            {t('acceptLate')} {formatDuration(now - i.respondBy)}
          </div>
        ) : null}
        {kind === 'overdue' ? (
          <div class="late">
            {t('overdueBy')} {formatDuration(now - i.deadline)}
            {i.level > 0 ? ` · L${i.level}` : ''}
          </div>
        ) : null}
      </div>
      {onIssue ? (
        <div class="acts">
          <button type="button" onClick={() => onIssue(i, 'open')}>
            {t('open')}
          </button>
          {actions && kind === 'accept' ? (
            <button type="button" disabled={busy === i.id} onClick={() => onIssue(i, 'accept')} data-testid="accept">
              {t('accept')}
            </button>
          ) : null}
          {actions && kind !== 'accept' && kind !== 'dispatch' && i.level < 2 && i.status !== 'rectified' ? (
            <button type="button" disabled={busy === i.id} onClick={() => onIssue(i, 'escalate')} data-testid="escalate">
              {t('escalate')}
            </button>
          ) : null}
          {actions && i.status === 'rectified' ? (
            <button type="button" disabled={busy === i.id} onClick={() => onIssue(i, 'verify')}>
              {t('verify')}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
  const patrolRow = (p: PatrolAlert, kind: string) => (
    <li key={`${kind}-${p.locationId}-${p.start}`} class="row" data-testid={`${kind}-row`}>
      <div class="main">
        <strong>{tx(p.locationName)}</strong> <span class="time">{p.hours}</span>
        {p.late ? <span class="late"> · {t('late')}</span> : null}
      </div>
    </li>
  );
  const section = (title: MessageKey, total: number, rows: preact.JSX.Element[], testId: string) => (
    <section class="list" data-testid={testId}>
      <h3>
        {t(title)} <span class="count">{total}</span>
      </h3>
      {rows.length ? <ul>{rows}</ul> : <p class="none">{t('nothing')}</p>}
    </section>
  );
  return (
    <div class="lists">
      {section(
        'overdue',
        count('overdue'),
        byEstate(estates, overdue, (i) => issueRow(i, 'overdue')),
        'list-overdue',
      )}
      {urgent.length
        ? section(
            'urgentNew',
            urgent.length,
            byEstate(estates, urgent, (i) => issueRow(i, 'urgent')),
            'list-urgent',
          )
        : null}
      {section(
        'toAccept',
        count('awaitingAcceptance'),
        byEstate(estates, toAccept, (i) => issueRow(i, 'accept')),
        'list-accept',
      )}
      {section(
        'toDispatch',
        count('awaitingDispatch'),
        byEstate(estates, toDispatch, (i) => issueRow(i, 'dispatch')),
        'list-dispatch',
      )}
      {notFixed.length
        ? section(
            'notFixedList',
            count('ownerNotFixed'),
            byEstate(estates, notFixed, (i) => issueRow(i, 'notFixed')),
            'list-not-fixed',
          )
        : null}
      {count('heldForReview') > 0 ? (
        <p class="note" data-testid="held-for-review">
          {count('heldForReview')} {t('heldForReview')}
        </p>
      ) : null}
      {section(
        'missed',
        count('missed'),
        byEstate(estates, missed, (p) => patrolRow(p, 'missed')),
        'list-missed',
      )}
      {missedRounds.length
        ? section(
            'missedRounds',
            count('missedRounds'),
            byEstate(estates, missedRounds, (r) => (
              <li key={`round-${r.routeId}-${r.start}`} class="row" data-testid="missed-round-row">
                <div class="main">
                  <strong>{tx(r.routeName)}</strong> <span class="time">{r.hours}</span>
                </div>
              </li>
            )),
            'list-missed-rounds',
          )
        : null}
      {section(
        'dueNow',
        count('due'),
        byEstate(estates, due, (p) => patrolRow(p, 'due')),
        'list-due',
      )}
      {section(
        'dueSoon',
        count('dueSoon'),
        byEstate(estates, soon, (p) => patrolRow(p, 'soon')),
        'list-soon',
      )}
    </div>
  );
}
