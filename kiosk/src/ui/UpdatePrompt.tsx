import { useEffect, useState } from 'preact/hooks';
import { t, useLocale } from '../i18n.ts';
import { swEvents, type SwState } from '../sw-bridge.ts';

/** "New version, reload" when a new service worker waits; "ready offline" once after the first install. */
export function UpdatePrompt() {
  useLocale();
  const [state, setState] = useState<SwState>('idle');
  useEffect(() => swEvents.subscribe(setState), []);
  // "Ready offline" is news, not a question: it goes by itself after a few seconds and never sits over the form.
  useEffect(() => {
    if (state !== 'offline-ready') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  if (state === 'offline-ready') {
    return (
      <div class="toast" role="status">
        {t('readyOffline')}{' '}
        <button type="button" onClick={() => setState('idle')} aria-label={t('close')}>
          ×
        </button>
      </div>
    );
  }
  if (state !== 'update-waiting') return null;
  return (
    <div class="toast" role="alert" data-testid="update-prompt">
      {t('newVersion')}{' '}
      <button type="button" class="primary" onClick={() => swEvents.applyUpdate()}>
        {t('reload')}
      </button>
    </div>
  );
}
