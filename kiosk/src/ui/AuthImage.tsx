import { useEffect, useState } from 'preact/hooks';
import { API, pathOf } from '../../../shared/index.ts';
import { session } from '../api/http.ts';

/** Staff-only photos need the session header, which an <img src> cannot send. */
export function AuthImage({ sha256, alt = '' }: { sha256: string; alt?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    void fetch(pathOf(API.photo, { sha: sha256 }), { headers: { authorization: `Bearer ${session.token ?? ''}` } })
      .then((r) => (r.ok && r.headers.get('content-type')?.startsWith('image/') ? r.blob() : null))
      .then((b) => {
        if (b && !revoked) setUrl((objectUrl = URL.createObjectURL(b)));
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [sha256]);
  return url ? <img class="thumb" src={url} alt={alt} /> : <span class="thumb placeholder" />;
}
