/**
 * `npm run bench`: every performance budget, measured and checked. Budgets that depend on the machine are
 * ratios to a floor measured in the same run (issue 15); the figures go to dist/bench.json too. Exits
 * non-zero when a budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../server/config.ts';
import { benchExtension } from './extension.ts';
import { benchGrowth } from './growth.ts';
import { benchPwa } from './pwa.ts';
import { benchServer } from './server.ts';
import { benchPostgres } from './server-postgres.ts';

interface Budget {
  name: string;
  value: number;
  limit: number;
  unit: string;
  atLeast?: boolean;
  /** The floor it is a ratio to, for the report. */
  floor?: string;
  /** Why a miss cannot be mended on this machine (an issue said blocked): printed and kept, not failing the run. */
  blocked?: string;
}
const budgets: Budget[] = [];
const server = await benchServer();
budgets.push({ name: 'HTTP ingest', value: server.ingestRate, limit: 1000, unit: 'inspections/s', atLeast: true });
// Every inspection of the load is answered 201: a fast server that drops some has not ingested them.
budgets.push({ name: 'ingest failures', value: server.ingestFailures, limit: 0, unit: 'requests' });
// Issue 15's goal: ≥ 5,000/s, or within 1.5× of the floor, whichever is lower.
budgets.push({
  name: 'ingest vs floor',
  value: server.ingestRate >= 5000 ? 1 : server.ingestRatio,
  limit: 1.5,
  unit: '× slower',
  floor: `${Math.round(server.ingestFloor)} /s floor, ${Math.round(server.ingestRate)} /s ours`,
});
budgets.push({ name: 'alerts p99', value: server.alertsP99, limit: 20, unit: 'ms' });
budgets.push({ name: 'unchanged poll', value: server.pollBytes, limit: 1024, unit: 'bytes' });
// The same estate on PostgreSQL: alerts as fast, and two servers on it ingest at least as fast as one on SQLite. Both
// need the servers and the database on machines of their own: on these two cores the load generator, two servers and
// PostgreSQL share the CPU, and PostgreSQL's own SELECT 1 has a p99 of 8–14 ms (issue 13, blocked; README).
const ON_ONE_MACHINE = 'issue 13: needs servers and PostgreSQL on machines of their own';
const postgres = await benchPostgres();
budgets.push({ name: 'alerts p99 (PostgreSQL)', value: postgres.pgAlertsP99, limit: 20, unit: 'ms', blocked: ON_ONE_MACHINE });
budgets.push({
  name: '2×PG vs 1×SQLite ingest',
  value: postgres.pgIngestTwo / server.ingestRate,
  limit: 1,
  unit: '×',
  atLeast: true,
  blocked: ON_ONE_MACHINE,
  // What each inspection costs the machine's two cores, which the load generator shares: where the gap comes from.
  floor: `${Math.round(postgres.pgIngestTwo)} /s on two PostgreSQL servers, ${Math.round(server.ingestRate)} /s on one SQLite server; CPU per inspection: ${postgres.pgIngestTwoCpuMs.toFixed(2)} ms for the servers and PostgreSQL, ${server.ingestCpuMs.toFixed(2)} ms for the SQLite server, ${server.loadCpuMs.toFixed(2)} ms for the load generator`,
});
// How cost grows with the estate: 1,000, 10,000 and 100,000 locations (issue 15).
const growth = await benchGrowth();
budgets.push({ name: 'start at 100k locations', value: growth.start100k, limit: 10_000, unit: 'ms' });
budgets.push({
  name: 'growth ×10 locations',
  value: growth.worstGrowth,
  limit: 1.3,
  unit: '× linear',
  floor: `worst: ${growth.worstFigure}`,
});
// BENCH_ONLY=server measures the server budgets alone (both engines), for work on the storage.
const serverOnly = process.env.BENCH_ONLY === 'server';
const pwa = serverOnly ? null : await benchPwa();
if (pwa) budgets.push({ name: 'location page JS (gzip)', value: pwa.jsGzip / 1024, limit: 50, unit: 'KB' });
if (pwa)
  budgets.push({
    name: 'owner page vs floor',
    value: pwa.ownerRatio,
    limit: 1.4,
    unit: '×',
    floor: `${pwa.ownerMs.toFixed(0)} ms / ${pwa.floorMs.toFixed(0)} ms`,
  });
if (pwa)
  budgets.push({
    name: 'inspector page vs floor',
    value: pwa.staffRatio,
    limit: 1.4,
    unit: '×',
    floor: `${pwa.staffMs.toFixed(0)} ms / ${pwa.floorMs.toFixed(0)} ms`,
  });
// 200 ms, or 1.4× the floor page's own open from its service worker in the same run, whichever is higher: under 4×
// CPU slowdown this machine takes 200–500 ms to run even a one-line module, so 200 ms alone would measure the machine.
const keptOpen = (name: string, ms: number, floorMs: number): Budget => ({
  name,
  value: ms,
  limit: Math.max(200, 1.4 * floorMs),
  unit: 'ms',
  floor: `floor ${floorMs.toFixed(0)} ms → ${(ms / floorMs).toFixed(2)}×`,
});
if (pwa) budgets.push(keptOpen('PWA warm open (SW)', pwa.warmMs, pwa.floorWarmMs));
if (pwa) budgets.push(keptOpen('PWA offline open (SW)', pwa.offlineMs, pwa.floorOfflineMs));
const ext = serverOnly ? null : await benchExtension();
if (ext) budgets.push({ name: 'overlay script (gzip)', value: ext.contentGzip / 1024, limit: 15, unit: 'KB' });
if (ext)
  budgets.push({
    name: 'popup render (cached)',
    value: ext.popupMs,
    limit: Math.max(100, 1.4 * ext.floorMs),
    unit: 'ms',
    floor: `floor ${ext.floorMs.toFixed(0)} ms → ${(ext.popupMs / ext.floorMs).toFixed(2)}×`,
  });

console.log('\nbudget                      measured        limit');
let failed = 0;
for (const b of budgets) {
  const ok = b.atLeast ? b.value >= b.limit : b.value <= b.limit;
  if (!ok && !b.blocked) failed++;
  console.log(
    `${ok ? '✓' : b.blocked ? '·' : '✗'} ${b.name.padEnd(25)} ${b.value.toFixed(b.value < 100 ? 2 : 0).padStart(10)} ${b.unit.padEnd(14)} ${b.atLeast ? '≥' : '≤'} ${Number.isInteger(b.limit) ? b.limit : b.limit.toFixed(b.limit < 100 ? 2 : 0)}${b.floor ? `   (${b.floor})` : ''}${!ok && b.blocked ? `   missed, not failing the run: ${b.blocked}` : ''}`,
  );
}
mkdirSync(join(projectRoot(), 'dist'), { recursive: true });
writeFileSync(
  join(projectRoot(), 'dist/bench.json'),
  JSON.stringify({ at: new Date().toISOString(), server, postgres, growth: growth.points, pwa, extension: ext, budgets }, null, 2),
);
console.log('figures written to dist/bench.json');
process.exit(failed ? 1 : 0);
