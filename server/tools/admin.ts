/**
 * `npm run admin -- <command>`: recovery on the server itself (services/operator.ts). It works on the same database as
 * the server (DATA_DIR's SQLite file, or DATABASE_URL), also while the server runs.
 *   list-users                                  every account and its roles
 *   create-admin <username> [--estate ID] [--name NAME]   a new administrator; prints its password once
 *   reset-password <username>                   a new password (printed once); the account is enabled, its sessions end
 *   setup-link                                  a fresh one-time setup link, while the server has no account
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { issueSetupLink } from '../services/first-run.ts';
import { OperatorError, createAdmin, describeUsers, resetPassword } from '../services/operator.ts';
import { openPostgres } from '../storage/postgres/index.ts';
import { createSqliteStore } from '../storage/sqlite/index.ts';
import type { Store } from '../storage/store.ts';

const USAGE = `usage: npm run admin -- <command> [--data-dir DIR]
  list-users
  create-admin <username> [--estate ID] [--name NAME]
  reset-password <username>
  setup-link`;

const { values, positionals } = parseArgs({
  options: { 'data-dir': { type: 'string' }, estate: { type: 'string' }, name: { type: 'string' } },
  allowPositionals: true,
});
const config = loadConfig(values['data-dir'] ? ['--data-dir', values['data-dir']] : []);

async function open(): Promise<Store> {
  if (config.databaseUrl) return (await openPostgres(config.databaseUrl, { poolSize: 2 })).store;
  const file = join(config.dataDir, 'pqm.sqlite');
  if (!existsSync(file)) throw new OperatorError(`no database in ${config.dataDir}: start the server once, or give --data-dir`);
  return createSqliteStore(file);
}

async function run(store: Store, [command, arg]: string[]): Promise<string> {
  const now = Date.now();
  switch (command) {
    case 'list-users':
      return describeUsers(store);
    case 'create-admin': {
      if (!arg) throw new OperatorError(USAGE);
      const made = await createAdmin(store, { username: arg, displayName: values.name, estateId: values.estate }, now);
      return `administrator ${arg} of ${made.estateId} created. Password (shown once, change it after signing in): ${made.password}`;
    }
    case 'reset-password': {
      if (!arg) throw new OperatorError(USAGE);
      return `new password for ${arg} (shown once; their sessions have ended): ${await resetPassword(store, arg)}`;
    }
    case 'setup-link': {
      const link = await issueSetupLink({ store, clock: Date.now, publicUrl: config.publicUrl });
      return link ?? 'this server has accounts already: use create-admin or reset-password';
    }
    default:
      throw new OperatorError(USAGE);
  }
}

let store: Store | undefined;
try {
  store = await open();
  console.log(await run(store, positionals));
} catch (e) {
  if (!(e instanceof OperatorError)) throw e;
  console.error(`pqm admin: ${e.message}`);
  process.exitCode = 1;
} finally {
  await store?.close();
}
