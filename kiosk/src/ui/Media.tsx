import { useEffect, useState } from 'preact/hooks';
import { API, pathOf, type MediaItem } from '../../../shared/index.ts';
import { session } from '../api/http.ts';
import { t } from '../i18n-pages.ts';

/** A clip with the browser's own controls; one this browser cannot play says so and offers the file instead. */
export function Clip({ src }: { src: string }) {
  const [unplayable, setUnplayable] = useState(false);
  if (unplayable)
    return (
      <p class="muted" data-testid="clip-unplayable">
        {t('videoUnplayable')}{' '}
        <a href={src} download>
          {t('download')}
        </a>
      </p>
    );
  // biome-ignore lint/a11y/useMediaCaption: a clip filmed on site has no captions to offer; its note says what it shows.
  return <video class="clip" src={src} controls playsInline preload="metadata" onError={() => setUnplayable(true)} data-testid="clip" />;
}

/** A photo or clip an owner's tracking link may show, straight from the link's own address. */
export function TrackedMedia({ token, item }: { token: string; item: MediaItem }) {
  const src = pathOf(API.trackedPhoto, { token, sha: item.sha256 });
  return item.video ? <Clip src={src} /> : <img class="thumb" src={src} alt="" />;
}

/** Staff-only photos and clips need the session header, which an <img src> or <video src> cannot send. */
export function AuthMedia({ sha256, video = false, alt = '' }: { sha256: string; video?: boolean; alt?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    void fetch(pathOf(API.photo, { sha: sha256 }), { headers: { authorization: `Bearer ${session.token ?? ''}` } })
      .then((r) => (r.ok && /^(image|video)\//.test(r.headers.get('content-type') ?? '') ? r.blob() : null))
      .then((b) => {
        if (b && !revoked) setUrl((objectUrl = URL.createObjectURL(b)));
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [sha256]);
  if (!url) return <span class="thumb placeholder" />;
  return video ? <Clip src={url} /> : <img class="thumb" src={url} alt={alt} />;
}
