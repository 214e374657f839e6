// The suite, run twice where the clock matters. Pass 1 runs every test with the browser suites at
// 23:30 in Shanghai on a month end; pass 2 runs the browser suite again at 00:30 the next day,
// with the test process in yet another zone (Los Angeles), so a figure or a default that reads the
// machine's date or zone instead of the estate's fails here, whatever hour CI runs at.
// Extra arguments go to vitest (e.g. `npm test -- tests/api`), which then runs one pass only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const passes = [
  { label: 'all tests, browser clock at 23:30 Asia/Shanghai (2026-11-30)', env: { PQM_TEST_NOW: '2026-11-30T15:30:00Z' }, args: [] },
  {
    label: 'browser tests at 00:30 Asia/Shanghai (2026-12-01), process in America/Los_Angeles',
    env: { PQM_TEST_NOW: '2026-11-30T16:30:00Z', TZ: 'America/Los_Angeles' },
    // axe-core's checks read no clock: once is enough.
    args: ['--project', 'e2e', '--exclude', 'tests/e2e/accessibility.test.ts'],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'pqm-summary-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
for (const [i, pass] of (extra.length ? passes.slice(0, 1) : passes).entries()) {
  const file = join(dir, `pass-${i}.json`);
  console.log(`\n▶ ${pass.label}\n`);
  const run = spawnSync('npx', ['vitest', 'run', ...pass.args, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...pass.env, PQM_SUMMARY_FILE: file },
  });
  if (run.status !== 0) ok = false;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8'));
    for (const k of Object.keys(totals)) totals[k] += s[k];
    console.log(`  (${pass.label}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped)`);
  } catch {
    ok = false;
    console.log(`  (${pass.label}: no summary; vitest exited ${run.status})`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
