import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, VIDEO_LIMITS, pathOf } from '../../shared/index.ts';
import { sweep } from '../../server/services/reminders.ts';
import { failItem, inspection, sha256, webmClip } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let wang: string;
beforeAll(async () => {
  server = await startTestServer();
  wang = await server.login('wang');
});
afterAll(() => server.close());

const PART = VIDEO_LIMITS.part;

const sendPart = (clip: Uint8Array, from: number, opts: { token?: string; headers?: Record<string, string>; size?: number } = {}) =>
  server.request('PUT', pathOf(API.uploadVideoPart, { sha: sha256(clip) }, { from, size: opts.size ?? clip.length }), {
    token: opts.token,
    headers: { 'content-type': 'application/octet-stream', ...opts.headers },
    body: clip.subarray(from, Math.min(clip.length, from + PART)),
  });

const progress = (clip: Uint8Array, token?: string, headers: Record<string, string> = {}) =>
  server.call(API.videoProgress, { params: { sha: sha256(clip) }, token, headers });

async function upload(clip: Uint8Array, token?: string, headers: Record<string, string> = {}) {
  let last = null;
  for (let from = 0; from < clip.length; from += PART) last = await sendPart(clip, from, { token, headers });
  return last!;
}

/** A finding at the B1 lobby whose evidence is this clip. */
async function citeInFinding(clip: Uint8Array, token = wang) {
  const r = await server.call(API.submitInspection, {
    token,
    json: inspection(
      'lobby',
      'b1-lobby',
      server.clock.now,
      failItem('floor', 'water by the lifts', [{ sha256: sha256(clip), size: clip.length, kind: 'video' }]),
    ),
  });
  expect(r.status).toBe(201);
  return r.body;
}

