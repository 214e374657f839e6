import { describe, expect, it } from 'vitest';
import type { Reads } from './store.ts';
import { KEEP_AT_MOST_MS, readCache } from './read-cache.ts';

/** A database stand-in that counts its reads and answers with what `rows` holds at the moment the read ends. */
function counted() {
  const rows = new Map<string, string>([
    ['t1', 'alice'],
    ['t2', 'bob'],
    ['L1', 'lobby'],
  ]);
  let reads = 0;
  let gate: Promise<void> = Promise.resolve();
  const answer = async (key: string) => {
    reads++;
    await gate;
    const value = rows.get(key);
    return value === undefined ? undefined : { value };
  };
  const read = {
    sessionWithUser: (hash: string) => answer(hash),
    getLocation: (id: string) => answer(id),
  } as unknown as Reads;
  return {
    read,
    rows,
    reads: () => reads,
    /** Holds reads until the returned function is called. */
    hold: () => {
      let open = () => {};
      gate = new Promise((r) => (open = r));
      return () => {
        open();
        gate = Promise.resolve();
      };
    },
  };
}

describe('what a server keeps between changes', () => {
  it('a session read twice is read from the database once', async () => {
    const db = counted();
    const read = readCache(() => true).over(db.read);
    expect(await read.sessionWithUser('t1')).toEqual({ value: 'alice' });
    expect(await read.sessionWithUser('t1')).toEqual({ value: 'alice' });
    expect(db.reads()).toBe(1);
  });

  it("a session's change drops that session only; an identity change drops every session and no location", async () => {
    const db = counted();
    const cache = readCache(() => true);
    const read = cache.over(db.read);
    await read.sessionWithUser('t1');
    await read.sessionWithUser('t2');
    await read.getLocation('L1');
    cache.changed('session:t1');
    await read.sessionWithUser('t1');
    await read.sessionWithUser('t2');
    expect(db.reads()).toBe(4);
    cache.changed('identity');
    await read.sessionWithUser('t2');
    await read.getLocation('L1');
    expect(db.reads()).toBe(5);
    cache.changed('locations');
    await read.getLocation('L1');
    expect(db.reads()).toBe(6);
  });

  it('a read that a change overtook is answered but not kept', async () => {
    const db = counted();
    const cache = readCache(() => true);
    const read = cache.over(db.read);
    const release = db.hold();
    const pending = read.sessionWithUser('t1');
    // The session is signed out while the read is on its way.
    db.rows.delete('t1');
    cache.changed('session:t1');
    db.rows.set('t1', 'alice');
    release();
    await pending;
    db.rows.delete('t1');
    expect(await read.sessionWithUser('t1')).toBeUndefined();
  });

  it('nothing is kept while the change feed is down, and what was kept is not used', async () => {
    const db = counted();
    let live = true;
    const read = readCache(() => live).over(db.read);
    await read.sessionWithUser('t1');
    live = false;
    db.rows.delete('t1');
    expect(await read.sessionWithUser('t1')).toBeUndefined();
    db.rows.set('t2', 'bob');
    await read.sessionWithUser('t2');
    await read.sessionWithUser('t2');
    expect(db.reads()).toBe(4);
  });

  it('with no change heard, a session is read afresh after 30 s (a notification lost on the way is not for good)', async () => {
    const db = counted();
    let now = 1_000_000;
    const read = readCache(
      () => true,
      () => now,
    ).over(db.read);
    await read.sessionWithUser('t1');
    now += KEEP_AT_MOST_MS - 1;
    await read.sessionWithUser('t1');
    expect(db.reads()).toBe(1);
    // Signed out where this server did not hear of it.
    db.rows.delete('t1');
    now += 1;
    expect(await read.sessionWithUser('t1')).toBeUndefined();
    expect(db.reads()).toBe(2);
  });

  it('a session that is not there is asked for each time (a wrong token is never remembered)', async () => {
    const db = counted();
    const read = readCache(() => true).over(db.read);
    await read.sessionWithUser('nobody');
    await read.sessionWithUser('nobody');
    expect(db.reads()).toBe(2);
  });
});
