/** CSV import of locations for large estates: every line is checked first, then all are written, or none. */
import { randomUUID } from 'node:crypto';
import { LOCATION_KINDS, type Building, type Location, type LocationKind } from '../../shared/index.ts';
import { newPublicCode } from '../security/crypto.ts';

export interface ImportResult {
  locations: Location[];
  errors: { line: number; message: string }[];
}

/** RFC 4180 fields: commas, quotes and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim()));
}

const COLUMNS = ['kind', 'name_zh', 'name_en', 'building'] as const;

export function importLocations(csv: string, estateId: string, buildings: Building[]): ImportResult {
  const rows = parseCsv(csv);
  const errors: ImportResult['errors'] = [];
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const idx = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  for (const c of ['kind', 'name_zh', 'name_en'] as const)
    if (idx[c] < 0) errors.push({ line: 1, message: `missing column ${c} (expected ${COLUMNS.join(',')})` });
  if (errors.length) return { locations: [], errors };
  if (rows.length > 20_000) return { locations: [], errors: [{ line: 1, message: 'at most 20,000 lines per import' }] };
  const locations: Location[] = [];
  for (const [n, r] of rows.entries()) {
    const line = n + 2;
    const kind = r[idx.kind]?.trim() as LocationKind;
    const zh = r[idx.name_zh]?.trim() ?? '';
    const en = r[idx.name_en]?.trim() ?? '';
    const b = idx.building >= 0 ? (r[idx.building]?.trim() ?? '') : '';
    if (!LOCATION_KINDS.includes(kind)) {
      errors.push({ line, message: `kind "${kind}" is not one of ${LOCATION_KINDS.join(', ')}` });
      continue;
    }
    if (!zh || !en || zh.length > 200 || en.length > 200) {
      errors.push({ line, message: 'name_zh and name_en are required (at most 200 characters)' });
      continue;
    }
    const building = b ? buildings.find((x) => x.id === b || x.name.zh === b || x.name.en === b) : null;
    if (b && !building) {
      errors.push({ line, message: `no building "${b}"` });
      continue;
    }
    locations.push({
      id: randomUUID(),
      estateId,
      buildingId: building?.id ?? null,
      kind,
      name: { zh, en },
      code: newPublicCode(),
      schedule: null,
      active: true,
    });
  }
  return { locations: errors.length ? [] : locations, errors };
}
