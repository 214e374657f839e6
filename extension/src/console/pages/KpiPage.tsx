import { useState } from 'preact/hooks';
import { ROLE_LABELS, monthIn, previousMonth, type LocalText, type Role } from '../../../../shared/index.ts';
import { estateZone } from '../data.ts';
import { api } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { pct } from '../charts.tsx';
import { DataTable } from '../table.tsx';
import { useAsync } from '../ui.tsx';
import { w } from '../words.ts';

interface Rate { count: number; of: number; rate: number | null }
interface Kpi {
  people: { userId: string; name: string; role: Role; slotsFilled: number; onTime: Rate; voluntary: number; trainingHours: number; training: Rate }[];
  departments: { departmentId: string; name?: LocalText; assigned: number; onTime: Rate; reopen: Rate }[];
  patrolTotal: { completionRate: number | null; onTimeRate: number | null };
}


/** 绩效考核: the quality figures per person and per department for a month; prints as the monthly report. */
export default function KpiPage({ estateId }: { estateId: string }) {
  // Last month in the estate's calendar (at 00:30 on 1 December in Shanghai it is November, whatever the laptop says).
  const [month, setMonth] = useState(() => previousMonth(monthIn(Date.now(), estateZone(estateId))));
  const { data, error } = useAsync(() => api<Kpi>(`/api/estates/${estateId}/analysis/kpi?month=${month}`), [estateId, month]);
  return (
    <section data-testid="kpi-page">
      <h2>{w('kpi')} · {month}</h2>
      <p class="no-print">
        {w('month')} <input type="month" value={month} onInput={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />{' '}
        <button type="button" onClick={() => print()}>{w('printReport')}</button>
      </p>
      <h3 class="print-title">{w('monthlyReport')} · {month}</h3>
      {error ? <p class="error">{error}</p> : null}
      {data ? (
        <>
          <div class="cards">
            <div class="card"><div class="big">{pct(data.patrolTotal.completionRate)}</div>{w('completion')}</div>
            <div class="card"><div class="big">{pct(data.patrolTotal.onTimeRate)}</div>{w('onTime')}</div>
          </div>
          <h3>{w('byPerson')}</h3>
          <DataTable
            name="kpi-people"
            header={[w('person'), w('role'), w('slotsFilled'), w('onTime'), w('voluntary'), w('trainingHours'), w('trainingRate')]}
            rows={data.people.map((p) => [p.name, tx(ROLE_LABELS[p.role]), p.slotsFilled, pct(p.onTime.rate), p.voluntary, p.trainingHours, pct(p.training.rate)])}
          />
          <h3>{w('department')}</h3>
          <DataTable
            name="kpi-departments"
            header={[w('department'), w('assigned'), w('rectified'), w('onTime'), w('reopenRate')]}
            rows={data.departments.map((d) => [tx(d.name), d.assigned, d.onTime.of, pct(d.onTime.rate), pct(d.reopen.rate)])}
          />
        </>
      ) : null}
    </section>
  );
}