describe('video clips arrive in parts and are kept like photos', () => {
  it('a 1.3 MB clip sent in three parts is kept once the last arrives, and plays back in ranges', async () => {
    const clip = webmClip(1_300_000);
    const first = await sendPart(clip, 0, { token: wang });
    expect(first.body).toEqual({ kind: 'video', sha256: sha256(clip), size: clip.length, received: PART, stored: false });
    expect((await sendPart(clip, PART, { token: wang })).body.received).toBe(2 * PART);
    const last = await sendPart(clip, 2 * PART, { token: wang });
    expect(last.body).toMatchObject({ received: clip.length, stored: true });
    // The parts are gone once the clip is whole.
    expect(await server.sql('SELECT count(*) AS n FROM upload_parts')).toEqual([{ n: 0 }]);

    const receipt = await citeInFinding(clip);
    expect(receipt.photosMissing).toEqual([]);
    const whole = await fetch(`${server.url}/api/photos/${sha256(clip)}`, { headers: { authorization: `Bearer ${wang}` } });
    expect(whole.headers.get('content-type')).toBe('video/webm');
    // Byte for byte, with Buffer's compare: a deep equal of 1.3 million elements holds the test's (and the in-process
    // server's) thread for seconds, long enough for the server to drop the idle keep-alive socket the next fetch reuses.
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(clip))).toBe(true);
    // A player seeks by asking for a range.
    const ranged = await fetch(`${server.url}/api/photos/${sha256(clip)}`, {
      headers: { authorization: `Bearer ${wang}`, range: 'bytes=1000-1999' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 1000-1999/${clip.length}`);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(clip.subarray(1000, 2000));
    const beyond = await fetch(`${server.url}/api/photos/${sha256(clip)}`, {
      headers: { authorization: `Bearer ${wang}`, range: `bytes=${clip.length}-` },
    });
    expect(beyond.status).toBe(416);
  });

  it('an upload cut off after its first part resumes from where the server says it stands, with nothing twice', async () => {
    const clip = webmClip(900_000, 2);
    await sendPart(clip, 0, { token: wang });
    expect((await progress(clip, wang)).body).toMatchObject({ received: PART, size: clip.length, stored: false });
    // The first part again (its answer was lost on the way back) changes nothing.
    expect((await sendPart(clip, 0, { token: wang })).body.received).toBe(PART);
    // A part past what the server holds would leave a gap: refused, naming where to go on from.
    const gap = await server.request('PUT', pathOf(API.uploadVideoPart, { sha: sha256(clip) }, { from: PART + 10, size: clip.length }), {
      token: wang,
      body: clip.subarray(PART + 10, PART + 20),
    });
    expect(gap.status).toBe(409);
    expect(gap.body.error).toContain(`send from byte ${PART}`);
    expect((await sendPart(clip, PART, { token: wang })).body).toMatchObject({ received: clip.length, stored: true });
    expect((await progress(clip, wang)).body).toMatchObject({ received: clip.length, stored: true });
    expect(Number((await server.sql('SELECT size FROM photos WHERE sha256 = ?', [sha256(clip)]))[0].size)).toBe(clip.length);
  });

  it('a clip in a format the server does not take is refused at its first part, naming the formats it takes', async () => {
    const avi = new Uint8Array(4000);
    avi.set(new TextEncoder().encode('RIFF\0\0\0\0AVI LIST'));
    const heic = new Uint8Array(4000);
    heic.set([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic')]);
    for (const file of [avi, heic]) {
      const r = await sendPart(file, 0, { token: wang });
      expect(r.status).toBe(415);
      expect(r.body).toMatchObject({ code: 'unsupported' });
      expect(r.body.error).toContain('MP4, MOV or WebM');
    }
    expect(await server.sql('SELECT count(*) AS n FROM upload_parts')).toEqual([{ n: 0 }]);
  });

  it('a clip over 20 MB is refused before a byte is kept, and so is a part over 512 KB', async () => {
    const clip = webmClip(PART);
    const huge = await sendPart(clip, 0, { token: wang, size: VIDEO_LIMITS.bytes + 1 });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatch(/at most 20 MB/);
    const fat = new Uint8Array(PART + 1);
    fat.set(webmClip(64));
    const big = await server.request('PUT', pathOf(API.uploadVideoPart, { sha: sha256(fat) }, { from: 0, size: fat.length }), {
      token: wang,
      body: fat,
    });
    expect(big.status).toBe(413);
    expect(await server.sql('SELECT count(*) AS n FROM upload_parts')).toEqual([{ n: 0 }]);
  });

  it('parts that do not hash to the clip are dropped, and the sender is told to send it again from the start', async () => {
    const clip = webmClip(700_000, 3);
    const forged = webmClip(700_000, 4);
    await sendPart(clip, 0, { token: wang });
    const r = await server.request('PUT', pathOf(API.uploadVideoPart, { sha: sha256(clip) }, { from: PART, size: clip.length }), {
      token: wang,
      body: forged.subarray(PART),
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/hash mismatch.*from the start/);
    expect((await progress(clip, wang)).body).toMatchObject({ received: 0, stored: false });
    expect(await server.running.deps.store.read.getPhoto(sha256(clip))).toBeUndefined();
  });

  it('a record cites at most one clip', async () => {
    const a = webmClip(2000, 5);
    const b = webmClip(2000, 6);
    const r = await server.call(API.submitInspection, {
      token: wang,
      json: inspection(
        'lobby',
        'b1-lobby',
        server.clock.now,
        failItem(
          'floor',
          'two clips',
          [a, b].map((c) => ({ sha256: sha256(c), size: c.length, kind: 'video' as const })),
        ),
      ),
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.fields)).toContain('at most one video clip');
  });
});

describe('who sees a clip', () => {
  it("knowing a clip's hash opens nothing: the citation of someone who never sent its bytes does not count", async () => {
    const clip = webmClip(3000, 7);
    expect((await upload(clip, wang)).body.stored).toBe(true);
    const li = await server.login('li');
    // li cites wang's clip without having it: li's record does not make it visible, and li's own progress is nil.
    await citeInFinding(clip, li);
    expect((await progress(clip, li)).body).toMatchObject({ received: 0, stored: false });
    const outsider = await server.login('rs-supervisor');
    expect((await server.call(API.photo, { params: { sha: sha256(clip) }, token: outsider })).status).toBe(404);
  });

  it("an owner's clip reaches their tracking page, and plays there", async () => {
    const device = { 'x-pqm-device': 'owner-phone-0123456789abcdef' };
    const clip = webmClip(600_000, 8);
    expect((await upload(clip, undefined, device)).body.stored).toBe(true);
    const code = (await server.running.deps.store.read.getLocation('b2-lobby'))!.code;
    const report = await server.call(API.reportProblem, {
      json: {
        id: randomUUID(),
        locationCode: code,
        category: 'facilities',
        description: 'The lift door bangs shut',
        photos: [{ sha256: sha256(clip), size: clip.length, kind: 'video' }],
      },
      headers: device,
    });
    expect(report.status).toBe(201);
    const token = report.body.trackingToken;
    const view = await server.call(API.tracking, { params: { token } });
    expect(view.body.photos).toEqual([{ sha256: sha256(clip), video: true }]);
    const played = await fetch(`${server.url}${pathOf(API.trackedPhoto, { token, sha: sha256(clip) })}`, {
      headers: { range: 'bytes=0-15' },
    });
    expect(played.status).toBe(206);
    expect(played.headers.get('content-type')).toBe('video/webm');
  });
});

describe('unfinished uploads never pile up', () => {
  it('a sender who abandons clips is never locked out: a fourth unfinished clip drops their oldest', async () => {
    const li = await server.login('li');
    const clips = [11, 12, 13, 14].map((seed) => webmClip(PART + 100, seed));
    for (const clip of clips) {
      expect((await sendPart(clip, 0, { token: li })).status).toBe(200);
      server.clock.advance(1000);
    }
    const held = await server.sql("SELECT DISTINCT sha256 FROM upload_parts WHERE uploader LIKE 'user:%' ORDER BY sha256");
    expect(held.map((r) => r.sha256).sort()).toEqual(clips.slice(1).map(sha256).sort());
  });

  it('parts nobody continued for a week are removed by the hourly sweep', async () => {
    const clip = webmClip(PART + 100, 20);
    await sendPart(clip, 0, { token: wang });
    server.clock.advance(8 * 24 * 3_600_000);
    await sweep(server.running.deps, server.clock.now);
    expect((await progress(clip, await server.loginAgain('wang'))).body).toMatchObject({ received: 0 });
  });
});
