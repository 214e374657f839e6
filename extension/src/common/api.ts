/**
 * Calls to the sync server with the stored session, by the shared contract (shared/api/endpoints.ts).
 * Used by the worker and by console pages.
 */
import { API, pathOf, type AnswerOf, type CallArgs, type Endpoint, type FieldError, type Refused } from '../../../shared/index.ts';
import { getSession } from './auth-store.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Each field the server named as wrong. */
    readonly fields: FieldError[] = [],
    /** The server's code for the refusal (shared/i18n/failures.ts), or the extension's own. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T | null;
  etag: string | null;
}

async function request<T>(
  path: string,
  o: { method?: string; json?: unknown; etag?: string | null; server?: string; token?: string | null } = {},
): Promise<ApiResponse<T>> {
  const session = o.server ? null : await getSession();
  const server = o.server ?? session?.server;
  if (!server) throw new ApiError(401, 'not signed in');
  const token = o.token === undefined ? session?.token : o.token;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(server + path, {
      method: o.method ?? (o.json !== undefined ? 'POST' : 'GET'),
      headers,
      body: o.json !== undefined ? JSON.stringify(o.json) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'server unreachable');
  }
  if (res.status === 304) return { status: 304, body: null, etag: o.etag ?? null };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json'))
    throw new ApiError(res.ok ? 502 : res.status, `unexpected answer (${res.status})`, [], 'notOurServer');
  const body = (await res.json()) as T & Partial<Refused>;
  if (!res.ok) throw new ApiError(res.status, body.error ?? `error ${res.status}`, body.fields ?? [], body.code ?? null);
  return { status: res.status, body, etag: res.headers.get('etag') };
}

/** Beyond the contract's own options: a known ETag, or a server and token other than the stored session's (sign-in). */
type CallOptions = { etag?: string | null; server?: string; token?: string | null };

/** One endpoint, with its status and ETag: a 304 has no body. */
export function callRaw<E extends Endpoint>(e: E, args: CallArgs<E>, options: CallOptions = {}): Promise<ApiResponse<AnswerOf<E>>> {
  return request<AnswerOf<E>>(pathOf(e, args.params, args.query), { ...options, method: e.method, json: args.json });
}

/** One endpoint's answer, typed by the contract. */
export async function call<E extends Endpoint>(e: E, args: CallArgs<E>, options: CallOptions = {}): Promise<AnswerOf<E>> {
  return (await callRaw(e, args, options)).body as AnswerOf<E>;
}

/** Staff photos and clips need the session header; returns an object URL the caller revokes. */
export async function mediaUrl(sha256: string): Promise<string | null> {
  const session = await getSession();
  if (!session) return null;
  const res = await fetch(session.server + pathOf(API.photo, { sha: sha256 }), {
    headers: { authorization: `Bearer ${session.token}` },
  }).catch(() => null);
  if (!res?.ok || !/^(image|video)\//.test(res.headers.get('content-type') ?? '')) return null;
  return URL.createObjectURL(await res.blob());
}
