import { useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { compressPhoto, type Photo } from '../photos/compress.ts';

/** Camera capture (`capture=environment`), compressed and stamped on the phone. */
export function PhotoInput({
  photos,
  onChange,
  stamp,
  label,
  testId,
}: {
  photos: Photo[];
  onChange: (p: Photo[]) => void;
  stamp: string;
  label?: string;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <div class="photos">
      {photos.map((p) => (
        <figure key={p.sha256}>
          <img src={p.url} alt="" />
          <button type="button" class="link" onClick={() => onChange(photos.filter((x) => x !== p))}>
            {t('removePhoto')}
          </button>
        </figure>
      ))}
      <label class="button secondary">
        {busy ? '…' : (label ?? t('addPhoto'))}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid={testId}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (!file) return;
            setBusy(true);
            setError('');
            try {
              const photo = await compressPhoto(file, `${new Date().toLocaleString()} · ${stamp}`);
              if (!photos.some((p) => p.sha256 === photo.sha256)) onChange([...photos, photo]);
            } catch {
              setError(t('error'));
            } finally {
              setBusy(false);
            }
          }}
        />
      </label>
      {error ? <p class="error">{error}</p> : null}
    </div>
  );
}
