/**
 * The ingest floor (issue 15): the same JSON over the same HTTP stack (Hono on @hono/node-server), inserted
 * into SQLite (WAL, synchronous=FULL) with the same group commit, and nothing else: no validation, no
 * idempotency, no sessions, no patrol board. Our server's ingest is judged as a ratio to this.
 * Usage: tsx tests/bench/floor/ingest-floor.ts <data folder> <port>
 */
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { join } from 'node:path';

const [dir, port] = process.argv.slice(2);
const db = new Database(join(dir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(
  'CREATE TABLE IF NOT EXISTS inspections (id TEXT PRIMARY KEY, location_id TEXT, started_at INTEGER, finished_at INTEGER, answers TEXT, received_at INTEGER)',
);
const insert = db.prepare('INSERT INTO inspections VALUES (?, ?, ?, ?, ?, ?)');

type Job = { body: { id: string; locationId: string; startedAt: number; finishedAt: number; answers: unknown }; done: () => void };
let queue: Job[] = [];
const flush = () => {
  const jobs = queue;
  queue = [];
  db.transaction(() => {
    for (const j of jobs)
      insert.run(j.body.id, j.body.locationId, j.body.startedAt, j.body.finishedAt, JSON.stringify(j.body.answers), Date.now());
  }).immediate();
  for (const j of jobs) j.done();
};

const app = new Hono()
  .get('/healthz', (c) => c.json({ ok: true }))
  .post('/api/inspections', async (c) => {
    const body = (await c.req.json()) as Job['body'];
    await new Promise<void>((done) => {
      if (queue.push({ body, done }) === 1) setImmediate(flush);
    });
    return c.json({ kind: 'inspection', id: body.id }, 201);
  });
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' });
