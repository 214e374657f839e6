/** Builds the dependencies from a config and starts listening; used by main.ts, tests and the bench. */
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Deps } from './context.ts';
import { LoginThrottle } from './http/login-throttle.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { BlobStore } from './photos/blob-store.ts';
import { newSecret } from './security/crypto.ts';
import { PatrolBoard } from './services/patrol-board.ts';
import { lockDataFolder } from './storage/data-folder.ts';
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

export function buildDeps(config: Config, clock: () => number = Date.now): Deps {
  mkdirSync(config.dataDir, { recursive: true });
  const lock = lockDataFolder(config.dataDir);
  let sqlite: Store;
  try {
    sqlite = createSqliteStore(join(config.dataDir, 'pqm.sqlite'));
  } catch (e) {
    lock.release();
    throw e;
  }
  // Closing the store also lets go of the folder.
  const store: Store = {
    ...sqlite,
    close: () => {
      sqlite.close();
      lock.release();
    },
  };
  return {
    store,
    board: new PatrolBoard(store),
    blobs: new BlobStore(join(config.dataDir, 'blobs')),
    limiter: new RateLimiter(),
    logins: new LoginThrottle(),
    clock,
    secret: loadSecret(config.dataDir),
    config: {
      publicUrl: config.publicUrl,
      staticDir: config.staticDir,
      trustProxy: config.trustProxy,
      sessionDays: config.sessionDays,
      sessionIdleMs: config.sessionIdleHours * 3_600_000,
      https: Boolean(config.tlsCert) || config.publicUrl.startsWith('https://'),
    },
  };
}

export async function startServer(config: Config, deps: Deps = buildDeps(config)): Promise<Running> {
  const app = createApp(deps);
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : null;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}) },
      () => resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${port}`,
    deps,
    // Stop taking new connections, let the requests in flight finish (for up to `graceMs`), then close.
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
        const force = setTimeout(() => http.closeAllConnections?.(), graceMs);
        // A keep-alive connection becomes idle when its last request finishes: end it then, not at its timeout.
        const sweep = setInterval(() => http.closeIdleConnections?.(), 50);
        server.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          deps.store.close();
          resolve();
        });
        http.closeIdleConnections?.();
      }),
  };
}
