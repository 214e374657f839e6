import { useMemo, useState } from 'preact/hooks';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  ISSUE_SOURCES,
  SEVERITIES,
  SEVERITY_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  isOpen,
  type Issue,
} from '../../../../shared/index.ts';
import { api } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { estateZone, useNow, useSetup } from '../data.ts';
import { Countdown, useAsync } from '../ui.tsx';
import { w } from '../words.ts';

interface Filters {
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

const EMPTY: Filters = { open: true, status: '', severity: '', category: '', department: '', location: '', source: '', from: '', to: '' };
const PAGE = 200;

/** The issue board: filter, sort by urgency, see deadlines count down, act on many at once. */
export default function IssuesPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const now = useNow();
  const [f, setF] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ department: string; requirement: string } | null>(null);
  const [message, setMessage] = useState('');
  const query = useMemo(() => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(page * PAGE) });
    if (f.open && !f.status) q.set('open', 'true');
    for (const k of ['status', 'severity', 'category', 'source'] as const) if (f[k]) q.set(k, f[k]);
    if (f.department) q.set('department', f.department);
    if (f.location) q.set('location', f.location);
    // Dates go as dates: the server reads them in the estate's calendar, whole days, `to` inclusive.
    if (f.from) q.set('from', f.from);
    if (f.to) q.set('to', f.to);
    return q.toString();
  }, [f, page]);
  const { data, error, reload } = useAsync(() => api<{ total: number; issues: Issue[] }>(`/api/estates/${estateId}/issues?${query}`), [estateId, query]);
  const locations = useMemo(() => new Map(setup?.locations.map((l) => [l.id, l]) ?? []), [setup]);
  const departments = useMemo(() => new Map(setup?.departments.map((d) => [d.id, d]) ?? []), [setup]);
  const set = (patch: Partial<Filters>) => (setF({ ...f, ...patch }), setPage(0), setSelected(new Set()));

  const runBulk = async (make: (i: Issue) => Record<string, unknown> | null) => {
    const chosen = (data?.issues ?? []).filter((i) => selected.has(i.id));
    let done = 0;
    const failures: string[] = [];
    for (const i of chosen) {
      const action = make(i);
      if (!action) continue;
      try {
        await api(`/api/issues/${i.id}/actions`, { json: { id: crypto.randomUUID(), action } });
        done++;
      } catch (e) {
        failures.push(`${tx(locations.get(i.locationId ?? '')?.name)}: ${e instanceof Error ? e.message : e}`);
      }
    }
    setMessage(`${done} ✓${failures.length ? ` · ${failures.length} ✗ ${failures.join('; ')}` : ''}`);
    setSelected(new Set());
    setBulk(null);
    reload();
  };

  const select = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <section data-testid="issues-page">
      <h2>{w('issues')}</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label class="check">
          <input type="checkbox" checked={f.open} onChange={(e) => set({ open: e.currentTarget.checked })} /> {w('openOnly')}
        </label>
        <select aria-label={w('status')} value={f.status} onChange={(e) => set({ status: e.currentTarget.value })} name="status">
          <option value="">{w('status')}: {w('all')}</option>
          {Object.entries(STATUS_LABELS).map(([k, v]) => <option key={k} value={k}>{tx(v)}</option>)}
        </select>
        <select aria-label={w('severity')} value={f.severity} onChange={(e) => set({ severity: e.currentTarget.value })} name="severity">
          <option value="">{w('severity')}: {w('all')}</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{tx(SEVERITY_LABELS[s])}</option>)}
        </select>
        <select aria-label={w('category')} value={f.category} onChange={(e) => set({ category: e.currentTarget.value })} name="category">
          <option value="">{w('category')}: {w('all')}</option>
          {CATEGORIES.map((c) => <option key={c} value={c}>{tx(CATEGORY_LABELS[c])}</option>)}
        </select>
        <select aria-label={w('department')} value={f.department} onChange={(e) => set({ department: e.currentTarget.value })} name="department">
          <option value="">{w('department')}: {w('all')}</option>
          {setup?.departments.map((d) => <option key={d.id} value={d.id}>{tx(d.name)}</option>)}
        </select>
        <select aria-label={w('location')} value={f.location} onChange={(e) => set({ location: e.currentTarget.value })} name="location">
          <option value="">{w('location')}: {w('all')}</option>
          {setup?.locations.map((l) => <option key={l.id} value={l.id}>{tx(l.name)}</option>)}
        </select>
        <select aria-label={w('source')} value={f.source} onChange={(e) => set({ source: e.currentTarget.value })} name="source">
          <option value="">{w('source')}: {w('all')}</option>
          {ISSUE_SOURCES.map((s) => <option key={s} value={s}>{tx(SOURCE_LABELS[s])}</option>)}
        </select>
        <label>{w('from')} <input type="date" value={f.from} onInput={(e) => set({ from: e.currentTarget.value })} /></label>
        <label>{w('to')} <input type="date" value={f.to} onInput={(e) => set({ to: e.currentTarget.value })} /></label>
      </form>
      <div class="bulk">
        <span>{selected.size} {w('selected')}</span>
        <button type="button" disabled={!selected.size} onClick={() => setBulk({ department: setup?.departments[0]?.id ?? '', requirement: '' })}>{w('bulkAssign')}</button>
        <button type="button" disabled={!selected.size} onClick={() => void runBulk((i) => (i.status === 'rectified' ? { type: 'verify', note: '' } : null))}>{w('bulkVerify')}</button>
        {message ? <span class="msg" role="status">{message}</span> : null}
      </div>
      {bulk ? (
        <form class="form inline" onSubmit={(e) => (e.preventDefault(), void runBulk(() => ({ type: 'assign', departmentId: bulk.department, requirement: bulk.requirement.trim(), deadline: null })))}>
          <select value={bulk.department} onChange={(e) => setBulk({ ...bulk, department: e.currentTarget.value })}>
            {setup?.departments.map((d) => <option key={d.id} value={d.id}>{tx(d.name)}</option>)}
          </select>
          <input placeholder={w('requirement')} value={bulk.requirement} required onInput={(e) => setBulk({ ...bulk, requirement: e.currentTarget.value })} />
          <button type="submit" class="primary">{w('assign')}</button>
          <button type="button" onClick={() => setBulk(null)}>{w('cancel')}</button>
        </form>
      ) : null}
      {error ? <p class="error" role="alert">{error}</p> : null}
      <table class="grid" data-testid="issue-table">
        <thead>
          <tr>
            <th><input type="checkbox" aria-label="all" onChange={(e) => setSelected(e.currentTarget.checked ? new Set(data?.issues.map((i) => i.id)) : new Set())} /></th>
            <th>{w('severity')}</th><th>{w('location')}</th><th>{w('category')}</th><th>{w('description')}</th><th>{w('department')}</th><th>{w('status')}</th><th>{w('deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {(data?.issues ?? []).map((i) => {
            const open = isOpen(i);
            return (
              <tr key={i.id} class={`${open && now > i.deadline && i.status !== 'rectified' ? 'overdue' : ''}`} data-issue={i.id}>
                <td><input type="checkbox" checked={selected.has(i.id)} onChange={(e) => select(i.id, e.currentTarget.checked)} /></td>
                <td><span class={`sev sev-${i.severity}`}>{tx(SEVERITY_LABELS[i.severity])}</span></td>
                <td>{tx(locations.get(i.locationId ?? '')?.name)}</td>
                <td>{tx(CATEGORY_LABELS[i.category])}</td>
                <td class="text clip"><a href={`#/issues/${i.id}`}>{i.description}</a></td>
                <td>{tx(departments.get(i.departmentId ?? '')?.name)}</td>
                <td>{tx(STATUS_LABELS[i.status])}{i.verified ? '' : ` · ${w('unverified')}`}</td>
                <td><Countdown deadline={i.deadline} now={now} open={open && i.status !== 'rectified'} timeZone={estateZone(estateId)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="pager">
        {data ? `${data.total} ${w('results')}` : w('loading')}
        {page > 0 ? <button type="button" onClick={() => setPage(page - 1)}>‹</button> : null}
        {data && (page + 1) * PAGE < data.total ? <button type="button" onClick={() => setPage(page + 1)}>›</button> : null}
      </p>
    </section>
  );
}
