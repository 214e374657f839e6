// First: a signed-in person's location page is asked for while the rest of the app loads.
import './pages/early-landing.ts';
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
void startSync();
addEventListener('load', () => void registerServiceWorker(), { once: true });
