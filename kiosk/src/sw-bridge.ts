/** The page's side of the service worker, through workbox-window. */
import type { Workbox } from 'workbox-window';

export type SwState = 'idle' | 'offline-ready' | 'update-waiting';

let state: SwState = 'idle';
let wb: Workbox | null = null;
const listeners = new Set<(s: SwState) => void>();
const set = (s: SwState) => {
  state = s;
  for (const fn of listeners) fn(s);
};

export const swEvents = {
  subscribe(fn: (s: SwState) => void): () => void {
    listeners.add(fn);
    fn(state);
    return () => void listeners.delete(fn);
  },
  /** Let the waiting worker take over, then reload into the new version. */
  applyUpdate(): void {
    if (!wb) return;
    wb.addEventListener('controlling', () => location.reload());
    wb.messageSkipWaiting();
  },
};

/** Loaded after the page is up: registration is never on the path to a usable location page. */
export async function registerServiceWorker(): Promise<void> {
  if (!navigator.serviceWorker || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('installed', (e) => {
    if (!e.isUpdate) set('offline-ready');
  });
  wb.addEventListener('waiting', () => set('update-waiting'));
  void wb.register().catch(() => undefined);
}
