import { render } from 'preact';
import { loadSettings } from '../common/state.ts';
import { setExtLocale } from '../common/i18n.ts';
import { App } from './App.tsx';

const settings = await loadSettings();
setExtLocale(settings.locale);
document.documentElement.lang = settings.locale ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
render(<App />, document.getElementById('app')!);
