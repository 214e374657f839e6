/** `npm run bench`: every performance budget, measured and checked. Exits non-zero when a budget is missed. */
import { benchExtension } from './extension.ts';
import { benchPwa } from './pwa.ts';
import { benchServer } from './server.ts';

const budgets: { name: string; value: number; limit: number; unit: string; atLeast?: boolean }[] = [];
const server = await benchServer();
budgets.push({ name: 'HTTP ingest', value: server.ingestRate, limit: 1000, unit: 'inspections/s', atLeast: true });
budgets.push({ name: 'alerts p99', value: server.alertsP99, limit: 20, unit: 'ms' });
budgets.push({ name: 'unchanged poll', value: server.pollBytes, limit: 1024, unit: 'bytes' });
const pwa = await benchPwa();
budgets.push({ name: 'location page JS (gzip)', value: pwa.jsGzip / 1024, limit: 50, unit: 'KB' });
budgets.push({ name: 'PWA cold open (mobile)', value: pwa.coldMs, limit: 2000, unit: 'ms' });
budgets.push({ name: 'PWA warm open (SW)', value: pwa.warmMs, limit: 300, unit: 'ms' });
budgets.push({ name: 'PWA offline open (SW)', value: pwa.offlineMs, limit: 300, unit: 'ms' });
const ext = await benchExtension();
budgets.push({ name: 'overlay script (gzip)', value: ext.contentGzip / 1024, limit: 15, unit: 'KB' });
budgets.push({ name: 'popup render (cached)', value: ext.popupMs, limit: 100, unit: 'ms' });

console.log('\nbudget                      measured        limit');
let failed = 0;
for (const b of budgets) {
  const ok = b.atLeast ? b.value >= b.limit : b.value <= b.limit;
  if (!ok) failed++;
  console.log(`${ok ? '✓' : '✗'} ${b.name.padEnd(25)} ${b.value.toFixed(b.value < 100 ? 2 : 0).padStart(10)} ${b.unit.padEnd(14)} ${b.atLeast ? '≥' : '≤'} ${b.limit}`);
}
process.exit(failed ? 1 : 0);
