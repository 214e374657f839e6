import { num, orNull, type Row, type Sql } from '../sql.ts';
import type { Channel, Delivery, Writes } from '../store.ts';

type NotificationRepo = Pick<
  Writes,
  | 'listChannels'
  | 'getChannel'
  | 'insertChannel'
  | 'removeChannel'
  | 'enqueueDelivery'
  | 'dueDeliveries'
  | 'claimDelivery'
  | 'settleDelivery'
  | 'sentSince'
  | 'deliveriesOf'
  | 'channelHealth'
>;

const toChannel = (r: Row): Channel => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  kind: r.kind as Channel['kind'],
  name: r.name as string,
  url: r.url as string,
  secret: r.secret as string,
  audience: JSON.parse(r.audience as string),
  createdAt: num(r.created_at),
});

const toDelivery = (r: Row): Delivery => ({
  id: r.id as string,
  estateId: r.estate_id as string,
  channelId: r.channel_id as string,
  dedupe: r.dedupe as string,
  title: r.title as string,
  body: r.body as string,
  link: r.link as string,
  state: r.state as Delivery['state'],
  attempts: num(r.attempts),
  nextAt: num(r.next_at),
  createdAt: num(r.created_at),
  sentAt: orNull(r.sent_at),
  lastError: (r.last_error as string | null) ?? null,
});

export function notificationRepo(sql: Sql): NotificationRepo {
  return {
    listChannels: async (estateId) =>
      (await sql.all('SELECT * FROM channels WHERE estate_id = ? AND removed_at IS NULL ORDER BY created_at, id', [estateId])).map(
        toChannel,
      ),
    getChannel: async (id) => {
      const r = await sql.get('SELECT * FROM channels WHERE id = ? AND removed_at IS NULL', [id]);
      return r ? toChannel(r) : undefined;
    },
    insertChannel: async (c) =>
      void (await sql.run(
        'INSERT INTO channels (estate_id, id, kind, name, url, secret, audience, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [c.estateId, c.id, c.kind, c.name, c.url, c.secret, JSON.stringify(c.audience), c.createdAt],
      )),
    removeChannel: async (id, at) => void (await sql.run('UPDATE channels SET removed_at = ? WHERE id = ?', [at, id])),
    enqueueDelivery: async (d) =>
      void (await sql.run(
        `INSERT INTO deliveries (estate_id, id, channel_id, dedupe, title, body, link, state, attempts, next_at, created_at, sent_at, last_error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel_id, dedupe) DO NOTHING`,
        [
          d.estateId,
          d.id,
          d.channelId,
          d.dedupe,
          d.title,
          d.body,
          d.link,
          d.state,
          d.attempts,
          d.nextAt,
          d.createdAt,
          d.sentAt,
          d.lastError,
        ],
      )),
    dueDeliveries: async (now, limit) =>
      (await sql.all(`SELECT * FROM deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?`, [now, limit])).map(
        toDelivery,
      ),
    claimDelivery: async (id, nextAt, leaseUntil) =>
      (await sql.run(`UPDATE deliveries SET next_at = ? WHERE id = ? AND state = 'pending' AND next_at = ?`, [leaseUntil, id, nextAt])) ===
      1,
    settleDelivery: async (id, s) =>
      void (await sql.run('UPDATE deliveries SET state = ?, attempts = ?, next_at = ?, sent_at = ?, last_error = ? WHERE id = ?', [
        s.state,
        s.attempts,
        s.nextAt,
        s.sentAt,
        s.lastError,
        id,
      ])),
    sentSince: async (channelId, since) =>
      num((await sql.get('SELECT count(*) AS n FROM deliveries WHERE channel_id = ? AND sent_at >= ?', [channelId, since]))?.n),
    deliveriesOf: async (estateId, limit) =>
      (await sql.all('SELECT * FROM deliveries WHERE estate_id = ? ORDER BY created_at DESC, id LIMIT ?', [estateId, limit])).map(
        toDelivery,
      ),
    channelHealth: async (estateId) =>
      (
        await sql.all(
          `SELECT channel_id, sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending,
             sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed
           FROM deliveries WHERE estate_id = ? GROUP BY channel_id`,
          [estateId],
        )
      ).map((r) => ({ channelId: r.channel_id as string, pending: num(r.pending), failed: num(r.failed) })),
  };
}
