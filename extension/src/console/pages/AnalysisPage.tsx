import { useState } from 'preact/hooks';
import {
  API,
  CATEGORIES,
  CATEGORY_LABELS,
  LOCATION_KIND_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  type Category,
  type LocationKind,
} from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { Bars, Chart, HeatMap, Pareto, Stacked, pct } from '../charts.tsx';
import { FigureCard, FigureNotes, figureName } from '../figures.tsx';
import { DeskFigures } from './analysis/DeskFigures.tsx';
import { RouteFigures } from './analysis/RouteFigures.tsx';
import { useSetup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';

const DAY = 86_400_000;

/** 数据分析: the plan's questions answered from the one record, each chart with its table and CSV. */
export default function AnalysisPage({ estateId }: { estateId: string }) {
  const [days, setDays] = useState(30);
  const params = { estateId };
  const query = { from: Date.now() - days * DAY, to: Date.now() };
  const patrols = useAsync(() => call(API.patrolAnalysis, { params, query }), [estateId, days]);
  const issues = useAsync(() => call(API.issueAnalysis, { params, query }), [estateId, days]);
  const rect = useAsync(() => call(API.rectificationAnalysis, { params, query }), [estateId, days]);
  const sat = useAsync(() => call(API.satisfactionTrend, { params }), [estateId]);
  const desk = useAsync(() => call(API.deskAnalysis, { params, query }), [estateId, days]);
  const routes = useAsync(() => call(API.routeAnalysis, { params, query }), [estateId, days]);
  const setup = useSetup(estateId);
  const catLabel = (c: string) => tx(CATEGORY_LABELS[c as Category]) || c;
  const error = patrols.error || issues.error || rect.error || sat.error;

  return (
    <section class="analysis" data-testid="analysis-page">
      <h2>{t('analysis')}</h2>
      <p class="no-print">
        {t('period')}:{' '}
        {[30, 90].map((d) => (
          <button key={d} type="button" class={days === d ? 'primary' : ''} onClick={() => setDays(d)}>
            {d === 30 ? t('last30') : t('last90')}
          </button>
        ))}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {patrols.data && issues.data ? (
        <div class="cards">
          <FigureCard id="patrolCompletion" value={pct(patrols.data.total.completionRate)} testId="completion-rate" />
          <FigureCard id="patrolOnTime" value={pct(patrols.data.total.onTimeRate)} />
          <div class="card">
            <div class="big" data-testid="issues-total">
              {issues.data.total}
            </div>
            {t('issuesTotal')}
          </div>
          <div class="card">
            <div class="big">{issues.data.lifts.total}</div>
            {t('liftFaults')}
          </div>
        </div>
      ) : null}
      {patrols.data ? (
        <>
          <Chart title={`${figureName('patrolCompletion')} · ${t('byKind')}`} testId="chart-kind">
            <Bars
              rows={patrols.data.byKind.map((k) => ({ label: tx(LOCATION_KIND_LABELS[k.key as LocationKind]), value: k.completionRate }))}
              max={1}
              format={(v) => pct(v)}
            />
          </Chart>
          <DataTable
            name="patrol-by-kind"
            header={[t('location'), t('scheduled'), t('done'), t('missedN'), figureName('patrolCompletion'), figureName('patrolOnTime')]}
            rows={patrols.data.byKind.map((k) => [
              tx(LOCATION_KIND_LABELS[k.key as LocationKind]),
              k.scheduled,
              k.done,
              k.missed,
              pct(k.completionRate),
              pct(k.onTimeRate),
            ])}
          />
          <Chart title={`${figureName('patrolCompletion')} · ${t('byArea')}`}>
            <Bars rows={patrols.data.byArea.map((k) => ({ label: k.key, value: k.completionRate }))} max={1} format={(v) => pct(v)} />
          </Chart>
          <Chart title={`${figureName('ownRoundsOnTime')} · ${t('byPerson')}`}>
            <Bars rows={patrols.data.byPerson.map((p) => ({ label: p.name, value: p.onTime.rate }))} max={1} format={(v) => pct(v)} />
          </Chart>
          <DataTable
            name="patrol-by-person"
            header={[t('person'), t('slotsFilled'), figureName('ownRoundsOnTime'), t('voluntary')]}
            rows={patrols.data.byPerson.map((p) => [p.name, p.slotsFilled, pct(p.onTime.rate), p.voluntary])}
          />
          <Chart title={t('heatMap')} testId="chart-heat">
            <HeatMap rows={patrols.data.heat.slice(0, 25).map((r) => ({ label: tx(r.name), hours: r.hours }))} />
          </Chart>
        </>
      ) : null}
      {issues.data ? (
        <>
          <Chart title={t('issuesOverTime')} testId="chart-issues-time">
            <Stacked
              columns={issues.data.overTime.map((d) => ({ label: d.day, values: d.byCategory }))}
              series={[...CATEGORIES]}
              labels={Object.fromEntries(CATEGORIES.map((c) => [c, catLabel(c)]))}
            />
          </Chart>
          <Chart title={t('issuesBySeverity')}>
            <Stacked
              columns={issues.data.overTime.map((d) => ({ label: d.day, values: d.bySeverity }))}
              series={[...SEVERITIES]}
              labels={Object.fromEntries(SEVERITIES.map((s) => [s, tx(SEVERITY_LABELS[s])]))}
            />
          </Chart>
          <DataTable
            name="issues-by-category"
            header={[t('category'), t('count')]}
            rows={issues.data.byCategory.map((c) => [catLabel(c.key), c.count])}
          />
          <Chart title={t('liftFaults')} testId="chart-lifts">
            <Bars
              rows={issues.data.lifts.byLift.map((l) => ({ label: `${tx(l.name)}${l.repeat ? ` ⚠ ${t('repeat')}` : ''}`, value: l.count }))}
            />
          </Chart>
          <Chart title={t('liftCauses')} testId="chart-lift-causes">
            <Pareto
              rows={issues.data.lifts.byCause.map((c) => ({
                label: tx(c.name),
                count: c.count,
                cumulative: c.cumulativeShare,
              }))}
            />
          </Chart>
          <DataTable
            name="lift-faults"
            header={[t('location'), t('count'), t('repeat')]}
            rows={issues.data.lifts.byLift.map((l) => [tx(l.name), l.count, l.repeat ? '⚠' : ''])}
          />
          <Chart title={t('complaints')} testId="chart-complaints">
            <Bars rows={issues.data.complaints.byCategory.map((c) => ({ label: catLabel(c.key), value: c.count }))} />
          </Chart>
        </>
      ) : null}
      {rect.data ? (
        <>
          <Chart title={t('rectByDept')} testId="chart-rect">
            {/* Both rates the title names, each on its own 0–100 % scale. */}
            <h4>{figureName('rectificationOnTime')}</h4>
            <Bars rows={rect.data.map((d) => ({ label: tx(d.name), value: d.onTime.rate }))} max={1} format={(v) => pct(v)} />
            <h4>{figureName('reopenRate')}</h4>
            <Bars rows={rect.data.map((d) => ({ label: tx(d.name), value: d.reopen.rate }))} max={1} format={(v) => pct(v)} />
          </Chart>
          <DataTable
            name="rectification-by-department"
            header={[
              t('department'),
              t('assigned'),
              t('rectified'),
              t('overdueUnfixed'),
              figureName('rectificationOnTime'),
              figureName('reopenRate'),
            ]}
            rows={rect.data.map((d) => [tx(d.name), d.assigned, d.reopen.of, d.overdueOpen, pct(d.onTime.rate), pct(d.reopen.rate)])}
          />
          <FigureNotes ids={['rectificationOnTime', 'reopenRate']} />
        </>
      ) : null}
      {sat.data ? (
        <Chart title={`${t('satisfactionTrend')} (${t('target90')})`} testId="chart-satisfaction">
          <Bars
            rows={sat.data.campaigns
              .map((c) => ({ label: `${c.opensOn} ${tx(c.name)}`, value: c.rate }))
              .concat(
                sat.data.kiosk.ratings ? [{ label: t('kioskSatisfied'), value: sat.data.kiosk.satisfied / sat.data.kiosk.ratings }] : [],
              )}
            max={1}
            target={0.9}
            format={(v) => pct(v)}
          />
        </Chart>
      ) : null}
      {routes.data ? <RouteFigures data={routes.data} setup={setup} /> : null}
      {desk.data ? <DeskFigures data={desk.data} /> : null}
    </section>
  );
}
