import { useState } from 'preact/hooks';
import {
  API,
  ROLE_LABELS,
  campaignOfMonth,
  monthIn,
  monthlyRecordOf,
  monthsTo,
  overdueOf,
  previousMonth,
  sumRates,
  type KpiReport,
} from '../../../../shared/index.ts';
import { estateZone, useSetup } from '../data.ts';
import { call } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { Bars, Chart, pct } from '../charts.tsx';
import { FigureCard, FigureNotes, figureName } from '../figures.tsx';
import { DeskFigures } from './analysis/DeskFigures.tsx';
import { RouteFigures } from './analysis/RouteFigures.tsx';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';

/** How many months the report sets the month's score beside. */
const SCORE_MONTHS = 6;

type Person = KpiReport['people'][number];

/** A person with patrol duties is listed even at zero (a round not done is the news); others only when they did something. */
const listed = (p: Person) => p.role === 'inspector' || p.slotsFilled > 0 || p.voluntary > 0 || p.trainingHours > 0 || p.training.of > 0;

/**
 * 绩效考核: the month's figures per person and per department. Printed, it is the monthly quality report: the
 * scored inspection against earlier months by section, patrols, overdue and reopened fixes, and satisfaction.
 */
export default function KpiPage({ estateId }: { estateId: string }) {
  // Last month in the estate's calendar (at 00:30 on 1 December in Shanghai it is November, whatever the laptop says).
  const [month, setMonth] = useState(() => previousMonth(monthIn(Date.now(), estateZone(estateId))));
  const setup = useSetup(estateId);
  const params = { estateId };
  const { data, error } = useAsync(() => call(API.kpi, { params, query: { month } }), [estateId, month]);
  const monthly = useAsync(() => call(API.monthly, { params }), [estateId]);
  const sat = useAsync(() => call(API.satisfactionTrend, { params }), [estateId]);
  const desk = useAsync(() => call(API.deskAnalysis, { params, query: { month } }), [estateId, month]);
  const routes = useAsync(() => call(API.routeAnalysis, { params, query: { month } }), [estateId, month]);

  const months = monthsTo(month, SCORE_MONTHS);
  const sheet = monthly.data?.sheet ?? null;
  const records = months.map((m) => monthlyRecordOf(monthly.data?.inspections ?? [], m));
  const score = records.at(-1)?.total;
  const campaign = sat.data ? campaignOfMonth(sat.data.campaigns, month) : null;
  const onTime = data ? sumRates(data.departments.map((d) => d.onTime)) : null;
  const reopen = data ? sumRates(data.departments.map((d) => d.reopen)) : null;
  const estateName = setup ? tx(setup.estate.name) : '';

  return (
    <section data-testid="kpi-page" class="report">
      <h2 class="no-print">
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
      {/* On paper the report has one title: company and estate, what it is, and the month. */}
      <h2 class="print-title" data-testid="report-title">
        {[setup?.company, estateName].filter(Boolean).join(' · ')} {t('monthlyReport')} · {month}
      </h2>
      {error ? <p class="error">{error}</p> : null}
      {data ? (
        <>
          <div class="cards" data-testid="report-cards">
            <FigureCard id="monthlyScore" value={score === undefined || score === null ? '—' : String(score)} />
            <FigureCard id="patrolCompletion" value={pct(data.patrolTotal.completionRate)} />
            <FigureCard id="patrolOnTime" value={pct(data.patrolTotal.onTimeRate)} />
            <FigureCard id="overdueRate" value={onTime ? pct(overdueOf(onTime).rate) : '—'} />
            <FigureCard id="reopenRate" value={reopen ? pct(reopen.rate) : '—'} />
            <FigureCard id="satisfaction" value={campaign ? pct(campaign.rate) : '—'} />
          </div>
          {campaign ? (
            <p class="muted" data-testid="report-survey">
              {figureName('satisfaction')}: {tx(campaign.name)} ({campaign.responses} {t('responses')})
            </p>
          ) : null}

          <Chart title={`${figureName('monthlyScore')} · ${t('lastMonths')}`} testId="chart-monthly-score">
            <Bars rows={months.map((m, i) => ({ label: m, value: records[i]?.total ?? null }))} max={100} />
          </Chart>
          {sheet ? (
            <DataTable
              name="kpi-sections"
              header={[t('section'), ...months]}
              rows={sheet.sections.map((s) => [
                `${tx(s.name)} / ${s.maxPoints}`,
                ...records.map((r) => r?.sections.find((x) => x.sectionId === s.id)?.score ?? null),
              ])}
            />
          ) : null}

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
            rows={data.people
              .filter(listed)
              .map((p) => [
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
          <FigureNotes ids={['ownRoundsOnTime', 'rectificationOnTime', 'reopenRate', 'overdueRate']} />
          {routes.data ? <RouteFigures data={routes.data} setup={setup} /> : null}
          {desk.data?.total.count ? <DeskFigures data={desk.data} byTopic={false} /> : null}
        </>
      ) : null}
    </section>
  );
}
