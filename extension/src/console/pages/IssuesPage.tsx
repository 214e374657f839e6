import { useMemo, useState } from 'preact/hooks';
import { API, CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS, formatEstateTime, referenceOf } from '../../../../shared/index.ts';
import { tx } from '../../common/i18n.ts';
import { call } from '../../common/api.ts';
import { estateZone, useNow, useSetup } from '../data.ts';
import { download } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';
import { BulkActions } from './issues/BulkActions.tsx';
import { FilterForm, NO_FILTERS, issueQuery, type Filters } from './issues/filters.tsx';
import { IssueTable } from './issues/IssueTable.tsx';

const PAGE = 200;

/** The issue board: filter, sort by urgency, see deadlines count down, act on many at once. */
export default function IssuesPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const now = useNow();
  const [f, setF] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query = useMemo(() => issueQuery(f, page, PAGE), [f, page]);
  const { data, error, reload } = useAsync(() => call(API.issues, { params: { estateId }, query }), [estateId, query]);
  const set = (patch: Partial<Filters>) => {
    setF({ ...f, ...patch });
    setPage(0);
    setSelected(new Set());
  };
  const issues = data?.issues ?? [];
  // The board as it is filtered, for a spreadsheet (the same formula-safe writer as every other table).
  const exportCsv = () => {
    const place = (id: string | null) => tx(setup?.locations.find((l) => l.id === id)?.name);
    const dept = (id: string | null) => tx(setup?.departments.find((d) => d.id === id)?.name);
    const zone = estateZone(estateId);
    download(
      'issues',
      [
        t('reference'),
        t('severity'),
        t('location'),
        t('category'),
        t('description'),
        t('department'),
        t('status'),
        t('created'),
        t('deadline'),
      ],
      issues.map((i) => [
        referenceOf(i.id),
        tx(SEVERITY_LABELS[i.severity]),
        place(i.locationId),
        tx(CATEGORY_LABELS[i.category]),
        i.description,
        dept(i.departmentId),
        tx(STATUS_LABELS[i.status]),
        formatEstateTime(i.createdAt, zone),
        formatEstateTime(i.deadline, zone),
      ]),
    );
  };

  return (
    <section data-testid="issues-page">
      <h2>{t('issues')}</h2>
      <FilterForm f={f} set={set} setup={setup} />
      <BulkActions
        chosen={issues.filter((i) => selected.has(i.id))}
        setup={setup}
        onDone={() => {
          setSelected(new Set());
          reload();
        }}
      />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <IssueTable estateId={estateId} issues={issues} setup={setup} now={now} selected={selected} onSelect={setSelected} />
      <p class="pager">
        {data ? `${data.total} ${t('results')}` : t('loading')}{' '}
        <button type="button" class="no-print" onClick={exportCsv} disabled={!issues.length} data-testid="csv-issues">
          {t('exportCsv')}
        </button>
        {page > 0 ? (
          <button type="button" onClick={() => setPage(page - 1)}>
            ‹
          </button>
        ) : null}
        {data && (page + 1) * PAGE < data.total ? (
          <button type="button" onClick={() => setPage(page + 1)}>
            ›
          </button>
        ) : null}
      </p>
    </section>
  );
}
