import { errorText } from '../api/http.ts';
import { uuid } from '../util/uuid.ts';
import { useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { refOf, type Photo } from '../photos/compress.ts';
import { StorageFullError } from '../outbox/storage-full.ts';
import { save, sentWithin } from '../state/sync.ts';
import { PhotoInput } from '../ui/PhotoInput.tsx';

/** A department's fix, with its after-photo, through the same outbox as everything else. */
export function RectifyForm({
  issueId,
  label,
  hadPhoto,
  onDone,
}: {
  issueId: string;
  label: string;
  hadPhoto: boolean;
  onDone: (message: string) => void;
}) {
  const [note, setNote] = useState('');
  const [noPhotoReason, setNoPhotoReason] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // A problem reported with a photo is shown fixed with one, or the fixer says why not (shared/rules/issue-workflow.ts).
  const needsReason = hadPhoto && photos.length === 0;
  const submit = async () => {
    if (busy) return;
    if (!note.trim()) return setError(`${t('fixNote')}: ${t('required')}`);
    if (needsReason && !noPhotoReason.trim()) return setError(`${t('noPhotoReason')}: ${t('required')}`);
    setBusy(true);
    const id = uuid();
    try {
      const saved = await save(
        {
          id,
          kind: 'issueAction',
          params: { id: issueId },
          auth: true,
          label,
          body: {
            id,
            action: {
              type: 'rectify',
              note: note.trim(),
              photos: photos.map(refOf),
              ...(needsReason ? { noPhotoReason: noPhotoReason.trim() } : {}),
            },
          },
        },
        photos.map((p) => ({ sha256: p.sha256, blob: p.blob })),
      );
      // Said as it is: sent when the server has it, saved on the phone while it waits for a network.
      onDone(!saved.queued || (await sentWithin(id, 5000)) ? t('sent') : t('savedOnDevice'));
    } catch (e) {
      setError(e instanceof StorageFullError ? (e.recordSaved ? t('storageFull') : t('storageFullAll')) : errorText(e));
      setBusy(false);
    }
  };
  return (
    <form
      class="rectify"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="rectify-form"
    >
      <label>
        {t('fixNote')}
        <textarea value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <span class="label">{t('afterPhoto')}</span>
      <PhotoInput photos={photos} onChange={setPhotos} stamp={label} testId="after-photo" video />
      {needsReason ? (
        <label>
          {t('noPhotoReason')}
          <textarea
            value={noPhotoReason}
            maxLength={300}
            onInput={(e) => setNoPhotoReason(e.currentTarget.value)}
            data-testid="no-photo-reason"
          />
        </label>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="primary wide" disabled={busy}>
        {t('reportFix')}
      </button>
    </form>
  );
}
