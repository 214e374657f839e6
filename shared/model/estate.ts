import * as v from 'valibot';
import { Id, Instant, LocalText, finiteNumber } from './common.ts';
import { isValidTimeZone } from '../time/zoned.ts';
import { Schedule } from './schedule.ts';

export const LOCATION_KINDS = [
  'lobby', // 大堂
  'lift', // 电梯
  'fire_point', // 消防站 / 消防设施点
  'car_park', // 停车场
  'corridor', // 楼道 / 楼梯间
  'green_area', // 绿化区
  'plant_room', // 设备房
  'gate', // 门岗 / 岗亭
  'service_desk', // 客服前台
] as const;
export const LocationKind = v.picklist(LOCATION_KINDS, `must be one of ${LOCATION_KINDS.join(', ')}`);
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const TimeZone = v.pipe(v.string(), v.check(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai'));

/** A phone number as people write one: digits, spaces, +, -, parentheses (400-123-4567, +86 21 5555 0100). */
export const Phone = v.pipe(v.string('must be text'), v.trim(), v.regex(/^$|^\+?[0-9][0-9 ()-]{3,24}$/, 'must be a phone number'));

export const Estate = v.object({
  id: Id,
  name: LocalText,
  timeZone: v.optional(TimeZone, 'Asia/Shanghai'),
  households: v.optional(v.pipe(finiteNumber(), v.integer(), v.minValue(0)), 0),
  address: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, 'address is longer than 200 characters')), ''),
  /** The service desk's number, shown to owners where the app cannot help them. */
  servicePhone: v.optional(Phone, ''),
  /** Archived (归档): its history kept, read-only, no patrols owed; null while in service. */
  archivedAt: v.optional(v.nullable(Instant), null),
});
export type Estate = v.InferOutput<typeof Estate>;

export const Building = v.object({ id: Id, estateId: Id, name: LocalText });
export type Building = v.InferOutput<typeof Building>;

/** Public codes go on QR labels: 128 bits of base32 are unguessable yet short enough to type from the label. */
export const PublicCode = v.pipe(v.string(), v.regex(/^[a-z2-7]{26}$/, 'must be a location code of 26 letters/digits'));

/**
 * What a person types from a label: the code's first ten characters (50 bits: still beyond guessing at any rate the
 * server allows), printed as ABCDE-FGHIJ.
 */
export const SHORT_CODE_LENGTH = 10;
export const shortCodeOf = (code: string) => code.slice(0, SHORT_CODE_LENGTH);
/** What a person typed, as a code: dashes and spaces dropped, any case; 0 read as O and 1 as I (base32 has neither digit). */
export const normaliseTypedCode = (typed: string) =>
  typed
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/1/g, 'i')
    .replace(/[^a-z2-7]/g, '');
export const formatShortCode = (code: string) =>
  shortCodeOf(code)
    .toUpperCase()
    .replace(/^(.{5})(.{5})$/, '$1-$2');

export const Location = v.object({
  id: Id,
  estateId: Id,
  buildingId: v.nullable(Id),
  kind: LocationKind,
  name: LocalText,
  code: PublicCode,
  /** Overrides the kind's default schedule; null means "use the template's". */
  schedule: v.nullable(Schedule),
  active: v.boolean(),
});
export type Location = v.InferOutput<typeof Location>;

/** What an admin sends to create or edit a location (the code is issued by the server). */
export const LocationInput = v.object({
  buildingId: v.optional(v.nullable(Id), null),
  kind: LocationKind,
  name: LocalText,
  schedule: v.optional(v.nullable(Schedule), null),
});
export type LocationInput = v.InferOutput<typeof LocationInput>;

/** Locations in bulk, as CSV (server/services/location-import.ts reads the columns). */
export const LocationImportRequest = v.object({
  csv: v.pipe(v.string(), v.minLength(1, 'csv is empty'), v.maxLength(5_000_000, 'csv is larger than 5 MB')),
  /** Check and show what would be imported, writing nothing. */
  preview: v.optional(v.boolean('preview must be true or false'), false),
});

/**
 * The import template's columns, with the Chinese names people use (Excel sheets from property companies), and the
 * English ones. Only the kind and the Chinese name are required.
 */
export const LOCATION_IMPORT_COLUMNS = {
  kind: ['点位类型', '类型', 'kind'],
  name_zh: ['点位名称', '名称', 'name_zh'],
  name_en: ['英文名称', 'name_en'],
  building: ['楼栋', '所属楼栋', 'building'],
} as const;

export const Department = v.object({
  id: Id,
  estateId: Id,
  name: LocalText,
  /** The categories this department is normally responsible for (prefills assignment). */
  categories: v.array(v.string()),
});
export type Department = v.InferOutput<typeof Department>;
