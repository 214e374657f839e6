/**
 * Video clips, uploaded in parts so a large clip resumes where it stopped (a lift lobby's weak signal, a phone
 * put away mid-upload). Each sender's parts are kept in the database, so any server takes the next part; once
 * the last arrives they are joined, checked against the hash, kept like a photo (content-addressed, credited
 * to whoever sent the bytes, seen through the records that cite it) and the parts removed.
 */
import { VIDEO_LIMITS, type VideoProgress } from '../../shared/index.ts';
import type { Deps } from '../context.ts';
import { VIDEO_FORMATS, sniffVideo } from '../photos/video.ts';
import { sha256Hex } from '../security/crypto.ts';
import { conflict, invalid, tooLarge, unsupported } from './refusals.ts';

/** Unfinished clips one sender may hold; beginning another drops their oldest, so nobody is ever locked out. */
const MAX_UNFINISHED = 3;
/** Parts of an upload nobody continued for this long are removed. */
export const STALE_UPLOAD_MS = 7 * 24 * 3_600_000;

export interface VideoPart {
  from: number;
  /** The whole clip's size. */
  size: number;
  bytes: Uint8Array;
}

const MB = 1024 * 1024;

function checkPart(part: VideoPart): void {
  const { from, size, bytes } = part;
  if (!Number.isSafeInteger(size) || size < 1)
    throw invalid("size: must be the whole clip's size in bytes", [
      { path: 'size', message: 'must be a positive whole number', rule: 'min_value', limit: 1 },
    ]);
  if (size > VIDEO_LIMITS.bytes)
    throw tooLarge(`the clip is ${(size / MB).toFixed(1)} MB; at most ${VIDEO_LIMITS.bytes / MB} MB (about ${VIDEO_LIMITS.seconds} s)`);
  if (!Number.isSafeInteger(from) || from < 0 || from >= size)
    throw invalid(`from: must be a byte of the clip (0 to ${size - 1})`, [{ path: 'from', message: 'outside the clip', rule: 'range' }]);
  if (bytes.length === 0) throw invalid('the part is empty');
  if (from + bytes.length > size)
    throw invalid(`the part runs past the clip's ${size} bytes`, [{ path: 'size', message: 'smaller than the parts sent' }]);
}

export async function videoProgress(deps: Deps, sha: string, author: string): Promise<VideoProgress> {
  const meta = await deps.store.read.getPhoto(sha);
  if (meta?.mediaType.startsWith('video/') && (await deps.store.read.sentBy(sha, author)) && (await deps.blobs.has(sha, meta.mediaType))) {
    return { kind: 'video', sha256: sha, size: meta.size, received: meta.size, stored: true };
  }
  const staged = await deps.store.read.stagedVideo(author, sha);
  return { kind: 'video', sha256: sha, size: staged?.total ?? 0, received: staged?.received ?? 0, stored: false };
}

/** Takes one part; answers where the upload stands. Throws a refusal naming what is wrong; keeps nothing then. */
export async function acceptVideoPart(deps: Deps, sha: string, part: VideoPart, author: string): Promise<VideoProgress> {
  checkPart(part);
  // The first part shows what the clip is: an unsupported format is refused before a byte is kept.
  if (part.from === 0 && !sniffVideo(part.bytes))
    throw unsupported(`this server takes ${VIDEO_FORMATS} video clips; the file sent is none of them`);
  const now = deps.clock();
  const store = deps.store;
  const done = await videoProgress(deps, sha, author);
  if (done.stored) return done;
  let received = done.received;
  if (received > 0 && done.size !== part.size) {
    await store.write((tx) => tx.dropStagedVideo(author, sha));
    throw conflict(`the clip's size changed from ${done.size} to ${part.size} bytes; send it again from the start`);
  }
  if (part.from > received) throw conflict(`this upload has ${received} bytes; send from byte ${received}`);
  // A part sent again (its answer was lost) is taken only for what is new in it.
  const fresh = Buffer.from(part.bytes.subarray(received - part.from));
  if (fresh.length > 0) {
    if (received === 0) await dropOldestIfFull(deps, author);
    await store.write((tx) => tx.stageVideoPart(author, sha, received, part.size, fresh, now));
    received += fresh.length;
  }
  if (received < part.size) return { kind: 'video', sha256: sha, size: part.size, received, stored: false };
  return finish(deps, sha, part.size, author);
}

async function dropOldestIfFull(deps: Deps, author: string): Promise<void> {
  if ((await deps.store.read.stagedVideoCount(author)) < MAX_UNFINISHED) return;
  const oldest = await deps.store.read.oldestStagedVideo(author);
  if (oldest) await deps.store.write((tx) => tx.dropStagedVideo(author, oldest));
}

/** The last part arrived: join, check and keep the clip, or drop the parts and say why. */
async function finish(deps: Deps, sha: string, size: number, author: string): Promise<VideoProgress> {
  const bytes = Buffer.concat(await deps.store.read.stagedVideoParts(author, sha));
  const actual = sha256Hex(bytes);
  const mediaType = sniffVideo(bytes);
  if (bytes.length !== size || actual !== sha || !mediaType) {
    await deps.store.write((tx) => tx.dropStagedVideo(author, sha));
    if (!mediaType) throw unsupported(`this server takes ${VIDEO_FORMATS} video clips; the file sent is none of them`);
    throw invalid(`clip hash mismatch: the parts hash to ${actual}, not ${sha}; send it again from the start`, [
      { path: 'sha256', message: 'does not match the clip' },
    ]);
  }
  const existing = await deps.store.read.getPhoto(sha);
  if (!existing || !(await deps.blobs.has(sha, mediaType))) await deps.blobs.putVideo(sha, bytes, mediaType);
  const now = deps.clock();
  await deps.store.write(async (tx) => {
    await tx.insertPhoto({ sha256: sha, size, storedSize: size, width: 0, height: 0, receivedAt: existing?.receivedAt ?? now, mediaType });
    await tx.addPhotoUploader(sha, author, now);
    await tx.dropStagedVideo(author, sha);
  });
  return { kind: 'video', sha256: sha, size, received: size, stored: true };
}
