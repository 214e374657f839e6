/** Calls to the sync server with the stored session. Used by the worker and by console pages. */
import { getSession } from './auth-store.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiResponse<T> {
  status: number;
  body: T | null;
  etag: string | null;
}

export async function apiRaw<T>(
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
  if (!type.includes('application/json')) throw new ApiError(res.ok ? 502 : res.status, `unexpected answer (${res.status})`);
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `error ${res.status}`);
  return { status: res.status, body, etag: res.headers.get('etag') };
}

export async function api<T>(path: string, o: { method?: string; json?: unknown } = {}): Promise<T> {
  return (await apiRaw<T>(path, o)).body as T;
}

/** Staff photos need the session header; returns an object URL the caller revokes. */
export async function photoUrl(sha256: string): Promise<string | null> {
  const session = await getSession();
  if (!session) return null;
  const res = await fetch(`${session.server}/api/photos/${sha256}`, { headers: { authorization: `Bearer ${session.token}` } }).catch(
    () => null,
  );
  if (!res?.ok || !res.headers.get('content-type')?.startsWith('image/')) return null;
  return URL.createObjectURL(await res.blob());
}
