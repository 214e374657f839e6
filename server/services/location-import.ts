/**
 * CSV import of locations for large estates: the Chinese or English column names and kinds people write, every line
 * checked first, then all written (with the buildings they name), or none.
 */
import { randomUUID } from 'node:crypto';
import {
  LOCATION_IMPORT_COLUMNS,
  LOCATION_KINDS,
  LOCATION_KIND_LABELS,
  type Building,
  type Location,
  type LocationKind,
} from '../../shared/index.ts';
import { newPublicCode } from '../security/crypto.ts';

export interface ImportResult {
  locations: Location[];
  newBuildings: Building[];
  errors: LineError[];
}

/** A wrong line of an imported file, said in both languages (the column names are the file's own). */
export interface LineError {
  line: number;
  message: string;
  zh: string;
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

type Column = keyof typeof LOCATION_IMPORT_COLUMNS;

/** Other names people give the kinds of place in their sheets. */
const KIND_ALIASES: Record<string, LocationKind> = {
  消防站: 'fire_point',
  消防栓: 'fire_point',
  楼梯: 'corridor',
  车库: 'car_park',
  地下车库: 'car_park',
  岗亭: 'gate',
  绿化: 'green_area',
  机房: 'plant_room',
  前台: 'service_desk',
  客服中心: 'service_desk',
};

/** A kind as written: its id (lobby), its Chinese or English label or a part of one (大堂, 楼梯间, Lift), or an alias. */
function kindOf(written: string): LocationKind | undefined {
  const w = written.trim().toLowerCase();
  const names = (k: LocationKind) =>
    [LOCATION_KIND_LABELS[k].zh, LOCATION_KIND_LABELS[k].en].flatMap((label) =>
      [label, ...label.split('/')].map((n) => n.trim().toLowerCase()),
    );
  return KIND_ALIASES[w] ?? LOCATION_KINDS.find((k) => k === w || names(k).includes(w));
}

export function importLocations(csv: string, estateId: string, buildings: Building[]): ImportResult {
  const rows = parseCsv(csv);
  const errors: ImportResult['errors'] = [];
  const header = rows.shift()?.map((h) => h.trim().toLowerCase()) ?? [];
  const idx = Object.fromEntries(
    (Object.keys(LOCATION_IMPORT_COLUMNS) as Column[]).map((c) => [
      c,
      header.findIndex((h) => (LOCATION_IMPORT_COLUMNS[c] as readonly string[]).includes(h)),
    ]),
  ) as Record<Column, number>;
  for (const c of ['kind', 'name_zh'] as const)
    if (idx[c] < 0) errors.push({ line: 1, message: `missing column ${c}`, zh: `缺少“${LOCATION_IMPORT_COLUMNS[c][0]}”列` });
  if (errors.length) return { locations: [], newBuildings: [], errors };
  if (rows.length > 20_000)
    return {
      locations: [],
      newBuildings: [],
      errors: [{ line: 1, message: 'at most 20,000 lines per import', zh: '每次最多导入 20,000 行' }],
    };
  const locations: Location[] = [];
  // Buildings the file names that do not exist yet are made with the locations, once each.
  const newBuildings: Building[] = [];
  for (const [n, r] of rows.entries()) {
    const line = n + 2;
    const written = r[idx.kind]?.trim() ?? '';
    const kind = kindOf(written);
    const zh = r[idx.name_zh]?.trim() ?? '';
    const en = (idx.name_en >= 0 ? r[idx.name_en]?.trim() : '') || zh;
    const b = idx.building >= 0 ? (r[idx.building]?.trim() ?? '') : '';
    if (!kind) {
      errors.push({
        line,
        message: `kind "${written}" is not one of ${LOCATION_KINDS.map((k) => LOCATION_KIND_LABELS[k].en).join(', ')}`,
        zh: `点位类型“${written}”不是可选的类型(${LOCATION_KINDS.map((k) => LOCATION_KIND_LABELS[k].zh).join('、')})`,
      });
      continue;
    }
    if (!zh || zh.length > 200 || en.length > 200) {
      errors.push({ line, message: 'name_zh is required (at most 200 characters)', zh: '点位名称必填,最多 200 个字' });
      continue;
    }
    if (b.length > 200) {
      errors.push({ line, message: 'building is longer than 200 characters', zh: '楼栋名称最多 200 个字' });
      continue;
    }
    let building = b ? [...buildings, ...newBuildings].find((x) => x.id === b || x.name.zh === b || x.name.en === b) : null;
    if (b && !building) {
      building = { id: randomUUID(), estateId, name: { zh: b, en: b } };
      newBuildings.push(building);
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
  return errors.length ? { locations: [], newBuildings: [], errors } : { locations, newBuildings, errors };
}
