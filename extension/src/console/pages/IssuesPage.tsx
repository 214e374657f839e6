import { useMemo, useState } from 'preact/hooks';
import { API } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { useNow, useSetup } from '../data.ts';
import { useAsync } from '../ui.tsx';
import { w } from '../words.ts';
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

  return (
    <section data-testid="issues-page">
      <h2>{w('issues')}</h2>
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
        {data ? `${data.total} ${w('results')}` : w('loading')}
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
