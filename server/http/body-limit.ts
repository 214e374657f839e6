/**
 * Every body is capped while it streams, before anything buffers it: a JSON body at 256 KB, a photo at
 * 10 MB, a part of a video clip at 512 KB (a clip comes in parts, services/videos.ts), and a GET carries none. A declared Content-Length over the cap is refused unread; a chunked body
 * is counted as it arrives and dropped at the first byte over. (Hono's bodyLimit does the same, but grows
 * one buffer by doubling, which costs a 10 MB cap ~25 MB of garbage.) A chunked photo is spooled to a
 * temporary file rather than held, so a 600 MB attack costs the server almost nothing; our own clients
 * always declare a photo's length.
 */
import { VIDEO_LIMITS, type Refused } from '../../shared/index.ts';
import type { Context, MiddlewareHandler } from 'hono';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PHOTO_BYTES } from '../photos/blob-store.ts';

export const MAX_JSON_BYTES = 256 * 1024;

const tooLarge = (c: Context, message: string) => c.json({ error: message, code: 'tooLarge', fields: [] } satisfies Refused, 413);

type Sink = { write(chunk: Uint8Array): Promise<void> | void; finish(): Promise<Buffer>; drop(): Promise<void> };

function memorySink(): Sink {
  const chunks: Uint8Array[] = [];
  return {
    write: (chunk) => void chunks.push(chunk),
    finish: async () => Buffer.concat(chunks),
    drop: async () => void (chunks.length = 0),
  };
}

function fileSink(): Sink {
  const path = join(tmpdir(), `pqm-upload-${randomUUID()}`);
  const file = createWriteStream(path);
  let failed: Error | null = null;
  file.on('error', (e) => (failed ??= e));
  const closed = () => new Promise<void>((resolve) => (file.closed ? resolve() : file.once('close', () => resolve())));
  return {
    // Waits for the disk when it is slower than the network, so nothing piles up in memory.
    write: (chunk) => (file.write(chunk) || file.destroyed ? undefined : once(file, 'drain').then(() => undefined)),
    finish: async () => {
      file.end();
      await closed();
      if (failed) throw failed;
      const bytes = await readFile(path);
      await rm(path, { force: true });
      return bytes;
    },
    drop: async () => {
      file.destroy();
      await closed();
      await rm(path, { force: true });
    },
  };
}

function capped(max: number, message: string, sink: () => Sink): MiddlewareHandler {
  return async (c, next) => {
    // Headers first: touching the body stream would lose the server adapter's fast path for declared lengths.
    const chunked = c.req.header('transfer-encoding') !== undefined;
    const declared = c.req.header('content-length');
    if (!chunked) return declared !== undefined && Number(declared) > max ? tooLarge(c, message) : next();
    const body = c.req.raw.body;
    if (!body) return next();
    const out = sink();
    let size = 0;
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        // What is left of the upload is drained and discarded by the server adapter once the 413 is sent.
        if (size > max) {
          await out.drop();
          return tooLarge(c, message);
        }
        await out.write(value);
      }
    } catch (e) {
      await out.drop();
      throw e;
    }
    c.req.raw = new Request(c.req.raw, { body: new Uint8Array(await out.finish()) });
    return next();
  };
}

export function capBodies(): MiddlewareHandler {
  const json = capped(MAX_JSON_BYTES, `body is too large (at most ${MAX_JSON_BYTES / 1024} KB)`, memorySink);
  const photo = capped(MAX_PHOTO_BYTES, `photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, fileSink);
  const videoPart = capped(VIDEO_LIMITS.part, `a part of a clip is at most ${VIDEO_LIMITS.part / 1024} KB`, memorySink);
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      const declared = Number(c.req.header('content-length') ?? '0');
      if (!c.req.header('transfer-encoding') && !(declared > 0)) return next();
      // Node does not hand a GET's body to the app; let it flow to nowhere while the 413 goes out.
      (c.env as { incoming?: { resume(): void } } | undefined)?.incoming?.resume();
      return Promise.resolve(tooLarge(c, 'this request carries no body'));
    }
    if (method === 'PUT' && c.req.path.startsWith('/api/photos/')) return photo(c, next);
    if (method === 'PUT' && c.req.path.startsWith('/api/videos/')) return videoPart(c, next);
    return json(c, next);
  };
}
