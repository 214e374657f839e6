/**
 * Photos, content-addressed by the SHA-256 of the bytes the device sent.
 * What we keep and serve is a re-encoded JPEG: the decoder proves it is a real image,
 * and re-encoding drops EXIF (GPS, device serials) while applying the orientation.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { sha256Hex } from '../security/crypto.ts';
import { Refusal, invalid, tooLarge, unsupported } from '../services/refusals.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** A decompression bomb: tiny file, huge canvas. 40 MP is more than any phone camera. */
export const MAX_PHOTO_PIXELS = 40_000_000;
const MAX_EDGE = 1600;

type ImageType = 'jpeg' | 'png' | 'webp';

export function sniffImage(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return 'png';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP')
    return 'webp';
  return null;
}

export interface StoredPhoto {
  sha256: string;
  size: number;
  storedSize: number;
  width: number;
  height: number;
  mediaType: 'image/jpeg';
}

/** The checks every upload passes first, whether or not the photo is already stored: the same answers either way. */
export function checkUpload(sha256: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw invalid('photo body is empty');
  if (bytes.length > MAX_PHOTO_BYTES) throw tooLarge(`photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
  const actual = sha256Hex(bytes);
  if (actual !== sha256)
    throw invalid(`photo hash mismatch: the body hashes to ${actual}, not ${sha256}`, [
      { path: 'sha256', message: 'does not match the body' },
    ]);
  if (!sniffImage(bytes)) throw unsupported('photo must be a JPEG, PNG or WebP image');
}

/**
 * Where the stored bytes live: files in the data folder, or PostgreSQL when several servers share one. `ext` is
 * the file's kind (jpg for every photo, webm/mp4/mov for a clip), which a folder of files names them by.
 */
export interface BlobBackend {
  /** Stores the whole file or nothing; storing the same photo twice is harmless. */
  write(sha256: string, data: Buffer, ext?: string): Promise<void>;
  read(sha256: string, ext?: string): Promise<Buffer | null>;
  exists(sha256: string, ext?: string): Promise<boolean>;
  /** Throws unless the storage can be reached (and, for files, written). */
  ping(): Promise<void>;
}

export class BlobStore {
  constructor(private readonly backend: BlobBackend) {}

  /** Stores one upload that passed checkUpload(). Throws a 4xx naming the problem; never stores a partial file. */
  async put(sha256: string, bytes: Uint8Array): Promise<StoredPhoto> {
    let out: { data: Buffer; info: OutputInfo };
    try {
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) {
        throw tooLarge(`photo is ${meta.width}×${meta.height} pixels; at most ${MAX_PHOTO_PIXELS / 1_000_000} MP`);
      }
      out = await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
    } catch (e) {
      if (e instanceof Refusal) throw e;
      throw unsupported('photo could not be decoded as an image');
    }
    await this.backend.write(sha256, out.data);
    return {
      sha256,
      size: bytes.length,
      storedSize: out.data.length,
      width: out.info.width,
      height: out.info.height,
      mediaType: 'image/jpeg',
    };
  }

  /** Stores a whole clip that passed its checks (photos/video.ts) as it came: the server does not transcode. */
  async putVideo(sha256: string, bytes: Buffer, mediaType: string): Promise<void> {
    await this.backend.write(sha256, bytes, extOfMediaType(mediaType));
  }

  /** Whether the file's bytes are stored (a row without them is repaired by the next upload). */
  has(sha256: string, mediaType = 'image/jpeg'): Promise<boolean> {
    return this.backend.exists(sha256, extOfMediaType(mediaType));
  }

  get(sha256: string, mediaType = 'image/jpeg'): Promise<Buffer | null> {
    return this.backend.read(sha256, extOfMediaType(mediaType));
  }
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/webm': 'webm' };

/** The file name's ending for a stored type (a folder of files keeps a clip as <sha>.webm, a photo as <sha>.jpg). */
export function extOfMediaType(mediaType: string): string {
  return EXTENSIONS[mediaType] ?? 'bin';
}

/** Photos as files in the data folder, two hex digits per sub-folder. */
export class FileBlobs implements BlobBackend {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string, ext = 'jpg'): string {
    return join(this.dir, sha256.slice(0, 2), `${sha256}.${ext}`);
  }

  async write(sha256: string, data: Buffer, ext?: string): Promise<void> {
    const path = this.pathOf(sha256, ext);
    const dir = join(this.dir, sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    // Write a uniquely named file, then rename: a crash leaves either no file or the whole file, and uploads
    // of the same photo at once never share a temporary name. The folder is synced after the rename so a
    // power cut cannot keep the database row and lose the file.
    const tmp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, data, { flush: true });
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    await syncDir(dir);
  }

  async ping(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await access(this.dir, constants.W_OK);
  }

  exists(sha256: string, ext?: string): Promise<boolean> {
    return access(this.pathOf(sha256, ext)).then(
      () => true,
      () => false,
    );
  }

  async read(sha256: string, ext?: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(sha256, ext));
    } catch {
      return null;
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
