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
