import { useState } from 'preact/hooks';

/**
 * A component whose code loads on first use (a tap), so the page that offers it opens without it. `open()` loads it
 * and then shows it; `View` is null until then, and again after `close()`. A load that fails (offline, with the
 * chunk not cached) goes to `onError`.
 */
export function useLater<C>(load: () => Promise<C>, onError: (e: unknown) => void = () => undefined) {
  const [view, setView] = useState<{ View: C } | null>(null);
  return {
    View: view?.View ?? null,
    open: () => void load().then((View) => setView({ View }), onError),
    close: () => setView(null),
  };
}
