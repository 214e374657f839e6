import { uuid } from '../util/uuid.ts';
import { useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import type { Photo } from '../photos/compress.ts';
import { StorageFullError } from '../outbox/outbox.ts';
import { save } from '../state/sync.ts';
import { PhotoInput } from '../ui/PhotoInput.tsx';

/** A department's fix, with its after-photo, through the same outbox as everything else. */
export function RectifyForm({ issueId, label, onDone }: { issueId: string; label: string; onDone: (message: string) => void }) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (!note.trim()) return setError(`${t('fixNote')}: ${t('required')}`);
    setBusy(true);
    const id = uuid();
    try {
      await save(
        {
          id,
          kind: 'issueAction',
          url: `/api/issues/${issueId}/actions`,
          auth: true,
          label,
          body: { id, action: { type: 'rectify', note: note.trim(), photos: photos.map((p) => ({ sha256: p.sha256, size: p.blob.size })) } },
        },
        photos.map((p) => ({ sha256: p.sha256, blob: p.blob })),
      );
      onDone(t('savedOnDevice'));
    } catch (e) {
      setError(e instanceof StorageFullError ? (e.recordSaved ? t('storageFull') : t('storageFullAll')) : String(e));
      setBusy(false);
    }
  };
  return (
    <form class="rectify" onSubmit={(e) => (e.preventDefault(), void submit())} data-testid="rectify-form">
      <label>
        {t('fixNote')}
        <textarea value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <span class="label">{t('afterPhoto')}</span>
      <PhotoInput photos={photos} onChange={setPhotos} stamp={label} testId="after-photo" />
      {error ? <p class="error" role="alert">{error}</p> : null}
      <button type="submit" class="primary wide" disabled={busy}>{t('reportFix')}</button>
    </form>
  );
}
