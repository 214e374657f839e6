import type { ComponentChildren } from 'preact';
import { locale, setLocale, t, useLocale, formatTime } from '../i18n.ts';
import { useOutbox } from '../state/sync.ts';
import { useMe } from '../state/session.ts';

/**
 * Header with the language switch and, for staff or whenever something waits, the sync state. `brand` is the
 * property company and estate owners see on their pages, instead of the app's own name.
 */
export function Layout({ children, title, brand }: { children: ComponentChildren; title?: string; brand?: string }) {
  useLocale();
  const me = useMe();
  return (
    <div class="app">
      <header class="bar">
        <a class="brand" href="/" data-testid="brand">
          {brand || t('appName')}
        </a>
        {title ? <span class="bar-title">{title}</span> : null}
        <button type="button" class="link" onClick={() => setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('switchLanguage')}
        </button>
      </header>
      {me ? <SyncBar /> : <SyncBar quietWhenEmpty />}
      <SignInAgain />
      <main>{children}</main>
    </div>
  );
}

export function SyncBar({ quietWhenEmpty = false }: { quietWhenEmpty?: boolean }) {
  const s = useOutbox();
  if (!s?.ready || (quietWhenEmpty && s.pending === 0 && s.attention.length === 0)) return null;
  const online = typeof navigator === 'undefined' || navigator.onLine;
  return (
    <a class={`sync ${s.paused ? 'warn' : s.attention.length ? 'warn' : ''}`} href="/outbox" data-testid="sync-bar">
      <span data-testid="pending-count">{s.pending}</span> {t('waitingUpload')}
      {s.attention.length ? ` · ${s.attention.length} ${t('needsAttention')}` : ''}
      {' · '}
      {s.syncing ? t('syncing') : `${t('lastSync')} ${s.lastSyncAt ? formatTime(s.lastSyncAt) : t('never')}`}
      {online ? '' : ` · ${t('offline')}`}
    </a>
  );
}

/** When the server said 401, the queue waits: say so, with the way out. */
export function SignInAgain() {
  const s = useOutbox();
  if (s?.paused !== 'auth') return null;
  return (
    <a class="sync warn block" href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} data-testid="sign-in-again">
      <strong>{t('signInToSync')}</strong>
    </a>
  );
}
