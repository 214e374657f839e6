/**
 * Photos are taken live, shrunk on the phone to about 1600 px JPEG, stamped with time and place
 * (as field practice expects), and addressed by their SHA-256 so a retry never uploads twice.
 */
import type { PhotoRef } from '../../../shared/index.ts';

const MAX_EDGE = 1600;

/** A photo or a short clip the user attached, kept on the phone until its record is sent. */
export interface Photo {
  sha256: string;
  blob: Blob;
  url: string;
  /** A video clip (photos/clip.ts); absent for a photo. */
  kind?: 'video';
}

/** How a record cites it: by hash and size, a clip marked as one. */
export function refOf(p: Photo): PhotoRef {
  return p.kind === 'video' ? { sha256: p.sha256, size: p.blob.size, kind: 'video' } : { sha256: p.sha256, size: p.blob.size };
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function compressPhoto(file: Blob, stamp: string): Promise<Photo> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const w = Math.round(bitmap.width * scale);
  const h = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const size = Math.max(14, Math.round(w / 40));
  ctx.font = `${size}px sans-serif`;
  ctx.fillStyle = 'rgba(0,0,0,0.55)';
  ctx.fillRect(0, h - size * 1.8, w, size * 1.8);
  ctx.fillStyle = '#fff';
  ctx.fillText(stamp, size * 0.6, h - size * 0.55);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', 0.8),
  );
  return { sha256: await sha256Hex(blob), blob, url: URL.createObjectURL(blob) };
}
