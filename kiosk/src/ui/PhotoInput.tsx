import { useState } from 'preact/hooks';
import { VIDEO_LIMITS } from '../../../shared/index.ts';
import { t } from '../i18n.ts';
import type { ClipProblem } from '../photos/clip.ts';
import { compressPhoto, type Photo } from '../photos/compress.ts';
import { useLater } from './later.ts';

const CLIP_WORDS: Record<ClipProblem, 'clipTooLong' | 'clipTooLarge' | 'clipFormat' | 'clipCamera'> = {
  tooLong: 'clipTooLong',
  tooLarge: 'clipTooLarge',
  format: 'clipFormat',
  camera: 'clipCamera',
};

/** Whether this browser can record in the page (most Android browsers and iOS 14.3+); else the camera app records. */
const canRecord = () => typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

/** A clip's problem (photos/clip.ts's ClipError), known without loading that module up front. */
const problemOf = (e: unknown): ClipProblem | null =>
  e instanceof Error && 'problem' in e ? ((e as Error & { problem: ClipProblem }).problem ?? null) : null;

/**
 * Camera capture (`capture=environment`), compressed and stamped on the phone. `album` also offers a photo already
 * taken (an owner who photographed the leak before scanning); staff evidence stays fresh from the camera.
 * `video` offers one short clip besides: recorded in the page where the browser can, else by the camera app.
 */
export function PhotoInput({
  photos,
  onChange,
  stamp,
  label,
  testId,
  album = false,
  video = false,
}: {
  photos: Photo[];
  onChange: (p: Photo[]) => void;
  stamp: string;
  label?: string;
  testId?: string;
  album?: boolean;
  video?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // The recorder and the clip tools load when first wanted: the location page opens without them.
  const recorder = useLater(
    () => import('./VideoRecorder.tsx').then((m) => m.VideoRecorder),
    () => setError(t('error')),
  );
  const attach = (item: Photo) => {
    // One clip per record: a new one takes the place of the last.
    const kept = item.kind === 'video' ? photos.filter((p) => p.kind !== 'video') : photos;
    if (!kept.some((p) => p.sha256 === item.sha256)) onChange([...kept, item]);
  };
  const failed = (e: unknown) => {
    const problem = problemOf(e);
    setError(problem ? t(CLIP_WORDS[problem]) : t('error'));
  };
  const add = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      attach(
        file.type.startsWith('video/')
          ? await (await import('../photos/clip.ts')).prepareClip(file, VIDEO_LIMITS)
          : await compressPhoto(file, `${new Date().toLocaleString()} · ${stamp}`),
      );
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };
  const hasClip = photos.some((p) => p.kind === 'video');
  return (
    <div class="photos">
      {photos.map((p) => (
        <figure key={p.sha256}>
          {p.kind === 'video' ? (
            // biome-ignore lint/a11y/useMediaCaption: a clip filmed on site has no captions to offer; its note says what it shows.
            <video src={p.url} controls playsInline preload="metadata" data-testid="clip-preview" />
          ) : (
            <img src={p.url} alt="" />
          )}
          <button type="button" class="link" onClick={() => onChange(photos.filter((x) => x !== p))}>
            {p.kind === 'video' ? t('removeVideo') : t('removePhoto')}
          </button>
        </figure>
      ))}
      <label class="button secondary">
        {busy ? '…' : (label ?? t('addPhoto'))}
        <input type="file" accept="image/*" capture="environment" hidden data-testid={testId} onChange={(e) => void add(e.currentTarget)} />
      </label>
      {video && !hasClip && !recorder.View ? (
        canRecord() ? (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setError('');
              recorder.open();
            }}
            data-testid="record-video"
          >
            {t('recordVideo')}
          </button>
        ) : (
          <label class="button secondary">
            {t('recordVideo')}
            <input type="file" accept="video/*" capture="environment" hidden onChange={(e) => void add(e.currentTarget)} />
          </label>
        )
      ) : null}
      {album ? (
        <label class="button secondary">
          {t('fromAlbum')}
          <input
            type="file"
            accept={video ? 'image/*,video/*' : 'image/*'}
            hidden
            data-testid={testId ? `${testId}-album` : undefined}
            onChange={(e) => void add(e.currentTarget)}
          />
        </label>
      ) : null}
      {recorder.View ? (
        <recorder.View
          limits={VIDEO_LIMITS}
          words={{ start: t('startRecording'), stop: t('stopRecording'), cancel: t('cancel'), left: t('secondsLeft') }}
          onDone={(clip) => {
            recorder.close();
            attach(clip);
          }}
          onCancel={(problem) => {
            recorder.close();
            if (problem) failed(problem);
          }}
        />
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
