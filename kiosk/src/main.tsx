import { render } from 'preact';
import { App } from './App.tsx';
import { locale } from './i18n.ts';
import { restoreSession } from './state/session.ts';
import { startSync } from './state/sync.ts';
import { registerServiceWorker } from './sw-bridge.ts';
import './styles.css';

document.documentElement.lang = locale();
render(<App />, document.getElementById('app')!);
void restoreSession();
// The outbox (drained at once when it opens) and the service worker wait for the page to have loaded: the first
// paint needs neither, and their code would otherwise run while the location's checklist is being drawn.
addEventListener(
  'load',
  () => {
    void startSync();
    void registerServiceWorker();
  },
  { once: true },
);
