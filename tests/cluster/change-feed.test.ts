/**
 * The change feed that tells a PostgreSQL server what other servers changed (server/storage/postgres/change-feed.ts):
 * while its connection is cut the server keeps nothing, and once it is back it starts from nothing kept.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { CHANGES_CHANNEL, ChangeFeed, FEED_NAME } from '../../server/storage/postgres/change-feed.ts';
import { createDatabase, dropDatabase } from '../support/postgres.ts';

let admin: string;
let url: string;
let db: pg.Client;

beforeAll(async () => {
  admin = inject('pgAdminUrl');
  url = await createDatabase(admin);
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  if (url) await dropDatabase(admin, url);
});

/** Waits for `done`, for up to 5 s (the feed retries after half a second). */
async function until(done: () => boolean): Promise<void> {
  for (const end = Date.now() + 5_000; !done(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() > end) throw new Error('waited 5 s in vain');
}

it('a feed whose connection is cut keeps nothing until it is back, and then starts from nothing kept', async () => {
  const heard: (string | null)[] = [];
  const feed = new ChangeFeed(url, (change) => heard.push(change));
  try {
    await feed.start();
    expect(feed.live).toBe(true);
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'locations']);
    await until(() => heard.includes('locations'));

    heard.length = 0;
    await db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [FEED_NAME]);
    await until(() => !feed.live);
    // "Changes may have been missed": the server drops all it kept.
    expect(heard).toEqual([null]);

    await until(() => feed.live);
    // Back, it drops all again: what changed while it was away is unknown.
    expect(heard).toEqual([null, null]);
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'session:abc']);
    await until(() => heard.includes('session:abc'));
  } finally {
    await feed.close();
  }
});
