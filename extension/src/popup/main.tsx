import { render } from 'preact';
import { loadStateAndSettings } from '../common/state.ts';
import { setExtLocale } from '../common/i18n.ts';
import { Popup } from './Popup.tsx';

// Render from the last poll at once (no network), then ask the worker for a fresh one. The read began while this
// module loaded (public/popup-early.js).
const [state, settings] = await loadStateAndSettings(globalThis.popupStored);
setExtLocale(settings.locale);
document.documentElement.lang = settings.locale ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
render(<Popup initial={state} />, document.getElementById('app')!);
performance.mark('popup:rendered');
