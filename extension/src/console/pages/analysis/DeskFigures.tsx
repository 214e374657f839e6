/** 接待与咨询: the service desk's response time and first-contact resolution, overall, by topic and by person. */
import { DESK_TOPIC_LABELS, type DeskAnalysis, type DeskTopic } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { pct } from '../../charts.tsx';
import { FigureCard, FigureNotes, figureName } from '../../figures.tsx';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';

const minutes = (m: number | null) => (m === null ? '—' : `${m} ${t('minutesShort')}`);

export function DeskFigures({ data, byTopic = true }: { data: DeskAnalysis; byTopic?: boolean }) {
  const header = [t('deskEntries'), figureName('deskResponse'), t('slowestTenth'), figureName('firstContactResolution')];
  return (
    <section data-testid="desk-figures">
      <h3>{t('deskFiguresTitle')}</h3>
      <div class="cards">
        <FigureCard id="deskResponse" value={minutes(data.total.medianMinutes)} testId="desk-median" />
        <FigureCard id="firstContactResolution" value={pct(data.total.firstContact.rate)} testId="desk-first-contact" />
      </div>
      {byTopic ? (
        <DataTable
          name="desk-by-topic"
          header={[t('topic'), ...header]}
          rows={data.byTopic.map((f) => [
            tx(DESK_TOPIC_LABELS[f.key as DeskTopic]),
            f.count,
            minutes(f.medianMinutes),
            minutes(f.p90Minutes),
            pct(f.firstContact.rate),
          ])}
        />
      ) : null}
      <DataTable
        name="desk-by-person"
        header={[t('person'), ...header]}
        rows={data.byPerson.map((f) => [f.name, f.count, minutes(f.medianMinutes), minutes(f.p90Minutes), pct(f.firstContact.rate)])}
      />
      <FigureNotes ids={['deskResponse', 'firstContactResolution']} />
    </section>
  );
}
