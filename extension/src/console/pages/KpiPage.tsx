import { useState } from 'preact/hooks';
import { API, ROLE_LABELS, monthIn, previousMonth } from '../../../../shared/index.ts';
import { estateZone } from '../data.ts';
import { call } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { pct } from '../charts.tsx';
import { FigureCard, FigureNotes, figureName } from '../figures.tsx';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';

/** 绩效考核: the quality figures per person and per department for a month; prints as the monthly report. */
export default function KpiPage({ estateId }: { estateId: string }) {
  // Last month in the estate's calendar (at 00:30 on 1 December in Shanghai it is November, whatever the laptop says).
  const [month, setMonth] = useState(() => previousMonth(monthIn(Date.now(), estateZone(estateId))));
  const { data, error } = useAsync(() => call(API.kpi, { params: { estateId }, query: { month } }), [estateId, month]);
  return (
    <section data-testid="kpi-page">
      <h2>
        {t('kpi')} · {month}
      </h2>
      <p class="no-print">
        <label>
          {t('month')} <input type="month" value={month} onInput={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
        </label>{' '}
        <button type="button" onClick={() => print()}>
          {t('printReport')}
        </button>
      </p>
      <h3 class="print-title">
        {t('monthlyReport')} · {month}
      </h3>
      {error ? <p class="error">{error}</p> : null}
      {data ? (
        <>
          <div class="cards">
            <FigureCard id="patrolCompletion" value={pct(data.patrolTotal.completionRate)} />
            <FigureCard id="patrolOnTime" value={pct(data.patrolTotal.onTimeRate)} />
          </div>
          <h3>{t('byPerson')}</h3>
          <DataTable
            name="kpi-people"
            header={[
              t('person'),
              t('role'),
              t('slotsFilled'),
              figureName('ownRoundsOnTime'),
              t('voluntary'),
              t('trainingHours'),
              t('trainingRate'),
            ]}
            rows={data.people.map((p) => [
              p.name,
              tx(ROLE_LABELS[p.role]),
              p.slotsFilled,
              pct(p.onTime.rate),
              p.voluntary,
              p.trainingHours,
              pct(p.training.rate),
            ])}
          />
          <h3>{t('department')}</h3>
          <DataTable
            name="kpi-departments"
            header={[
              t('department'),
              t('assigned'),
              t('rectified'),
              t('overdueUnfixed'),
              figureName('rectificationOnTime'),
              figureName('reopenRate'),
            ]}
            rows={data.departments.map((d) => [tx(d.name), d.assigned, d.reopen.of, d.overdueOpen, pct(d.onTime.rate), pct(d.reopen.rate)])}
          />
          <FigureNotes ids={['ownRoundsOnTime', 'rectificationOnTime', 'reopenRate']} />
        </>
      ) : null}
    </section>
  );
}
