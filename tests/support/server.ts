/**
 * A real server for API tests: real HTTP on a free port, a real SQLite file in a temp folder (or, in the
 * api-postgres project, a database of its own in the run's PostgreSQL cluster), and a clock the test moves.
 * Restart keeps the data folder and the database, as a real restart would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config.ts';
import { createEstate } from '../../server/demo/setup.ts';
import { buildDeps, startServer, type Running } from '../../server/start.ts';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { API, pathOf, type AnswerOf, type CallArgs, type Endpoint, type Refused } from '../../shared/index.ts';
import { DEMO_SPEC, PASSWORD, RIVERSIDE_SPEC } from './estates.ts';
import { createDatabase, dropDatabase } from './postgres.ts';

/** 2026-03-02 09:00 in Shanghai: a Monday morning with the hygiene round due. */
export const MONDAY_0900 = Date.parse('2026-03-02T01:00:00Z');

// biome-ignore lint/suspicious/noExplicitAny: a raw request's body is whatever the test is probing; the test asserts its shape.
export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface TestServer {
  url: string;
  running: Running;
  clock: { now: number; advance(ms: number): void };
  dataDir: string;
  // biome-ignore lint/suspicious/noExplicitAny: as ApiResult.
  request<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; json?: unknown; body?: BodyInit | Uint8Array; headers?: Record<string, string> },
  ): Promise<ApiResult<T>>;
  /** One endpoint of the shared contract (shared/api/endpoints.ts), typed by it; `token` signs the call in. */
  call<E extends Endpoint>(
    e: E,
    args: CallArgs<E> & { token?: string; headers?: Record<string, string> },
  ): Promise<ApiResult<AnswerOf<E> & Partial<Refused>>>;
  login(username: string, password?: string): Promise<string>;
  /** A new session, for after the clock has moved past the cached one's idle time. */
  loginAgain(username: string): Promise<string>;
  restart(): Promise<void>;
  /** Raw SQL (with `?` placeholders) on the engine behind the server, on a connection of its own: to look underneath the API. */
  sql(text: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * `estatesSince` is when the two estates were set up (patrols are owed from then): by default 30 days
 * before the test's clock, an estate in service.
 */
export async function startTestServer(
  opts: {
    staticDir?: string | null;
    now?: number;
    port?: number;
    realClock?: boolean;
    estatesSince?: number;
    config?: Partial<Config>;
    /** A fresh install: no estate and no account (the first-run tests). */
    empty?: boolean;
  } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqm-test-'));
  const pgAdmin = testEngine() === 'postgres' ? inject('pgAdminUrl') : null;
  const databaseUrl = pgAdmin ? await createDatabase(pgAdmin) : null;
  // API tests move a fixed clock by hand. Browser tests need time to pass (timers, retries), so their
  // clock runs at real speed but starts at a chosen instant, never at the machine's own date.
  let fixed = opts.now ?? MONDAY_0900;
  let offset = opts.realClock ? fixed - Date.now() : 0;
  const clock = {
    get now() {
      return opts.realClock ? Date.now() + offset : fixed;
    },
    set now(v: number) {
      if (opts.realClock) offset = v - Date.now();
      else fixed = v;
    },
    advance(ms: number) {
      if (opts.realClock) offset += ms;
      else fixed += ms;
    },
  };
  const config: Config = {
    ...loadConfig([], {}),
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    staticDir: opts.staticDir ?? '/nonexistent',
    publicUrl: 'http://pqm.test',
    databaseUrl,
    ...opts.config,
  };
  let deps = await buildDeps(config, () => clock.now);
  const since = opts.estatesSince ?? clock.now - 30 * 86_400_000;
  if (!opts.empty) {
    await createEstate(deps.store, DEMO_SPEC, since);
    await createEstate(deps.store, RIVERSIDE_SPEC, since);
  }
  let running = await startServer(config, deps);
  const tokens = new Map<string, string>();

  const server: TestServer = {
    get url() {
      return running.url;
    },
    get running() {
      return running;
    },
    clock,
    dataDir,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body = o.body;
      if (o.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(o.json);
      }
      const res = await fetch(running.url + path, { method, headers, body: body as BodyInit | undefined });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (CSV, images): keep the text.
      }
      return { status: res.status, body: parsed as ApiResult['body'], headers: res.headers, text };
    },
    call(e, args) {
      return server.request(e.method, pathOf(e, args.params, args.query), { token: args.token, headers: args.headers, json: args.json });
    },
    async login(username, password = PASSWORD) {
      const cached = tokens.get(username);
      if (cached && password === PASSWORD) return cached;
      const r = await server.call(API.login, { json: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      tokens.set(username, r.body.token);
      return r.body.token;
    },
    async loginAgain(username) {
      tokens.delete(username);
      return server.login(username);
    },
    async restart() {
      await running.close();
      // Let this process's fetch client see its pooled sockets closed before reusing the port.
      await new Promise((r) => setTimeout(r, 20));
      deps = await buildDeps({ ...config, port: Number(new URL(running.url).port) }, () => clock.now);
      running = await startServer({ ...config, port: Number(new URL(running.url).port) }, deps);
    },
    async sql(text, params = []) {
      if (databaseUrl) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          let n = 0;
          return (
            await client.query(
              text.replace(/\?/g, () => `$${++n}`),
              [...params],
            )
          ).rows;
        } finally {
          await client.end();
        }
      }
      const db = new Database(join(dataDir, 'pqm.sqlite'));
      try {
        const statement = db.prepare(text);
        if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
        statement.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (pgAdmin && databaseUrl) await dropDatabase(pgAdmin, databaseUrl);
    },
  };
  return server;
}

/** Which engine the API suite runs on: the api-postgres project sets PQM_TEST_ENGINE=postgres. */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.PQM_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}
