import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, type RequestOptions } from '../api/http.ts';
import { openStore, resetStoreForTests, type PqmDb } from './db.ts';
import { VIDEO_LIMITS, defaultTemplateFor, describeFailure, type Failure } from '../../../shared/index.ts';
import { InvalidEntryError } from './entries.ts';
import { Outbox, backoff, type NewEntry } from './outbox.ts';

/** A scripted server: each call is answered by the next rule that matches, and every call is recorded. */
function fakeServer() {
  const calls: { path: string; method: string; body?: unknown }[] = [];
  const failures: ((path: string) => ApiError | null)[] = [];
  const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
    calls.push({ path, method: o.method ?? 'GET', body: o.json });
    for (const f of failures) {
      const err = f(path);
      if (err) throw err;
    }
    if (path.startsWith('/api/photos/')) return { kind: 'photo', sha256: path.split('/').pop() } as T;
    const body = o.json as { id: string };
    return { kind: path.includes('inspections') ? 'inspection' : 'ownerReport', id: body.id } as T;
  };
  return { calls, failures, send };
}

let db: PqmDb;
let clock = 1_000_000;
const now = () => clock;
const photo = (text: string) => ({ sha256: text.padEnd(64, '0'), blob: new Blob([text], { type: 'image/jpeg' }) });
/** A UUID per test name, the same each time. */
const uuidOf = (name: string) => {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
/** A real inspection of a lobby (the schema is checked before queueing), labelled with the test's name for it. */
const inspection = (name: string): NewEntry => {
  const template = defaultTemplateFor('lobby');
  const id = uuidOf(name);
  const body = {
    id,
    locationId: 'b1-lobby',
    templateId: template.id,
    templateVersion: template.version,
    startedAt: Date.parse('2026-03-02T00:55:00Z'),
    finishedAt: Date.parse('2026-03-02T01:00:00Z'),
    confirmedBy: 'printed_code' as const,
    answers: template.items.map((item) => ({
      itemId: item.id,
      value: item.answer.kind === 'number' ? item.answer.min : item.answer.kind === 'text' ? '' : ('pass' as const),
      note: '',
      photos: [],
    })),
  };
  return { id, kind: 'inspection', body, auth: true, label: name };
};

beforeEach(async () => {
  indexedDB.deleteDatabase('pqm');
  resetStoreForTests();
  db = await openStore();
  clock = 1_000_000;
});
afterEach(() => db.close());

describe('the outbox', () => {
  it('a clip goes in parts: cut off after its first, it resumes where the server stands and sends no byte twice', async () => {
    const bytes = new Uint8Array(VIDEO_LIMITS.part * 2 + 1000).map((_, i) => i % 251);
    const clip = { sha256: 'c'.repeat(64), blob: new Blob([bytes], { type: 'video/webm' }) };
    let held = 0;
    let signal = true;
    const parts: [from: number, length: number][] = [];
    const progress = <T>() =>
      ({ kind: 'video', sha256: clip.sha256, size: bytes.length, received: held, stored: held === bytes.length }) as T;
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      const url = new URL(path, 'https://estate.example');
      if (!url.pathname.startsWith('/api/videos/')) return { kind: 'inspection', id: (o.json as { id: string }).id } as T;
      if (!signal) throw new ApiError(0, 'offline');
      if (o.method !== 'PUT') return progress<T>();
      const from = Number(url.searchParams.get('from'));
      expect([from, Number(url.searchParams.get('size'))]).toEqual([held, bytes.length]);
      parts.push([from, (o.body as Blob).size]);
      held += (o.body as Blob).size;
      // The lift doors close on the signal after the first part.
      if (parts.length === 1) signal = false;
      return progress<T>();
    };
    const box = new Outbox({ db, send, now });
    await box.add(inspection('with a clip'), [clip]);
    await box.drain();
    expect(parts).toEqual([[0, VIDEO_LIMITS.part]]);
    expect(box.current.pending).toBe(1);
    signal = true;
    await box.drain({ force: true });
    expect(parts).toEqual([
      [0, VIDEO_LIMITS.part],
      [VIDEO_LIMITS.part, VIDEO_LIMITS.part],
      [2 * VIDEO_LIMITS.part, 1000],
    ]);
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('photos')).toBe(0);
  });

  it('a clip part the server already has from another send (409) makes the phone ask where the upload stands, not park the record', async () => {
    const bytes = new Uint8Array(VIDEO_LIMITS.part + 500).map((_, i) => i % 7);
    const clip = { sha256: 'd'.repeat(64), blob: new Blob([bytes], { type: 'video/webm' }) };
    // A second tab sent the first part between this phone's question and its first part.
    let held = 0;
    let asked = 0;
    const progress = <T>() =>
      ({ kind: 'video', sha256: clip.sha256, size: bytes.length, received: held, stored: held === bytes.length }) as T;
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      const url = new URL(path, 'https://estate.example');
      if (!url.pathname.startsWith('/api/videos/')) return { kind: 'inspection', id: (o.json as { id: string }).id } as T;
      if (o.method !== 'PUT') {
        asked++;
        return progress<T>();
      }
      if (asked === 1 && held === 0) {
        held = VIDEO_LIMITS.part;
        throw new ApiError(409, `this upload has ${held} bytes; send from byte ${held}`);
      }
      expect(Number(url.searchParams.get('from'))).toBe(held);
      held += (o.body as Blob).size;
      return progress<T>();
    };
    const box = new Outbox({ db, send, now });
    await box.add(inspection('a clip sent twice'), [clip]);
    await box.drain();
    expect(box.current.attention).toEqual([]);
    expect(await db.count('outbox')).toBe(0);
    expect([held, asked]).toEqual([bytes.length, 2]);
  });

  it('sends photos first, then the record, and deletes the entry and its photos only after the receipt', async () => {
    const server = fakeServer();
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('a'), [photo('p1'), photo('p2')]);
    expect(box.current.pending).toBe(1);
    await box.drain();
    expect(server.calls.map((c) => c.path)).toEqual([
      `/api/photos/${'p1'.padEnd(64, '0')}`,
      `/api/photos/${'p2'.padEnd(64, '0')}`,
      '/api/inspections',
    ]);
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('photos')).toBe(0);
    expect(box.current).toMatchObject({ pending: 0, lastSyncAt: clock });
  });

  it('a record that does not match its schema is refused on the device, naming the field, and nothing is queued', async () => {
    const box = new Outbox({ db, send: fakeServer().send, now });
    const bad = inspection('broken');
    if (bad.kind !== 'inspection') throw new Error('an inspection');
    const refused = box.add({ ...bad, body: { ...bad.body, answers: [] } }, [photo('unsent')]);
    await expect(refused).rejects.toBeInstanceOf(InvalidEntryError);
    await expect(refused).rejects.toThrow('answers: answers must not be empty');
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('photos')).toBe(0);
  });

  it('shows no count until it has read the queue, so a reload never flashes a false "0 waiting"', async () => {
    await new Outbox({ db, send: fakeServer().send, now }).add(inspection('kept'));
    const fresh = new Outbox({ db, send: fakeServer().send, now });
    expect(fresh.current).toMatchObject({ ready: false });
    await fresh.load();
    expect(fresh.current).toMatchObject({ ready: true, pending: 1 });
  });

  it('survives being reopened: what was saved is still there after a "reload"', async () => {
    const box = new Outbox({ db, send: fakeServer().send, now });
    await box.add(inspection('kept'), [photo('k')]);
    db.close();
    resetStoreForTests();
    db = await openStore();
    const again = new Outbox({ db, send: fakeServer().send, now });
    expect((await again.entries()).map((e) => e.label)).toEqual(['kept']);
    expect(await db.get('photos', 'k'.padEnd(64, '0'))).toBeDefined();
  });

  it('a server that answers 503 three times, then succeeds: retried with growing backoff, sent once, nothing lost', async () => {
    const server = fakeServer();
    let fails = 3;
    server.failures.push((path) => (path === '/api/inspections' && fails-- > 0 ? new ApiError(503, 'unavailable') : null));
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('r'));
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await box.drain();
      const next = await box.nextAttemptAt();
      if (next !== null) {
        waits.push(next - clock);
        clock = next;
      }
    }
    expect(waits).toEqual([backoff(1), backoff(2), backoff(3)]);
    expect(waits[2]).toBeGreaterThan(waits[0]);
    expect(server.calls.filter((c) => c.path === '/api/inspections')).toHaveLength(4);
    expect(await db.count('outbox')).toBe(0);
  });

  it('does not retry before the backoff has passed', async () => {
    const server = fakeServer();
    server.failures.push(() => new ApiError(0, 'offline'));
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('w'));
    await box.drain();
    await box.drain();
    expect(server.calls).toHaveLength(1);
  });

  it('coming back online retries at once, without waiting out the backoff', async () => {
    const server = fakeServer();
    let offline = true;
    server.failures.push(() => (offline ? new ApiError(0, 'offline') : null));
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('back'));
    await box.drain();
    await box.drain();
    offline = false;
    await box.drain({ force: true });
    expect(await db.count('outbox')).toBe(0);
  });

  it("a captive portal's 200 HTML page is not a receipt: the entry stays", async () => {
    const box = new Outbox({
      db,
      send: async () => {
        throw new ApiError(502, 'unexpected 200 answer that is not JSON');
      },
      now,
    });
    await box.add(inspection('portal'));
    await box.drain();
    expect(await db.get('outbox', uuidOf('portal'))).toMatchObject({ state: 'pending', attempts: 1 });
  });

  it("a proxy's HTML error page (firewall 403, proxy 407, nginx 413, portal 404) is retried later, never parked", async () => {
    for (const status of [403, 407, 413, 404]) {
      vi.stubGlobal(
        'fetch',
        async () => new Response(`<html><body><h1>${status}</h1>nginx</body></html>`, { status, headers: { 'content-type': 'text/html' } }),
      );
      const box = new Outbox({ db, send: api, now });
      await box.add({ ...inspection(`proxy-${status}`), photos: undefined } as NewEntry, [photo(`p${status}`)]);
      await box.drain();
      expect(await db.get('outbox', uuidOf(`proxy-${status}`)), String(status)).toMatchObject({ state: 'pending', attempts: 1 });
      expect(box.current.paused).toBeNull();
    }
    vi.unstubAllGlobals();
  });

  it('a JSON refusal from our own server is still permanent', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ error: 'invalid answers', fields: [] }, { status: 400 }));
    const box = new Outbox({ db, send: api, now });
    await box.add(inspection('ours'));
    await box.drain();
    vi.unstubAllGlobals();
    expect(await db.get('outbox', uuidOf('ours'))).toMatchObject({ state: 'attention' });
  });

  it('a record saved while the clean-up runs keeps its photo (the race, forced with a hook)', async () => {
    const server = fakeServer();
    let racer: Promise<void> | null = null;
    const box = new Outbox({
      db,
      send: server.send,
      now,
      // Between the clean-up reading the queue and reading the stored photos, another save lands.
      onGcRead: () => {
        racer ??= box.add(inspection('late'), [photo('late-photo')]);
      },
    });
    await box.add(inspection('first'), [photo('first-photo')]);
    await box.drain();
    await racer;
    expect(await db.get('outbox', uuidOf('late'))).toBeDefined();
    expect(await db.get('photos', photo('late-photo').sha256)).toBeDefined();
  });

  it('a receipt that still lists missing photos keeps the entry while the phone holds them, and sends them again', async () => {
    const server = fakeServer();
    let first = true;
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      const r = await server.send<Record<string, unknown>>(path, o);
      if (path === '/api/inspections' && first) {
        first = false;
        return { ...r, photosMissing: [photo('kept').sha256] } as T;
      }
      return r as T;
    };
    const box = new Outbox({ db, send, now });
    await box.add(inspection('with-photo'), [photo('kept')]);
    await box.drain();
    expect(await db.get('outbox', uuidOf('with-photo'))).toMatchObject({ state: 'pending' });
    expect(await db.get('photos', photo('kept').sha256)).toMatchObject({ uploaded: false });
    clock += 60_000;
    await box.drain();
    expect(await db.get('outbox', uuidOf('with-photo'))).toBeUndefined();
    expect(server.calls.filter((c) => c.path.startsWith('/api/photos/'))).toHaveLength(2);
  });

  it('a photo that is truly gone from the phone moves the entry to "needs attention" and says so', async () => {
    const server = fakeServer();
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      const r = await server.send<Record<string, unknown>>(path, o);
      return (path === '/api/inspections' ? { ...r, photosMissing: [photo('lost').sha256] } : r) as T;
    };
    const box = new Outbox({ db, send, now });
    await box.add(inspection('lost-photo'), [photo('lost')]);
    await db.delete('photos', photo('lost').sha256);
    await box.drain();
    expect(await db.get('outbox', uuidOf('lost-photo'))).toMatchObject({ state: 'attention', lastError: { code: 'photoMissing' } });
  });

  it('a receipt for a different record is not taken as success', async () => {
    const box = new Outbox({ db, send: async <T>() => ({ kind: 'inspection', id: 'someone-else' }) as T, now });
    await box.add(inspection('mine'));
    await box.drain();
    expect(await db.get('outbox', uuidOf('mine'))).toMatchObject({ state: 'pending' });
  });

  it('a permanent 4xx parks the entry under "needs attention" with the reason, and the rest still go', async () => {
    const server = fakeServer();
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      if ((o.json as { id?: string })?.id === uuidOf('bad'))
        throw new ApiError(400, 'invalid answers', [{ path: 'answers.escape.photos', message: 'a photo is required' }]);
      return server.send<T>(path, o);
    };
    const box = new Outbox({ db, send, now });
    await box.add(inspection('bad'));
    clock++;
    await box.add(inspection('good'));
    await box.drain();
    expect(await db.get('outbox', uuidOf('good'))).toBeUndefined();
    expect(box.current.attention.map((e) => [e.label, e.lastError])).toEqual([
      [
        'bad',
        {
          status: 400,
          code: null,
          message: 'invalid answers',
          fields: [{ path: 'answers.escape.photos', message: 'a photo is required' }],
        },
      ],
    ]);
    // The phone words it in its user's language.
    expect(describeFailure(box.current.attention[0].lastError as Failure, 'zh-CN')).toBe('填写的内容有误:照片:填写不正确');
    expect(box.current.pending).toBe(0);
  });

  it('a 401 in the middle of a drain pauses the queue with everything kept; after sign-in it carries on', async () => {
    const server = fakeServer();
    let signedIn = true;
    let expired = false;
    const send = async <T>(path: string, o: RequestOptions = {}): Promise<T> => {
      if (!signedIn) throw new ApiError(401, 'sign in first');
      const r = await server.send<T>(path, o);
      if (!expired) [signedIn, expired] = [false, true]; // the session expires after the first record
      return r;
    };
    const box = new Outbox({ db, send, now });
    for (const id of ['1', '2', '3']) {
      await box.add(inspection(id));
      clock++;
    }
    await box.drain();
    expect((await box.entries()).map((e) => e.label)).toEqual(['2', '3']);
    expect(box.current.paused).toBe('auth');
    await box.drain();
    expect(server.calls).toHaveLength(1);

    signedIn = true;
    box.resume();
    await box.drain();
    expect(await db.count('outbox')).toBe(0);
  });

  it("on a shared phone, one inspector's queued rounds wait for them and are never sent under another's session", async () => {
    const server = fakeServer();
    let user: string | null = 'wang';
    const box = new Outbox({ db, send: server.send, now, currentUser: () => user });
    await box.add({ ...inspection('wangs'), owner: 'wang' });
    user = 'li';
    await box.drain();
    expect(server.calls).toHaveLength(0);
    expect(box.current.pending).toBe(1);
    user = 'wang';
    await box.drain();
    expect(server.calls.map((c) => c.path)).toEqual(['/api/inspections']);
  });

  it('two drains at the same time send each record once', async () => {
    const server = fakeServer();
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('once'));
    await Promise.all([box.drain(), box.drain(), box.drain()]);
    expect(server.calls.filter((c) => c.path === '/api/inspections')).toHaveLength(1);
  });

  it('a photo already uploaded is not sent again when its record is retried', async () => {
    const server = fakeServer();
    let fail = true;
    server.failures.push((path) => {
      if (path !== '/api/inspections' || !fail) return null;
      fail = false;
      return new ApiError(503, 'down');
    });
    const box = new Outbox({ db, send: server.send, now });
    await box.add(inspection('p'), [photo('only-once')]);
    await box.drain();
    clock += backoff(1);
    await box.drain();
    expect(server.calls.filter((c) => c.path.startsWith('/api/photos/'))).toHaveLength(1);
  });

  it("an entry needing attention can be retried or, on the user's choice, discarded", async () => {
    const box = new Outbox({
      db,
      send: async () => {
        throw new ApiError(409, 'conflict');
      },
      now,
    });
    await box.add(inspection('x'), [photo('x')]);
    await box.drain();
    expect(box.current.attention).toHaveLength(1);
    await box.retry(uuidOf('x'));
    expect(box.current.pending).toBe(1);
    await box.discard(uuidOf('x'));
    expect(await db.count('outbox')).toBe(0);
    expect(await db.count('photos')).toBe(0);
  });
});
