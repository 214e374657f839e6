/**
 * Routes are registered from the shared contract (shared/api/endpoints.ts): the method and path come from
 * there, the body is read with the endpoint's one schema, and the handler's answer must be the endpoint's
 * answer type, so the server cannot drift from what its clients expect.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AnswerOf, Endpoint, ParamsOf, ParsedBodyOf } from '../../shared/index.ts';
import type { Env } from './auth.ts';
import { readJson } from './body.ts';
import { textAnswer } from './compress.ts';

/** A success answered with a status other than 200. */
export class Answered<A> {
  constructor(
    readonly status: 200 | 201,
    readonly body: A,
  ) {}
}

/** 201: a record was made. */
export const created = <A>(body: A) => new Answered(201, body);

/** A record made now (201), or the receipt of one made before (200, a retry). */
export const receipt = <A>(r: { receipt: A; replayed: boolean }) => new Answered(r.replayed ? 200 : 201, r.receipt);

declare const RAW: unique symbol;
/** An answer that is not the endpoint's JSON: a CSV export, image bytes, a body with its own cache headers. */
export type Raw = Response & { readonly [RAW]: true };
export const raw = (res: Response): Raw => res as Raw;

export interface RouteRequest<E extends Endpoint> {
  params: ParamsOf<E>;
  /** The JSON body, checked with the endpoint's schema. Read it once the caller's role is known to fit. */
  body(): Promise<ParsedBodyOf<E>>;
}

export type Handler<E extends Endpoint> = (c: Context<Env>, req: RouteRequest<E>) => Promise<AnswerOf<E> | Answered<AnswerOf<E>> | Raw>;

export function route<E extends Endpoint>(app: Hono<Env>, e: E, handler: Handler<E>, ...before: MiddlewareHandler<Env>[]): void {
  const body = (c: Context<Env>) => {
    if (!e.body) throw new TypeError(`${e.method} ${e.path} takes no JSON body`);
    return readJson(c, e.body) as Promise<ParsedBodyOf<E>>;
  };
  app.on(e.method, [e.path], ...before, async (c) => {
    const out = await handler(c, { params: c.req.param() as ParamsOf<E>, body: () => body(c) });
    if (out instanceof Response) return out;
    const [status, answer] = out instanceof Answered ? [out.status, out.body] : [200 as const, out];
    return textAnswer(c, JSON.stringify(answer), status, { 'content-type': 'application/json' });
  });
}
