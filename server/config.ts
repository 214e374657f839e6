/** Configuration from the environment, with command-line flags taking precedence. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseTrustProxy, type TrustProxy } from './http/client.ts';

/** The repository root (where package.json is), from the source file or the built bundle alike. */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return process.cwd();
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  staticDir: string;
  tlsCert: string | null;
  tlsKey: string | null;
  trustProxy: TrustProxy;
  /** A session ends this long after sign-in, or after this long unused, whichever comes first. */
  sessionDays: number;
  sessionIdleHours: number;
  demo: boolean;
  /** postgres://… for PostgreSQL (several servers may share it); null for the embedded SQLite file in the data folder. */
  databaseUrl: string | null;
  /** SERVER_SECRET: the key behind owners' tracking links; by default made once and kept (data folder or database). */
  secret: string | null;
  /** CHANNEL_HTTP_HOSTS: hosts notification channels may reach over plain HTTP (comma-separated; none by default). */
  plainHttpChannelHosts: string[];
}

export function loadConfig(argv = process.argv.slice(2), env = process.env): Config {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'public-url': { type: 'string' },
      'static-dir': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      demo: { type: 'boolean' },
    },
    strict: true,
  });
  const port = Number(values.port ?? env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${values.port ?? env.PORT}`);
  const tlsCert = values['tls-cert'] ?? env.TLS_CERT ?? null;
  const tlsKey = values['tls-key'] ?? env.TLS_KEY ?? null;
  if (Boolean(tlsCert) !== Boolean(tlsKey)) throw new Error('TLS needs both TLS_CERT and TLS_KEY');
  const host = values.host ?? env.HOST ?? '0.0.0.0';
  const scheme = tlsCert ? 'https' : 'http';
  return {
    port,
    host,
    dataDir: resolve(values['data-dir'] ?? env.DATA_DIR ?? './data'),
    publicUrl: (values['public-url'] ?? env.PUBLIC_URL ?? `${scheme}://localhost:${port}`).replace(/\/+$/, ''),
    staticDir: resolve(values['static-dir'] ?? env.STATIC_DIR ?? join(projectRoot(), 'dist/kiosk')),
    tlsCert,
    tlsKey,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionDays: positive(env.SESSION_DAYS ?? '30', 'SESSION_DAYS'),
    sessionIdleHours: positive(env.SESSION_IDLE_HOURS ?? '72', 'SESSION_IDLE_HOURS'),
    demo: values.demo ?? env.DEMO === '1',
    databaseUrl: databaseUrl(env.DATABASE_URL),
    secret: env.SERVER_SECRET ? serverSecret(env.SERVER_SECRET) : null,
    plainHttpChannelHosts: (env.CHANNEL_HTTP_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  };
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
}

function databaseUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//.test(value))
    throw new Error(
      `DATABASE_URL must be a postgres:// URL (or unset for the embedded SQLite), got ${value.replace(/:[^:@/]*@/, ':***@')}`,
    );
  return value;
}

function serverSecret(value: string): string {
  if (value.length < 32) throw new Error('SERVER_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  return value;
}
