import { useEffect, useState } from 'preact/hooks';
import { describeFailure } from '../../../shared/index.ts';
import { formatDateTime, locale, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import type { OutboxEntry } from '../outbox/db.ts';
import { currentOutbox, startSync, useOutbox } from '../state/sync.ts';
import { Layout } from '../ui/Layout.tsx';

/** Everything waiting on this phone, and what needs the user's attention (never dropped silently). */
export default function OutboxPage() {
  useLocale();
  const status = useOutbox();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => void startSync().then(async (box) => setEntries((await box?.entries()) ?? [])), [status]);
  const box = currentOutbox();
  return (
    <Layout title={t('outbox')}>
      {entries.length === 0 ? <p class="card ok">{t('nothingWaiting')}</p> : null}
      <ul class="list" data-testid="outbox-list">
        {entries.map((e) => (
          <li key={e.id} class={`card ${e.state}`}>
            <div>
              <strong class="text">{e.label}</strong>
              <small class="muted block">{formatDateTime(e.createdAt)}</small>
              {e.lastError ? (
                <small class={e.state === 'attention' ? 'error block' : 'muted block'}>
                  {typeof e.lastError === 'string' ? e.lastError : describeFailure(e.lastError, locale())}
                </small>
              ) : null}
            </div>
            {e.state === 'attention' ? (
              <div class="actions">
                <span class="badge warn">{t('needsAttention')}</span>
                <button type="button" class="secondary" onClick={() => void box?.retry(e.id).then(() => box.drain({ force: true }))}>
                  {t('retry')}
                </button>
                <button type="button" class="danger" onClick={() => confirm(t('discardConfirm')) && void box?.discard(e.id)}>
                  {t('discard')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {/* Something to send: offer to send it now rather than at the next back-off. */}
      {entries.length > 0 ? (
        <button type="button" class="primary wide" onClick={() => void box?.drain({ force: true })} data-testid="send-now">
          {t('retry')}
        </button>
      ) : null}
    </Layout>
  );
}
