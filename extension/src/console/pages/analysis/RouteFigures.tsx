/** 巡更: each route's completion and on-time rate, flagged rounds, skips by checkpoint, and by guard. */
import type { EstateSetup, RouteAnalysis } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { pct } from '../../charts.tsx';
import { FigureNotes, figureName } from '../../figures.tsx';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';

export function RouteFigures({ data, setup }: { data: RouteAnalysis; setup: EstateSetup | null }) {
  if (!data.routes.length) return null;
  const place = (id: string) => tx(setup?.locations.find((l) => l.id === id)?.name) || id;
  return (
    <section data-testid="route-figures">
      <h3>{t('routes')}</h3>
      <DataTable
        name="routes"
        header={[
          t('name'),
          figureName('routeCompletion'),
          figureName('patrolOnTime'),
          t('roundsWalked'),
          t('roundsFlagged'),
          t('mostSkipped'),
        ]}
        rows={data.routes.map((r) => [
          tx(r.route.name),
          pct(r.figures.completion.completionRate),
          pct(r.figures.completion.onTimeRate),
          r.figures.rounds,
          r.figures.flagged,
          r.figures.skipsByCheckpoint
            .slice(0, 3)
            .map((s) => `${place(s.locationId)} (${s.skips})`)
            .join(' · '),
        ])}
      />
      <DataTable
        name="routes-by-guard"
        header={[t('name'), t('person'), t('roundsWalked'), t('roundsComplete'), t('roundsFlagged')]}
        rows={data.routes.flatMap((r) =>
          r.figures.byGuard.map((g) => [tx(r.route.name), g.name, g.rounds, pct(g.complete.rate), g.flagged]),
        )}
      />
      <FigureNotes ids={['routeCompletion']} />
    </section>
  );
}
