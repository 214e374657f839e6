import { useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { compressPhoto, type Photo } from '../photos/compress.ts';

/**
 * Camera capture (`capture=environment`), compressed and stamped on the phone. `album` also offers a photo already
 * taken (an owner who photographed the leak before scanning); staff evidence stays fresh from the camera.
 */
export function PhotoInput({
  photos,
  onChange,
  stamp,
  label,
  testId,
  album = false,
}: {
  photos: Photo[];
  onChange: (p: Photo[]) => void;
  stamp: string;
  label?: string;
  testId?: string;
  album?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const add = async (input: HTMLInputElement) => {
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
  };
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
        <input type="file" accept="image/*" capture="environment" hidden data-testid={testId} onChange={(e) => void add(e.currentTarget)} />
      </label>
      {album ? (
        <label class="button secondary">
          {t('fromAlbum')}
          <input
            type="file"
            accept="image/*"
            hidden
            data-testid={testId ? `${testId}-album` : undefined}
            onChange={(e) => void add(e.currentTarget)}
          />
        </label>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
    </div>
  );
}
