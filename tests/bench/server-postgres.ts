/**
 * The server benchmark again on PostgreSQL (issue 13): the same large estate (10,000 locations, 1,000,000
 * inspections, 100,000 issues) in a throwaway cluster with fsync on, alerts latency on one server, and ingest
 * through two servers sharing the database, to compare with one server on SQLite (measured in the same run).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { defaultTemplateFor } from '../../shared/index.ts';
import { createPostgresStore } from '../../server/storage/postgres/index.ts';
import { createDatabase, sameDatabase, startCluster } from '../support/postgres.ts';
import {
  ALERT_POLLS,
  INGEST,
  cpuSeconds,
  INSPECTIONS,
  ISSUES,
  LOCATIONS,
  ingestLoad,
  type IngestRun,
  kinds,
  pollAlerts,
  spawnServer,
  writeBenchEstate,
} from './server.ts';

const ESTATE = 'bench';
const DAY = 86_400_000;
const CHUNK = 20_000;
const t0 = performance.now();
const log = (msg: string) => console.log(`[pg ${((performance.now() - t0) / 1000).toFixed(1)} s] ${msg}`);

export async function benchPostgres(): Promise<Record<string, number>> {
  const cluster = await startCluster({ durable: true });
  try {
    // Over the cluster's socket, as a server on the database's own machine connects.
    const url = sameDatabase(await createDatabase(cluster.url, 'pqm_bench'), cluster.socketUrl);
    const now = Date.now();
    const store = await createPostgresStore(url);
    await writeBenchEstate(store, now);
    await store.close();

    // Bulk history through unnest(): set-up, not what is measured.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const span = 60 * DAY;
    for (let start = 0; start < INSPECTIONS; start += CHUNK) {
      const cols: (string | number)[][] = [[], [], [], [], []];
      for (let i = start; i < Math.min(INSPECTIONS, start + CHUNK); i++) {
        const loc = i % LOCATIONS;
        const at = now - span + Math.floor((i / INSPECTIONS) * span);
        cols[0].push(randomUUID());
        cols[1].push(`L${loc}`);
        cols[2].push(defaultTemplateFor(kinds(loc)).id);
        cols[3].push(at - 300_000);
        cols[4].push(at);
      }
      await db.query(
        `INSERT INTO inspections (estate_id, id, location_id, inspector_id, template_id, template_version, started_at, finished_at, confirmed_by, answers, failed_count, received_at)
         SELECT 'bench', id, loc, 'bench-insp', tpl, 1, s, f, 'printed_code', '[{"itemId":"floor","value":"pass"}]', 0, f
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) AS t(id, loc, tpl, s, f)`,
        cols,
      );
    }
    log(`${INSPECTIONS.toLocaleString()} inspections written`);
    for (let start = 0; start < ISSUES; start += CHUNK) {
      const cols: (string | number | null)[][] = [[], [], [], [], [], [], [], []];
      for (let i = start; i < Math.min(ISSUES, start + CHUNK); i++) {
        const created = now - span + Math.floor((i / ISSUES) * span);
        const open = i % 50 === 0;
        cols[0].push(randomUUID());
        cols[1].push(`L${i % LOCATIONS}`);
        cols[2].push(['general', 'important', 'urgent'][i % 3]);
        cols[3].push(open ? 'assigned' : 'closed');
        cols[4].push(created + [72, 24, 2][i % 3] * 3_600_000);
        cols[5].push(created);
        cols[6].push(open ? null : created + 3_600_000);
        cols[7].push(open ? null : created + 7_200_000);
      }
      await db.query(
        `INSERT INTO issues (estate_id, id, location_id, source, category, severity, description, photos, status, verified, department_id, deadline, created_at, rectified_at, closed_at)
         SELECT 'bench', id, loc, 'patrol', 'facilities', sev, 'bench issue', '[]', st, 1, 'bench-eng', dl, cr, rf, cl
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[]) AS t(id, loc, sev, st, dl, cr, rf, cl)`,
        cols,
      );
    }
    // As autovacuum leaves a table after a bulk load: statistics, and the visibility map index-only scans need.
    await db.query('VACUUM ANALYZE');
    await db.end();
    log(`${ISSUES.toLocaleString()} issues written`);

    // With PostgreSQL no data folder is used.
    const one = await spawnServer('', undefined, { DATABASE_URL: url });
    const two = await spawnServer('', undefined, { DATABASE_URL: url });
    try {
      const login = async (base: string, username: string) =>
        (
          await (
            await fetch(`${base}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username, password: 'bench' }),
            })
          ).json()
        ).token as string;
      const inspector = await login(one.url, 'bench-insp');
      const supervisor = await login(one.url, 'bench-sup');

      // The servers' and the database's CPU together: on PostgreSQL the work is split between them.
      const serversAndDatabase = () => cpuSeconds((pid, name) => pid === one.pid || pid === two.pid || name === 'postgres');
      const cpu = (run: IngestRun) =>
        `CPU per inspection: servers and PostgreSQL ${run.serverCpuMs.toFixed(2)} ms, load generator ${run.loadCpuMs.toFixed(2)} ms`;
      const single = await ingestLoad([one.url], { authorization: `Bearer ${inspector}` }, kinds, serversAndDatabase);
      log(`ingest, one server: ${Math.round(single.rate).toLocaleString()} inspections/s (${single.failures} failed); ${cpu(single)}`);
      const pair = await ingestLoad([one.url, two.url], { authorization: `Bearer ${inspector}` }, kinds, serversAndDatabase);
      log(`ingest, two servers: ${Math.round(pair.rate).toLocaleString()} inspections/s (${pair.failures} failed); ${cpu(pair)}`);

      const alerts = await pollAlerts(`${one.url}/api/estates/${ESTATE}/alerts`, { authorization: `Bearer ${supervisor}` }, ALERT_POLLS);
      log(
        `alerts: cold ${alerts.coldMs.toFixed(0)} ms; warm p50 ${alerts.p50.toFixed(2)} ms, p99 ${alerts.p99.toFixed(2)} ms over ${ALERT_POLLS} polls`,
      );
      return {
        pgIngestOne: single.rate,
        pgIngestTwo: pair.rate,
        pgIngestTwoCpuMs: pair.serverCpuMs,
        pgLoadCpuMs: pair.loadCpuMs,
        pgAlertsP50: alerts.p50,
        pgAlertsP99: alerts.p99,
        pgAlertsColdMs: alerts.coldMs,
        ingestN: INGEST,
      };
    } finally {
      one.close();
      two.close();
    }
  } finally {
    cluster.stop();
  }
}
