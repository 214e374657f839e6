/**
 * How the server's cost grows with the estate (issue 15): the built server on estates of 1,000, 10,000 and 100,000
 * locations, with inspections and issues in proportion (10 rounds and 1 issue per location, over 60 days). For each:
 * the time to start (spawn to a healthy /healthz), the first alerts (which build the patrol board), alerts p99, the
 * memory once the board is built and polled (RSS), one month of patrol analysis and the same month as CSV (each the
 * median of five).
 * Growth is judged from 10,000 to 100,000 locations (at 1,000, fixed costs hide the slope): each figure's ratio
 * over the tenfold estate, divided by ten; 1 is linear.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, seedBenchEstate, spawnServer } from './server.ts';

const SIZES = (process.env.BENCH_GROWTH ?? '1000,10000,100000').split(',').map(Number);
const POLLS = 200;
/**
 * Each size's month is analysed this many times (and exported as CSV as many), and the median kept. Five: at 10,000
 * places a month takes ~0.6 s, and with three runs one slow moment moved that size's median enough to swing the slope
 * (the CSV 1.29× linear, the analysis 0.94×, in the same run of 2 December).
 */
const MONTH_RUNS = 5;
const DAY = 86_400_000;

export interface GrowthPoint {
  locations: number;
  startMs: number;
  firstAlertsMs: number;
  alertsP99Ms: number;
  rssMb: number;
  analysisMonthMs: number;
  csvMonthMs: number;
  csvBytes: number;
}

const rssMbOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** One estate's server, started and its board built and polled; its month is measured later, in turn with the others. */
interface Estate {
  dir: string;
  running: Awaited<ReturnType<typeof spawnServer>>;
  get: (path: string) => Promise<string>;
  month: string;
  point: GrowthPoint;
  analysisRuns: number[];
  csvRuns: number[];
}

async function startEstate(locations: number): Promise<Estate> {
  const dir = mkdtempSync(join(tmpdir(), 'pqm-growth-'));
  // A size that fails half-way leaves neither its server running nor its data folder behind.
  let running: Estate['running'] | undefined;
  try {
    const now = Date.now();
    await seedBenchEstate(dir, { locations, inspections: locations * 10, issues: locations }, now);
    const [startMs, started] = await timed(() => spawnServer(dir, undefined, {}, { built: true }));
    running = started;
    const login = await fetch(`${started.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-sup', password: 'bench' }),
    });
    const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const get = async (path: string) => {
      const r = await fetch(`${started.url}${path}`, { headers });
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.text();
    };
    const alerts = '/api/estates/bench/alerts';
    const [firstAlertsMs] = await timed(() => get(alerts));
    const times: number[] = [];
    for (let i = 0; i < POLLS; i++) times.push((await timed(() => get(alerts)))[0]);
    times.sort((a, b) => a - b);
    // Memory with the patrol board built and polled: what the server holds for the estate, before any analysis.
    const rssMb = rssMbOf(started.pid);
    return {
      dir,
      running: started,
      get,
      month: `from=${now - 30 * DAY}&to=${now}`,
      point: {
        locations,
        startMs,
        firstAlertsMs,
        alertsP99Ms: times[Math.floor(times.length * 0.99)],
        rssMb,
        analysisMonthMs: 0,
        csvMonthMs: 0,
        csvBytes: 0,
      },
      analysisRuns: [],
      csvRuns: [],
    };
  } catch (e) {
    running?.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Each estate's month, analysed and exported MONTH_RUNS times, in turn across the estates, and the median of each: a slow
 * moment of the machine then falls on one run of one size, not on every run of one size (measured one size after the
 * other, the same code gave 1.11× and 1.33× linear an hour apart). Several of each, alternating: one request alone
 * carries the first call's costs (the JIT, the heap growing), which made the month's analysis 1.3–1.5× slower than the
 * CSV of the same work right after it.
 */
async function measureMonths(estates: Estate[]): Promise<void> {
  for (let i = 0; i < MONTH_RUNS; i++) {
    for (const e of estates) e.analysisRuns.push((await timed(() => e.get(`/api/estates/bench/analysis/patrols?${e.month}`)))[0]);
    for (const e of estates) {
      const [ms, text] = await timed(() => e.get(`/api/estates/bench/analysis/patrols?${e.month}&format=csv`));
      e.csvRuns.push(ms);
      e.point.csvBytes = text.length;
    }
  }
  for (const e of estates) {
    e.point.analysisMonthMs = median(e.analysisRuns);
    e.point.csvMonthMs = median(e.csvRuns);
  }
}

const FIGURES = ['startMs', 'firstAlertsMs', 'alertsP99Ms', 'rssMb', 'analysisMonthMs', 'csvMonthMs'] as const;

export async function benchGrowth(): Promise<{ points: GrowthPoint[]; worstGrowth: number; worstFigure: string; start100k: number }> {
  // Started one at a time, so each start, board and poll is measured alone; then their months, in turn.
  const estates: Estate[] = [];
  try {
    for (const n of SIZES) estates.push(await startEstate(n));
    await measureMonths(estates);
  } finally {
    for (const e of estates) {
      e.running.close();
      rmSync(e.dir, { recursive: true, force: true });
    }
  }
  const points = estates.map((e) => e.point);
  for (const p of points) {
    console.log(
      `growth ${p.locations.toLocaleString().padStart(7)} locations: start ${p.startMs.toFixed(0)} ms, first alerts ${p.firstAlertsMs.toFixed(0)} ms, alerts p99 ${p.alertsP99Ms.toFixed(1)} ms, RSS ${p.rssMb.toFixed(0)} MB, analysis month ${p.analysisMonthMs.toFixed(0)} ms, CSV ${p.csvMonthMs.toFixed(0)} ms (${(p.csvBytes / 1024).toFixed(0)} KB)`,
    );
  }
  // The slope over the last tenfold step: (cost at 10n / cost at n) / 10, per figure.
  const [a, b] = points.slice(-2);
  let worstGrowth = 0;
  let worstFigure = '';
  if (a && b) {
    const scale = b.locations / a.locations;
    for (const f of FIGURES) {
      const growth = b[f] / a[f] / scale;
      console.log(`  ${f.padEnd(16)} ×${(b[f] / a[f]).toFixed(1)} for ×${scale} the locations → ${growth.toFixed(2)} of linear`);
      if (growth > worstGrowth) [worstGrowth, worstFigure] = [growth, f];
    }
  }
  const biggest = points.at(-1);
  return { points, worstGrowth, worstFigure, start100k: biggest?.startMs ?? 0 };
}
