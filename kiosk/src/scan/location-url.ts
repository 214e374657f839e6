/**
 * Only this deployment's own location links may be opened from a scan: a fake sticker pointing
 * elsewhere (a phishing page, another site's /l/ path) is refused.
 */
export interface ScannedLocation {
  code: string;
  /** The rotating code shown by a lobby kiosk, when the scan came from one. */
  kioskCode: string | null;
  /** A printed label carries ?q=1. */
  fromLabel: boolean;
}

export function parseLocationUrl(text: string, origin: string): ScannedLocation | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const m = /^\/l\/([a-z2-7]{26})\/?$/.exec(url.pathname);
  if (!m) return null;
  const k = url.searchParams.get('k');
  return { code: m[1], kioskCode: k && /^\d{6}$/.test(k) ? k : null, fromLabel: url.searchParams.get('q') === '1' };
}
