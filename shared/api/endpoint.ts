/**
 * One typed contract for every request and response. An endpoint names its method and path, the one
 * schema its body is checked with (by the client before sending and by the server on arrival), and the
 * type of a successful answer. The server registers its routes from these, and the PWA, the extension and
 * the tests call them through their small clients, so no side restates the other's shapes.
 */
import type * as v from 'valibot';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The `:name` segments of a path template, e.g. "estateId" | "id" for /api/estates/:estateId/locations/:id. */
type ParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in ParamName<P>]: string };

declare const ANSWER: unique symbol;

/** Carries an answer's type and nothing else: `answer<Me>()`. */
export interface AnswerType<A> {
  readonly [ANSWER]?: A;
}

export const answer = <A>(): AnswerType<A> => ({});

export interface Endpoint<
  M extends Method = Method,
  P extends string = string,
  S extends v.GenericSchema | null = v.GenericSchema | null,
  A = unknown,
> extends AnswerType<A> {
  readonly method: M;
  readonly path: P;
  /** The JSON body's schema; null for a request with no JSON body (a GET, an action, raw photo bytes). */
  readonly body: S;
}

export type AnswerOf<E> = E extends AnswerType<infer A> ? A : never;
/** What a client sends (before the schema's defaults and trimming). */
export type BodyOf<E> = E extends { body: infer S } ? (S extends v.GenericSchema ? v.InferInput<S> : never) : never;
/** What the server reads once the schema has checked it. */
export type ParsedBodyOf<E> = E extends { body: infer S } ? (S extends v.GenericSchema ? v.InferOutput<S> : never) : never;
export type ParamsOf<E> = E extends { path: infer P extends string } ? PathParams<P> : never;

export const get = <P extends string, A>(path: P, _: AnswerType<A>): Endpoint<'GET', P, null, A> => ({ method: 'GET', path, body: null });

export const post = <P extends string, S extends v.GenericSchema | null, A>(
  path: P,
  body: S,
  _: AnswerType<A>,
): Endpoint<'POST', P, S, A> => ({
  method: 'POST',
  path,
  body,
});

export const put = <P extends string, S extends v.GenericSchema | null, A>(
  path: P,
  body: S,
  _: AnswerType<A>,
): Endpoint<'PUT', P, S, A> => ({
  method: 'PUT',
  path,
  body,
});

export const del = <P extends string, A>(path: P, _: AnswerType<A>): Endpoint<'DELETE', P, null, A> => ({
  method: 'DELETE',
  path,
  body: null,
});

export type Query = Record<string, string | number | boolean | null | undefined>;

/** The URL path of a call: each `:name` filled (URL-encoded) from `params`, then the query without empty values. */
export function pathOf(e: Endpoint, params: Record<string, string> = {}, query: Query = {}): string {
  const path = e.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${e.method} ${e.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const qs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

/** The options of a call, shaped by the endpoint: `params` when its path has any, `json` when it takes a body. */
export type CallArgs<E extends Endpoint> = ([keyof ParamsOf<E>] extends [never] ? { params?: undefined } : { params: ParamsOf<E> }) &
  ([BodyOf<E>] extends [never] ? { json?: undefined } : { json: BodyOf<E> }) & { query?: Query };
