import { useState } from 'preact/hooks';
import { API, monthIn, previousMonth, type EstateMonth, type GroupRole } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { pct } from '../charts.tsx';
import { FigureNotes, figureName } from '../figures.tsx';
import { download } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';
import { GroupRoles } from './group/GroupRoles.tsx';
import { Library } from './group/Library.tsx';

const TARGET = 0.9;

/** The monthly score over six months, as a line a few characters wide. */
function Trend({ points }: { points: EstateMonth['scoreTrend'] }) {
  const scores = points.map((p) => p.score);
  const known = scores.filter((s): s is number => s !== null);
  if (known.length < 2) return <span class="muted">—</span>;
  const [lo, hi] = [Math.min(...known) - 1, Math.max(...known) + 1];
  const x = (i: number) => (i * 60) / (points.length - 1);
  const y = (s: number) => 18 - ((s - lo) / (hi - lo)) * 16;
  const path = scores
    .map((s, i) => (s === null ? '' : `${x(i).toFixed(1)},${y(s).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const last = known[known.length - 1];
  const before = known[known.length - 2];
  return (
    <span class="trend" title={points.map((p) => `${p.month}: ${p.score ?? '—'}`).join('\n')}>
      <svg width="62" height="20" viewBox="-1 0 62 20" role="img" aria-label={points.map((p) => `${p.month} ${p.score ?? '—'}`).join(', ')}>
        <polyline points={path} fill="none" stroke="currentColor" stroke-width="1.5" />
      </svg>{' '}
      <span class={last >= before ? 'up' : 'down'}>
        {last >= before ? '▲' : '▼'}
        {Math.abs(last - before).toFixed(1)}
      </span>
    </span>
  );
}

/**
 * 集团看板: the estates side by side for a month, ranked, each figure as the estate's own pages count it. A name
 * opens that estate's analysis; the table exports to CSV and prints.
 */
export default function GroupPage({
  groupRole,
  zone,
  onOpenEstate,
}: {
  groupRole: GroupRole;
  /** The zone of the estate the console shows, whose calendar picks the default month. */
  zone: string;
  onOpenEstate: (estateId: string) => void;
}) {
  // Everyone with a group role sees the overview; the library is the quality managers' and administrators'; roles the administrators'.
  const tabs: ('group' | 'library' | 'groupRoles')[] =
    groupRole === 'groupAdmin' ? ['group', 'library', 'groupRoles'] : groupRole === 'groupQuality' ? ['group', 'library'] : ['group'];
  const [tab, setTab] = useState<(typeof tabs)[number]>('group');
  return (
    <section data-testid="group-page">
      {tabs.length > 1 ? (
        <div class="tabs no-print">
          {tabs.map((key) => (
            <button key={key} type="button" class={tab === key ? 'on' : ''} onClick={() => setTab(key)}>
              {t(key)}
            </button>
          ))}
        </div>
      ) : null}
      {tab === 'groupRoles' ? <GroupRoles /> : tab === 'library' ? <Library /> : <Overview zone={zone} onOpenEstate={onOpenEstate} />}
    </section>
  );
}

function Overview({ zone, onOpenEstate }: { zone: string; onOpenEstate: (estateId: string) => void }) {
  // Last month in the estate's calendar, not the laptop's (at 00:30 on 1 December in Shanghai it is November).
  const [month, setMonth] = useState(() => previousMonth(monthIn(Date.now(), zone)));
  const { data, error } = useAsync(() => call(API.groupOverview, { query: { month } }), [month]);
  const header = [
    t('rank'),
    t('estate'),
    t('households'),
    figureName('monthlyScore'),
    t('trend'),
    figureName('patrolCompletion'),
    figureName('patrolOnTime'),
    figureName('overdueRate'),
    figureName('reopenRate'),
    figureName('satisfaction'),
    figureName('complaintsPer100'),
  ];
  const csvRows = (data?.estates ?? []).map((e) => [
    e.rank,
    tx(e.name),
    e.households,
    e.score,
    e.scoreTrend.map((t) => t.score ?? '—').join(' → '),
    pct(e.patrolCompletion.rate),
    pct(e.patrolOnTime.rate),
    pct(e.overdue.rate),
    pct(e.reopen.rate),
    pct(e.satisfaction.rate),
    e.complaintsPer100,
  ]);
  return (
    <div data-testid="group-overview">
      <h2>
        {t('group')} · {month}
      </h2>
      <p class="no-print">
        <label>
          {t('month')} <input type="month" value={month} onInput={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
        </label>{' '}
        <button type="button" onClick={() => download(`group-overview-${month}`, header, csvRows)} data-testid="csv-group">
          {t('exportCsv')}
        </button>{' '}
        <button type="button" onClick={() => print()}>
          {t('print')}
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {data ? (
        data.estates.length === 0 ? (
          <p class="muted">{t('groupNoEstates')}</p>
        ) : (
          <table class="grid" data-testid="table-group">
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.estates.map((e) => (
                <tr key={e.estateId} data-estate={e.estateId}>
                  <td class="num">{e.rank}</td>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => onOpenEstate(e.estateId)}>
                      {tx(e.name)}
                    </button>
                    {e.archived ? <span class="muted"> ({t('archived')})</span> : null}
                  </th>
                  <td class="num">{e.households}</td>
                  <td class="num">{e.score ?? '—'}</td>
                  <td>
                    <Trend points={e.scoreTrend} />
                  </td>
                  <td class="num">{pct(e.patrolCompletion.rate)}</td>
                  <td class="num">{pct(e.patrolOnTime.rate)}</td>
                  <td class="num">{pct(e.overdue.rate)}</td>
                  <td class="num">{pct(e.reopen.rate)}</td>
                  <td class={`num ${e.satisfaction.rate === null ? '' : e.satisfaction.rate >= TARGET ? 'good' : 'bad'}`}>
                    {pct(e.satisfaction.rate)}
                  </td>
                  <td class="num">{e.complaintsPer100 ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <FigureNotes
        ids={['monthlyScore', 'patrolCompletion', 'patrolOnTime', 'overdueRate', 'reopenRate', 'satisfaction', 'complaintsPer100']}
      />
    </div>
  );
}
