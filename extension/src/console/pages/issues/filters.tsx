/** The issue board's filters: the form, and the query it makes. */
import {
  CATEGORIES,
  CATEGORY_LABELS,
  ISSUE_SOURCES,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  type Query,
} from '../../../../../shared/index.ts';
import { useEffect, useState } from 'preact/hooks';
import { tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { t } from '../../words.ts';

export interface Filters {
  /** Words of the description or the place's name, or a reference number. */
  q: string;
  open: boolean;
  status: string;
  severity: string;
  category: string;
  department: string;
  location: string;
  source: string;
  from: string;
  to: string;
}

export const NO_FILTERS: Filters = {
  q: '',
  open: true,
  status: '',
  severity: '',
  category: '',
  department: '',
  location: '',
  source: '',
  from: '',
  to: '',
};

/** The list's query for one page of `size`. */
export function issueQuery(f: Filters, page: number, size: number): Query {
  return {
    limit: size,
    offset: page * size,
    q: f.q || undefined,
    open: f.open && !f.status ? 'true' : undefined,
    status: f.status,
    severity: f.severity,
    category: f.category,
    source: f.source,
    department: f.department,
    location: f.location,
    // Dates go as dates: the server reads them in the estate's calendar, whole days, `to` inclusive.
    from: f.from,
    to: f.to,
  };
}

/** Search as one types, asking the server once the typing pauses. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onSearch(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  return (
    <input
      type="search"
      name="q"
      aria-label={t('search')}
      placeholder={t('searchHint')}
      maxLength={100}
      value={draft}
      onInput={(e) => setDraft(e.currentTarget.value)}
      style={{ minWidth: '16em' }}
    />
  );
}

export function FilterForm({ f, set, setup }: { f: Filters; set: (patch: Partial<Filters>) => void; setup: Setup | null }) {
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <SearchBox value={f.q} onSearch={(q) => set({ q })} />
      <label class="check">
        <input type="checkbox" checked={f.open} onChange={(e) => set({ open: e.currentTarget.checked })} /> {t('openOnly')}
      </label>
      <select aria-label={t('status')} value={f.status} onChange={(e) => set({ status: e.currentTarget.value })} name="status">
        <option value="">
          {t('status')}: {t('all')}
        </option>
        {Object.entries(STATUS_LABELS).map(([k, v]) => (
          <option key={k} value={k}>
            {tx(v)}
          </option>
        ))}
      </select>
      <select aria-label={t('severity')} value={f.severity} onChange={(e) => set({ severity: e.currentTarget.value })} name="severity">
        <option value="">
          {t('severity')}: {t('all')}
        </option>
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {tx(SEVERITY_LABELS[s])}
          </option>
        ))}
      </select>
      <select aria-label={t('category')} value={f.category} onChange={(e) => set({ category: e.currentTarget.value })} name="category">
        <option value="">
          {t('category')}: {t('all')}
        </option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {tx(CATEGORY_LABELS[c])}
          </option>
        ))}
      </select>
      <select
        aria-label={t('department')}
        value={f.department}
        onChange={(e) => set({ department: e.currentTarget.value })}
        name="department"
      >
        <option value="">
          {t('department')}: {t('all')}
        </option>
        {setup?.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {tx(d.name)}
          </option>
        ))}
      </select>
      <select aria-label={t('location')} value={f.location} onChange={(e) => set({ location: e.currentTarget.value })} name="location">
        <option value="">
          {t('location')}: {t('all')}
        </option>
        {setup?.locations.map((l) => (
          <option key={l.id} value={l.id}>
            {tx(l.name)}
          </option>
        ))}
      </select>
      <select aria-label={t('source')} value={f.source} onChange={(e) => set({ source: e.currentTarget.value })} name="source">
        <option value="">
          {t('source')}: {t('all')}
        </option>
        {ISSUE_SOURCES.map((s) => (
          <option key={s} value={s}>
            {tx(SOURCE_LABELS[s])}
          </option>
        ))}
      </select>
      <label>
        {t('from')} <input type="date" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label>
        {t('to')} <input type="date" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} />
      </label>
    </form>
  );
}
