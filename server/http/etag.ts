/**
 * If-None-Match, compared weakly as RFC 9110 says for it: a compressed answer's ETag comes back as W/"…"
 * (our compression, or nginx's), and a list may name several.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
