/** `npm start`: the sync server with the embedded SQLite store (and the demo estate on first start with --demo). */
import { join } from 'node:path';
import { loadConfig, projectRoot } from './config.ts';
import { buildDeps, startServer } from './start.ts';
import { StartupError } from './storage/data-folder.ts';
import { seedDemo, DEMO_ACCOUNTS } from './demo/seed.ts';
import { issueSetupLink } from './services/first-run.ts';

const config = loadConfig();
const deps = await (async () => {
  try {
    return await buildDeps(config);
  } catch (e) {
    // What an operator can act on is one clear line, not a stack trace.
    if (e instanceof StartupError) {
      console.error(`pqm: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
})();
if (config.demo && (await deps.store.read.listEstates()).length === 0) {
  const t = Date.now();
  await seedDemo(deps);
  console.log(`Demo estate 示范花园 / Demo Gardens created in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
// A real customer's first start: no account yet, so a one-time link sets up the first administrator.
const setupLink = config.demo ? null : await issueSetupLink({ store: deps.store, clock: deps.clock, publicUrl: config.publicUrl });
const running = await startServer(config, deps);
const base = config.publicUrl;
const [firstEstate] = await deps.store.read.listEstates();
const someLocation = firstEstate && (await deps.store.read.listLocations(firstEstate.id))[0];

console.log(`
物业质量监控 · Property quality monitoring — listening on ${running.url}
  Data folder:        ${config.dataDir}
  PWA:                ${base}/
  A location (QR):    ${someLocation ? `${base}/l/${someLocation.code}` : '(no locations yet)'}
  Extension build:    ${join(projectRoot(), 'dist/extension')}  (chrome://extensions → Load unpacked)
${setupLink ? `  First start · 首次启动: open this one-time link to set up the organisation, the first administrator and estate\n  打开下面的一次性链接,设置公司、首位管理员和第一个项目(仅可使用一次):\n    ${setupLink}\n` : ''}${config.demo ? `  Demo accounts (password ${DEMO_ACCOUNTS.password}):\n${DEMO_ACCOUNTS.users.map((u) => `    ${u.role.padEnd(11)} ${u.username}`).join('\n')}` : ''}
`);

// Stop taking requests, finish the ones in flight, then exit; a second signal does not wait.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
