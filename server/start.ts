/** Builds the dependencies from a config and starts listening; used by main.ts, tests and the bench. */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { MemoryCounters, type Counters } from './storage/counters.ts';
import { LoginThrottle } from './http/login-throttle.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { BlobStore, FileBlobs, type BlobBackend } from './photos/blob-store.ts';
import { newSecret } from './security/crypto.ts';
import { Deliverer } from './services/delivery.ts';
import { PatrolBoard } from './services/patrol-board.ts';
import { StartupError, lockDataFolder } from './storage/data-folder.ts';
import { describeDiskProblem, diskProblem } from './storage/disk-errors.ts';
import { openPostgres, type PostgresBackend } from './storage/postgres/index.ts';
import { createSqliteStore } from './storage/sqlite/index.ts';
import type { Store } from './storage/store.ts';

export interface Running {
  url: string;
  deps: Deps;
  /** Graceful: no new requests, those in flight finish (up to `graceMs`), then the store closes. */
  close(graceMs?: number): Promise<void>;
}

/** The server secret lives in the data folder so tracking links survive restarts. */
function loadSecret(dataDir: string): string {
  const file = join(dataDir, 'server-secret');
  if (!existsSync(file)) writeFileSync(file, newSecret(), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

export async function buildDeps(config: Config, clock: () => number = Date.now): Promise<Deps> {
  if (config.databaseUrl) return openPostgresBackend(config, clock);
  const before = existsSync(config.dataDir) ? new Set(readdirSync(config.dataDir)) : null;
  try {
    return await openDataFolder(config, clock);
  } catch (e) {
    const problem = diskProblem(e);
    if (!problem) throw e;
    // Nothing half-made is left behind: what this start created goes again.
    for (const name of existsSync(config.dataDir) ? readdirSync(config.dataDir) : [])
      if (!before?.has(name)) rmSync(join(config.dataDir, name), { recursive: true, force: true });
    if (!before) rmSync(config.dataDir, { recursive: true, force: true });
    throw new StartupError(`cannot use the data folder ${config.dataDir}: ${describeDiskProblem(problem)}`);
  }
}

/** A start must be able to write: a small probe, written and synced, so a full disk is found now, not at the first sign-in. */
function probeWrite(dataDir: string): void {
  const probe = join(dataDir, '.write-probe');
  try {
    writeFileSync(probe, Buffer.alloc(256 * 1024), { flush: true });
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Recursive mkdir reports a read-only parent as ENOENT; the plain one says what is really wrong. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT' && existsSync(dirname(dir))) mkdirSync(dir);
    throw e;
  }
}

/** The embedded default: everything in the data folder, which belongs to this one server (pqm.lock). */
async function openDataFolder(config: Config, clock: () => number): Promise<Deps> {
  makeFolder(config.dataDir);
  probeWrite(config.dataDir);
  const lock = lockDataFolder(config.dataDir);
  let engine: Store;
  let secret: string;
  try {
    engine = createSqliteStore(join(config.dataDir, 'pqm.sqlite'));
    secret = config.secret ?? loadSecret(config.dataDir);
  } catch (e) {
    lock.release();
    throw e;
  }
  // Closing the store also lets go of the folder.
  let open = true;
  const store: Store = {
    ...engine,
    close: async () => {
      if (!open) return;
      open = false;
      await engine.close();
      lock.release();
    },
  };
  const files = new FileBlobs(join(config.dataDir, 'blobs'));
  return assemble(config, clock, { store, blobs: files, counters: new MemoryCounters(), secret });
}

/**
 * PostgreSQL: the records, photos, rate counters and secret all live in the database, so any number of these
 * servers can run side by side and a load balancer may send each request to any of them.
 */
async function openPostgresBackend(config: Config, clock: () => number): Promise<Deps> {
  let backend: PostgresBackend;
  try {
    backend = await openPostgres(config.databaseUrl!);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|28000|3D000)$/.test(code)) {
      throw new StartupError(`cannot use the database ${safeUrl(config.databaseUrl!)}: ${(e as Error).message}`);
    }
    throw e;
  }
  return assemble(config, clock, {
    store: backend.store,
    blobs: backend.blobs,
    counters: backend.counters,
    secret: config.secret ?? (await backend.secret()),
  });
}

const safeUrl = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

function assemble(
  config: Config,
  clock: () => number,
  parts: { store: Store; blobs: BlobBackend; counters: Counters; secret: string },
): Deps {
  const { store, blobs, counters, secret } = parts;
  const deps: Omit<Deps, 'deliveries'> = {
    store,
    board: new PatrolBoard(store.read),
    blobs: new BlobStore(blobs),
    limiter: new RateLimiter(counters),
    logins: new LoginThrottle(counters),
    clock,
    secret,
    // What /healthz checks: the database answers, and the photos' storage can be reached.
    health: async () => {
      await store.ping();
      await blobs.ping();
    },
    config: {
      publicUrl: config.publicUrl,
      staticDir: config.staticDir,
      trustProxy: config.trustProxy,
      sessionDays: config.sessionDays,
      sessionIdleMs: config.sessionIdleHours * 3_600_000,
      https: Boolean(config.tlsCert) || config.publicUrl.startsWith('https://'),
      plainHttpChannelHosts: config.plainHttpChannelHosts,
    },
  };
  return { ...deps, deliveries: new Deliverer(deps) };
}

export async function startServer(config: Config, deps?: Deps): Promise<Running> {
  deps ??= await buildDeps(config);
  const app = createApp(deps);
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : null;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  deps.deliveries.start();
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    deps,
    // Stop taking new connections, let the requests in flight finish (for up to `graceMs`), then close.
    // Once: a second call waits for the first.
    close: (graceMs = 10_000) =>
      (closing ??= new Promise<void>((resolve) => {
        const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
        const force = setTimeout(() => http.closeAllConnections?.(), graceMs);
        // A keep-alive connection becomes idle when its last request finishes: end it then, not at its timeout.
        const sweep = setInterval(() => http.closeIdleConnections?.(), 50);
        deps.deliveries.stop();
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          void deps.store.close().then(resolve);
        });
        http.closeIdleConnections?.();
      })),
  };
}
