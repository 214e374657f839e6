/** CSV shared by the server exports and the console's table exports. */
/** CSV for spreadsheets: UTF-8 with BOM (Excel reads Chinese), RFC 4180 quoting, no formula injection. */

export type Cell = string | number | boolean | null | undefined;

/** A cell that a spreadsheet would run as a formula is prefixed with ' so it stays text. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
