/** Read and validate a JSON body with its one shared schema; errors name the field. */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { parse, parseTimeQuery } from '../../shared/index.ts';
import { HttpError, badRequest } from './errors.ts';

export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new HttpError(415, 'send the body as application/json');
  // Already capped while it streamed (http/body-limit.ts), so reading it whole is bounded.
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('body is not valid JSON');
  }
  const r = parse(schema, data);
  if (!r.ok)
    throw badRequest(
      `invalid ${r.errors.map((e) => e.path).join(', ')}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      r.errors,
    );
  return r.value;
}

/** Parse a query-string value list like "?status=assigned,reopened" against allowed values. */
export function listParam<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (!value) return undefined;
  const parts = value.split(',').filter(Boolean);
  const bad = parts.filter((p) => !allowed.includes(p as T));
  if (bad.length)
    throw badRequest(`${name}: unknown value ${bad.join(', ')}`, [
      { path: name, message: `must be among ${allowed.join(', ')}`, rule: 'picklist' },
    ]);
  return parts as T[];
}

/**
 * `from` / `to` in a query, read in the estate's zone (shared/time/calendar.ts): a date is the estate's
 * local midnight, a time must carry its offset. Anything else is a 400 naming the parameter.
 */
export function timeParam(value: string | undefined, name: string, timeZone: string, edge: 'start' | 'end'): number | undefined {
  if (value === undefined || value === '') return undefined;
  const r = parseTimeQuery(value, timeZone, edge);
  if (!r.ok) throw badRequest(`${name}: ${r.message}`, [{ path: name, message: r.message }]);
  return r.at;
}

/** `limit` (1–5000, by default 200) and `offset` (≥ 0) of a paged list. */
export function pageParams(q: Record<string, string | undefined>): { limit: number; offset: number } {
  const limit = q.limit ? Number(q.limit) : 200;
  const offset = q.offset ? Number(q.offset) : 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
    throw badRequest('limit: must be 1–5000', [{ path: 'limit', message: 'out of range', rule: 'range' }]);
  if (!Number.isInteger(offset) || offset < 0)
    throw badRequest('offset: must be ≥ 0', [{ path: 'offset', message: 'out of range', rule: 'range' }]);
  return { limit, offset };
}
