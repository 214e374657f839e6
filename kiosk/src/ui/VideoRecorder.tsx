import { useEffect, useRef, useState } from 'preact/hooks';
import { VIDEO_LIMITS } from '../../../shared/index.ts';
import { t } from '../i18n.ts';
import { ClipError, asClip, openCamera, record, type Recording } from '../photos/clip.ts';
import type { Photo } from '../photos/compress.ts';

/** The camera in the page: a live view, then up to 15 s recorded with a countdown. */
export function VideoRecorder({ onDone, onCancel }: { onDone: (clip: Photo) => void; onCancel: (problem?: ClipError) => void }) {
  const view = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [left, setLeft] = useState<number>(VIDEO_LIMITS.seconds);

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
    const r = record(stream);
    setRecording(r);
    const began = Date.now();
    const tick = setInterval(() => setLeft(Math.max(0, VIDEO_LIMITS.seconds - Math.floor((Date.now() - began) / 1000))), 250);
    void r.done
      .then(asClip)
      .then(onDone, (e: unknown) => onCancel(e instanceof ClipError ? e : undefined))
      .finally(() => clearInterval(tick));
  };

  return (
    <div class="recorder" data-testid="recorder">
      <video ref={view} autoplay muted playsInline />
      {recording ? (
        <>
          <p class="recording" aria-live="polite" data-testid="seconds-left">
            ● {t('secondsLeft').replace('{n}', String(left))}
          </p>
          <button type="button" onClick={() => recording.stop()} data-testid="stop-recording">
            {t('stopRecording')}
          </button>
        </>
      ) : (
        <div class="row">
          <button type="button" disabled={!stream} onClick={start} data-testid="start-recording">
            {t('startRecording')}
          </button>
          <button type="button" class="secondary" onClick={() => onCancel()}>
            {t('cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
