/**
 * Video clips: which containers the server takes, recognised by their first bytes rather than by what the sender
 * claims. The server keeps a clip as sent (no transcoder here); the phone records or re-encodes it small first.
 * Browsers play H.264/VP8/VP9 in MP4 and WebM; QuickTime (.mov, what an iPhone records) plays where the codec
 * does. Anything else is refused with the formats named, before a byte is kept.
 */
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** ISO base-media brands that are video (not HEIC/AVIF images, which share the container, nor 3GPP). */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VP',
  'dash',
  'mmp4',
  'f4v ',
  'MSNV',
]);

export const VIDEO_FORMATS = 'MP4, MOV or WebM';

/** The clip's type from its first bytes (the first 64 are enough), or null when it is none the server takes. */
export function sniffVideo(bytes: Uint8Array): 'video/mp4' | 'video/quicktime' | 'video/webm' | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (brand === 'qt  ') return 'video/quicktime';
    return MP4_BRANDS.has(brand) ? 'video/mp4' : null;
  }
  // EBML header, then a DocType of "webm" (Matroska's other files, .mkv, do not play in every browser).
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    return ascii(bytes, 4, Math.min(bytes.length, 64)).includes('webm') ? 'video/webm' : null;
  }
  return null;
}
