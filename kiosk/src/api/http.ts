import {
  describeError,
  pathOf,
  type AnswerOf,
  type CallArgs,
  type Endpoint,
  type FieldError,
  type Refused,
} from '../../../shared/index.ts';
import { locale } from '../i18n.ts';

/**
 * The PWA's only door to the server. A success is a JSON body of the expected kind:
 * a captive portal's "200 OK" HTML page is an error here, never a receipt.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldError[] = [],
    /** A JSON answer from our own server; false for a proxy's, firewall's or portal's page. */
    readonly ours = true,
    /** The server's code for the refusal (shared/i18n/failures.ts), or the phone's own. */
    readonly code: string | null = ours ? null : 'notOurServer',
  ) {
    super(message);
  }

  /**
   * Worth retrying later: the network, the server, a rate limit, or any answer that is not our server's
   * JSON (a firewall's 403, a proxy's 407, nginx's 413 page). Only our server's own refusal is final.
   */
  get transient(): boolean {
    return !this.ours || this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** What went wrong, in the user's language: the server's refusal by its code, no network, or the phone's own error. */
export function errorText(e: unknown): string {
  return describeError(e, locale());
}

const TOKEN_KEY = 'pqm.token';

export const session = {
  get token(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    try {
      if (token) localStorage.setItem(TOKEN_KEY, token);
      else localStorage.removeItem(TOKEN_KEY);
    } catch {
      // Private mode without storage: the session lasts for this page only.
    }
  },
};

const DEVICE_KEY = 'pqm.device';
let pageDevice: string | null = null;

/**
 * A random key for this phone, sent with every request: photos are credited to whoever sent their bytes,
 * and an owner without an account is "this phone" (server/photos/authors.ts).
 */
export function deviceKey(): string {
  try {
    let key = localStorage.getItem(DEVICE_KEY);
    if (!key) localStorage.setItem(DEVICE_KEY, (key = randomKey()));
    return key;
  } catch {
    return (pageDevice ??= randomKey());
  }
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

const OFFSET_KEY = 'pqm.clockOffset';

/**
 * Server − phone clock in ms, from our server's last Date header (null until one was seen). A record
 * carries it, so the server can put a wrong phone clock right (shared/rules/device-clock.ts).
 */
export function clockOffset(): number | null {
  try {
    const v = localStorage.getItem(OFFSET_KEY);
    return v === null ? null : Number(v);
  } catch {
    return null;
  }
}

export function noteServerClock(res: Response): void {
  const server = Date.parse(res.headers.get('date') ?? '');
  // The header has whole seconds: its middle is the best guess.
  if (Number.isFinite(server)) {
    try {
      localStorage.setItem(OFFSET_KEY, String(Math.round(server + 500 - Date.now())));
    } catch {
      // Private mode: the server measures the offset when the record is sent instead.
    }
  }
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: Blob;
  auth?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-pqm-device': deviceKey(),
    'x-pqm-device-time': String(Date.now()),
  };
  const token = session.token;
  if (o.auth !== false && token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.body) {
    headers['content-type'] = o.body.type || 'application/octet-stream';
    body = o.body;
  }
  return readAnswer<T>(fetch(path, { method: o.method ?? (body ? 'POST' : 'GET'), headers, body, signal: o.signal, cache: 'no-store' }));
}

/** Our server's JSON answer to a request already sent, or the ApiError that says what came instead. */
export async function readAnswer<T>(sent: Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await sent;
  } catch {
    throw new ApiError(0, 'offline');
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) noteServerClock(res);
  if (!type.includes('application/json')) {
    // A login page, a proxy's error page, a captive portal: whatever it is, it is not our server's answer.
    throw new ApiError(
      res.ok ? 502 : res.status || 502,
      `unexpected ${res.status} answer that is not JSON (a proxy or portal?)`,
      [],
      false,
    );
  }
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    throw new ApiError(502, 'unreadable answer', [], false);
  }
  if (!res.ok) {
    const err = data as Partial<Refused>;
    throw new ApiError(res.status, err.error ?? `error ${res.status}`, err.fields ?? [], true, err.code ?? null);
  }
  return data as T;
}

/** Options of a call beyond the contract's own: whether to send the session, and a way to give up. */
type CallOptions = { auth?: boolean; signal?: AbortSignal };

/**
 * Calls one endpoint of the shared contract (shared/api/endpoints.ts): the path is filled from `params`,
 * the body is the endpoint's, and the answer has the endpoint's type.
 */
export function call<E extends Endpoint>(e: E, args: CallArgs<E> & CallOptions): Promise<AnswerOf<E>> {
  return api<AnswerOf<E>>(pathOf(e, args.params, args.query), { method: e.method, json: args.json, auth: args.auth, signal: args.signal });
}
