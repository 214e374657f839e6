import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, sha256 } from '../support/payloads.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { API } from '../../shared/index.ts';

let server: TestServer;
let wang: string;
beforeAll(async () => {
  server = await startTestServer();
  wang = await server.login('wang');
});
afterAll(() => server.close());

const put = (hash: string, body: Uint8Array, token: string | undefined = wang) =>
  server.request('PUT', `/api/photos/${hash}`, { token, body, headers: { 'content-type': 'application/octet-stream' } });

describe('photos are content-addressed and checked', () => {
  it('a body whose hash differs from the URL is refused and not stored', async () => {
    const photo = await jpeg();
    const wrong = sha256(new Uint8Array([1, 2, 3]));
    const r = await put(wrong, photo);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/hash mismatch/);
    expect(await server.running.deps.store.read.getPhoto(wrong)).toBeUndefined();
  });

  it('a file that is not an image is refused by its magic bytes', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    expect((await put(sha256(html), html)).status).toBe(415);
  });

  it('a photo over 10 MB is refused with 413', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await put(sha256(big), big)).status).toBe(413);
  });

  it('a pixel flood (a tiny file with a huge canvas) is refused', async () => {
    const flood = new Uint8Array(
      await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' } })
        .png({ compressionLevel: 9 })
        .toBuffer(),
    );
    expect(flood.length).toBeLessThan(1_000_000);
    const r = await put(sha256(flood), flood);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/pixels/);
  });

  it('strips EXIF and GPS from what it serves, and shrinks to 1600 px', async () => {
    const photo = await jpeg(2400, 1200, '#336699', true);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const hash = sha256(photo);
    expect((await put(hash, photo)).status).toBe(201);
    // Served only to members of an estate whose record refers to it.
    const lobby = await server.call(API.submitInspection, {
      token: wang,
      json: {
        id: crypto.randomUUID(),
        locationId: 'b1-lobby',
        templateId: 'tpl-lobby',
        templateVersion: 1,
        startedAt: server.clock.now - 60_000,
        finishedAt: server.clock.now,
        confirmedBy: 'link',
        answers: [
          { itemId: 'floor', value: 'fail', note: 'wet floor', photos: [{ sha256: hash, size: photo.length }] },
          ...['odour', 'glass', 'lighting', 'access', 'notices'].map((itemId) => ({ itemId, value: 'pass' })),
        ],
      },
    });
    expect(lobby.status).toBe(201);
    const res = await fetch(`${server.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${wang}` } });
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(new Uint8Array(await res.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([1600, 800]);

    const outsider = await server.login('rs-supervisor');
    // Not told that the photo exists: the same answer as for a photo never uploaded.
    expect((await server.call(API.photo, { params: { sha: hash }, token: outsider })).status).toBe(404);
    expect((await server.call(API.photo, { params: { sha: hash } })).status).toBe(401);
  });

  it('uploading the same photo twice is harmless', async () => {
    const photo = await jpeg(32, 32, '#123456');
    const first = await put(sha256(photo), photo);
    const again = await put(sha256(photo), photo);
    // The same answer both times: a second upload neither fails nor tells anyone the photo was there.
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
  });
});
