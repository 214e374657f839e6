/** Tables that export themselves to CSV (same formula-safe writer as the server). */
import type { ComponentChildren } from 'preact';
import { toCsv, type Cell } from '../../../shared/index.ts';
import { t } from './words.ts';

export function download(name: string, header: string[], rows: Cell[][]): void {
  const url = URL.createObjectURL(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataTable({
  name,
  header,
  rows,
  children,
  actions,
}: {
  name: string;
  header: string[];
  rows: Cell[][];
  children?: ComponentChildren;
  /** What can be done about a row (a button, a decision): shown in a last column, never exported. */
  actions?: { header: string; of: (row: number) => ComponentChildren };
}) {
  return (
    <div class="table-block">
      <div class="table-tools">
        {children}
        <button type="button" class="no-print" onClick={() => download(name, header, rows)} data-testid={`csv-${name}`}>
          {t('exportCsv')}
        </button>
      </div>
      <table class="grid" data-testid={`table-${name}`}>
        <thead>
          <tr>
            {header.map((h) => (
              <th key={h}>{h}</th>
            ))}
            {actions ? <th>{actions.header}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, k) => (
                <td key={k} class={typeof c === 'number' ? 'num' : ''}>
                  {c === null || c === undefined ? '' : String(c)}
                </td>
              ))}
              {actions ? <td>{actions.of(i)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
