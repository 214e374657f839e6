/** A hash router: the console is a set of extension pages, and #/issues/<id> links survive reloads. */
import { useEffect, useState } from 'preact/hooks';

export function useHashPath(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean);
  const [path, setPath] = useState(read);
  useEffect(() => {
    const on = () => setPath(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return path;
}
