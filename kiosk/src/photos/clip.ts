/**
 * Video clips (the plan's 拍照或录像). Loaded only when a clip is wanted, so it takes its limits from the caller
 * (shared VIDEO_LIMITS) rather than importing what the location page has loaded already. Recorded in the page with MediaRecorder at a modest size and bitrate, so
 * 15 s come to about 2 MB; a clip from the phone's own camera app or album is checked for length and, where the
 * browser can, re-encoded to the same size by playing it through a canvas. Addressed by SHA-256 like a photo.
 */
import { sha256Hex, type Photo } from './compress.ts';

const BITRATE = 900_000;
const EDGE = 640;
/** What the server takes (server/photos/video.ts); a browser records one of the first two. */
const ACCEPTED = ['video/webm', 'video/mp4', 'video/quicktime'];
const RECORD_AS = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp8', 'video/webm', 'video/mp4'];
/** A picked clip larger than this is re-encoded smaller where the browser can. */
const REENCODE_ABOVE = 6 * 1024 * 1024;

export type ClipProblem = 'tooLong' | 'tooLarge' | 'format' | 'camera';

export class ClipError extends Error {
  constructor(readonly problem: ClipProblem) {
    super(problem);
  }
}

/** The back camera at a modest size, with sound when the phone allows (a noise complaint needs it). */
export async function openCamera(): Promise<MediaStream> {
  const video = { facingMode: 'environment', width: { ideal: EDGE }, height: { ideal: 480 } };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: true });
  } catch {
    try {
      return await navigator.mediaDevices.getUserMedia({ video, audio: false });
    } catch {
      throw new ClipError('camera');
    }
  }
}

export interface Recording {
  /** Stops early; the clip is what was recorded so far. */
  stop(): void;
  done: Promise<Blob>;
}

/** A clip's limits (VIDEO_LIMITS): its length and its size. */
export interface ClipLimits {
  seconds: number;
  bytes: number;
}

/** Records `stream` until stop() or the clip's length, whichever is first. */
export function record(stream: MediaStream, seconds: number): Recording {
  const mimeType = RECORD_AS.find((t) => MediaRecorder.isTypeSupported(t));
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: BITRATE, audioBitsPerSecond: 48_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  const done = new Promise<Blob>((resolve) => {
    recorder.onstop = () => resolve(new Blob(chunks, { type: (recorder.mimeType || mimeType || 'video/webm').split(';')[0] }));
  });
  const stop = () => {
    if (recorder.state !== 'inactive') recorder.stop();
  };
  const limit = setTimeout(stop, seconds * 1000);
  void done.then(() => clearTimeout(limit));
  recorder.start(1000);
  return { stop, done };
}

export async function asClip(blob: Blob, limits: ClipLimits): Promise<Photo> {
  if (blob.size > limits.bytes) throw new ClipError('tooLarge');
  return { sha256: await sha256Hex(blob), blob, url: URL.createObjectURL(blob), kind: 'video' };
}

/** A clip from the camera app or the album: at most 15 s, re-encoded smaller (or into a format we take) if it can be. */
export async function prepareClip(file: Blob, limits: ClipLimits): Promise<Photo> {
  const video = await loadVideo(file);
  try {
    // A recording without its length in the file reports Infinity; its size still caps it.
    if (Number.isFinite(video.duration) && video.duration > limits.seconds + 0.5) throw new ClipError('tooLong');
    const accepted = ACCEPTED.includes(file.type.split(';')[0]);
    if ((file.size > REENCODE_ABOVE || !accepted) && canReencode()) return await asClip(await reencode(video, limits.seconds), limits);
    if (!accepted) throw new ClipError('format');
    return await asClip(file, limits);
  } finally {
    URL.revokeObjectURL(video.src);
  }
}

function loadVideo(file: Blob): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  return new Promise((resolve, reject) => {
    video.onloadedmetadata = () => resolve(video);
    video.onerror = () => {
      URL.revokeObjectURL(video.src);
      reject(new ClipError('format'));
    };
    video.src = URL.createObjectURL(file);
  });
}

const canReencode = () => typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';

/** Plays the clip through a 640 px canvas into a recorder, in real time: smaller, and in a format we take. */
async function reencode(video: HTMLVideoElement, seconds: number): Promise<Blob> {
  const scale = Math.min(1, EDGE / Math.max(video.videoWidth || EDGE, video.videoHeight || EDGE));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round((video.videoWidth || EDGE) * scale);
  canvas.height = Math.round((video.videoHeight || 480) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ClipError('format');
  const stream = canvas.captureStream(25);
  // The sound comes along where the browser can capture it from the element.
  const withSound = (video as HTMLVideoElement & { captureStream?: () => MediaStream }).captureStream?.();
  for (const track of withSound?.getAudioTracks() ?? []) stream.addTrack(track);
  const recording = record(stream, seconds);
  let frame = 0;
  const draw = () => {
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    if (!video.ended) frame = requestAnimationFrame(draw);
  };
  video.onended = () => recording.stop();
  await video.play();
  draw();
  const blob = await recording.done;
  cancelAnimationFrame(frame);
  for (const track of stream.getTracks()) track.stop();
  return blob;
}
