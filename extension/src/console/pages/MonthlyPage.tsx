import { useState } from 'preact/hooks';
import { API, checkDeductions, dateIn, monthIn, scoreSheet, type Deduction, type Severity } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx, errorText } from '../../common/i18n.ts';
import { Bars, Chart } from '../charts.tsx';
import { estateZone, useSetup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { SeveritySelect, useAsync } from '../ui.tsx';
import { t } from '../words.ts';

type Draft = { itemId: string; points: number; note: string; locationId: string; raiseIssue: boolean; severity: Severity };

/** 每月全面检查: run the deduction sheet; a deduction can raise an issue; compare with previous months. */
export default function MonthlyPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const { data, reload } = useAsync(() => call(API.monthly, { params: { estateId } }), [estateId]);
  const [month, setMonth] = useState(() => monthIn(Date.now(), estateZone(estateId)));
  const [date, setDate] = useState(() => dateIn(Date.now(), estateZone(estateId)));
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [result, setResult] = useState('');
  const [error, setError] = useState('');
  const [id, setId] = useState(() => crypto.randomUUID());
  const sheet = data?.sheet;
  if (!sheet) return <p>{t('loading')}</p>;
  const live = scoreSheet(sheet, drafts);
  // Checked as it is typed, by the rule the server applies: a row past its item's cap says so, and nothing is sent.
  const over = new Set(checkDeductions(sheet, drafts).map((e) => e.index));
  const items = sheet.sections.flatMap((s) => s.items.map((i) => ({ ...i, section: s.id })));
  const set = (n: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, i) => (i === n ? { ...d, ...patch } : d)));

  const submit = async () => {
    setError('');
    try {
      const deductions: Deduction[] = drafts.map((d) => ({
        itemId: d.itemId,
        points: d.points,
        note: d.note.trim(),
        locationId: d.locationId || null,
        photos: [],
        raiseIssue: d.raiseIssue,
        severity: d.severity,
      }));
      const r = await call(API.submitMonthly, {
        params: { estateId },
        json: { id, month, sheetId: sheet.id, sheetVersion: sheet.version, inspectedOn: date, deductions },
      });
      setResult(`${t('submitted')}: ${t('score')} ${r.total} · ${r.issues.length} ${t('issuesRaised')}`);
      setDrafts([]);
      setId(crypto.randomUUID());
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const history = [...(data?.inspections ?? [])].sort((a, b) => a.month.localeCompare(b.month));
  return (
    <section data-testid="monthly-page">
      <h2>
        {t('monthly')} · {tx(sheet.name)}
      </h2>
      <p>
        <label>
          {t('month')} <input type="month" value={month} onInput={(e) => setMonth(e.currentTarget.value)} name="month" />
        </label>{' '}
        <label>
          {t('inspectedOn')} <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </p>
      <div class="cards">
        {live.sections.map((s) => (
          <div class="card" key={s.sectionId}>
            <div class="big">{s.score}</div>
            {tx(sheet.sections.find((x) => x.id === s.sectionId)?.name)} / {s.max}
          </div>
        ))}
        <div class="card">
          <div class="big" data-testid="live-total">
            {live.total}
          </div>
          {t('total')} / {live.max}
        </div>
      </div>
      <table class="grid" data-testid="deductions">
        <thead>
          <tr>
            <th>{t('item')}</th>
            <th>{t('points')}</th>
            <th>{t('note')}</th>
            <th>{t('location')}</th>
            <th>{t('raiseIssue')}</th>
            <th>{t('severity')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, n) => (
            <tr key={n}>
              <td>
                <select value={d.itemId} onChange={(e) => set(n, { itemId: e.currentTarget.value })} name="item">
                  {items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {tx(i.label)} (≤{i.maxDeduction})
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min={0.5}
                  step={0.5}
                  value={d.points}
                  onInput={(e) => set(n, { points: Number(e.currentTarget.value) })}
                  name="points"
                  style={{ width: '5em' }}
                  aria-invalid={over.has(n)}
                />
                {over.has(n) ? (
                  <p class="error" role="alert" data-testid="over-cap">
                    {t('atMost')} {items.find((i) => i.id === d.itemId)?.maxDeduction} {t('pointsUnit')}
                  </p>
                ) : null}
              </td>
              <td>
                <input value={d.note} onInput={(e) => set(n, { note: e.currentTarget.value })} name="note" />
              </td>
              <td>
                <select value={d.locationId} onChange={(e) => set(n, { locationId: e.currentTarget.value })}>
                  <option value="">—</option>
                  {setup?.locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {tx(l.name)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={d.raiseIssue}
                  onChange={(e) => set(n, { raiseIssue: e.currentTarget.checked })}
                  name="raise"
                />
              </td>
              <td>
                <SeveritySelect value={d.severity} onChange={(severity) => set(n, { severity })} />
              </td>
              <td>
                <button type="button" onClick={() => setDrafts(drafts.filter((_, i) => i !== n))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button
          type="button"
          onClick={() =>
            setDrafts([...drafts, { itemId: items[0].id, points: 1, note: '', locationId: '', raiseIssue: false, severity: 'general' }])
          }
          data-testid="add-deduction"
        >
          {t('addDeduction')}
        </button>{' '}
        <button type="button" class="primary" onClick={() => void submit()} disabled={over.size > 0} data-testid="submit-monthly">
          {t('submit')}
        </button>
      </p>
      {result ? (
        <p role="status" data-testid="monthly-result">
          {result}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <Chart title={t('previous')}>
        <Bars rows={history.map((h) => ({ label: h.month, value: h.total }))} max={100} target={90} />
      </Chart>
      <DataTable
        name="monthly-scores"
        header={[t('month'), ...sheet.sections.map((s) => tx(s.name)), t('total')]}
        rows={history.map((h) => [
          h.month,
          ...sheet.sections.map((s) => h.sections.find((x) => x.sectionId === s.id)?.score ?? null),
          h.total,
        ])}
      />
    </section>
  );
}
