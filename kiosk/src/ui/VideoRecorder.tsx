import { useEffect, useRef, useState } from 'preact/hooks';
import { ClipError, asClip, openCamera, record, type ClipLimits, type Recording } from '../photos/clip.ts';
import type { Photo } from '../photos/compress.ts';

/** The recorder's words, from the phone's book (passed in: this module loads on a tap, with nothing else). */
export interface RecorderWords {
  start: string;
  stop: string;
  cancel: string;
  /** "剩余 {n} 秒" */
  left: string;
}

/** The camera in the page: a live view, then up to the clip's length recorded with a countdown. */
export function VideoRecorder({
  limits,
  words,
  onDone,
  onCancel,
}: {
  limits: ClipLimits;
  words: RecorderWords;
  onDone: (clip: Photo) => void;
  onCancel: (problem?: ClipError) => void;
}) {
  const view = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [left, setLeft] = useState(limits.seconds);

  useEffect(() => {
    let live: MediaStream | null = null;
    let gone = false;
    openCamera().then(
      (s) => {
        if (gone) for (const track of s.getTracks()) track.stop();
        else setStream((live = s));
      },
      (e: unknown) => onCancel(e instanceof ClipError ? e : new ClipError('camera')),
    );
    return () => {
      gone = true;
      for (const track of live?.getTracks() ?? []) track.stop();
    };
  }, []);

  useEffect(() => {
    if (view.current && stream) view.current.srcObject = stream;
  }, [stream]);

  const start = () => {
    if (!stream) return;
    const r = record(stream, limits.seconds);
    setRecording(r);
    const began = Date.now();
    const tick = setInterval(() => setLeft(Math.max(0, limits.seconds - Math.floor((Date.now() - began) / 1000))), 250);
    void r.done
      .then((blob) => asClip(blob, limits))
      .then(onDone, (e: unknown) => onCancel(e instanceof ClipError ? e : undefined))
      .finally(() => clearInterval(tick));
  };

  return (
    <div class="recorder" data-testid="recorder">
      <video ref={view} autoplay muted playsInline />
      {recording ? (
        <>
          <p class="recording" aria-live="polite" data-testid="seconds-left">
            ● {words.left.replace('{n}', String(left))}
          </p>
          <button type="button" onClick={() => recording.stop()} data-testid="stop-recording">
            {words.stop}
          </button>
        </>
      ) : (
        <div class="row">
          <button type="button" disabled={!stream} onClick={start} data-testid="start-recording">
            {words.start}
          </button>
          <button type="button" class="secondary" onClick={() => onCancel()}>
            {words.cancel}
          </button>
        </div>
      )}
    </div>
  );
}
