import { useState } from 'preact/hooks';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  DESK_CHANNELS,
  DESK_CHANNEL_LABELS,
  DESK_TOPICS,
  DESK_TOPIC_LABELS,
  addDays,
  becomesIssue,
  fromLocal,
  toLocal,
  type Category,
  type DeskChannel,
  type DeskTopic,
} from '../../../shared/index.ts';
import { errorText } from '../api/http.ts';
import { tx } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { save, sentWithin } from '../state/sync.ts';
import { uuid } from '../util/uuid.ts';

const hhmm = (at: number, tz: string) => {
  const l = toLocal(at, tz);
  return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
};

/**
 * 接待登记: at the service desk, an owner's visit or call in a few taps. The time the owner came defaults to when
 * the form was opened; the answer is now. A complaint, or a request not settled here, becomes an issue.
 */
export function DeskLog({ deskId, timeZone, onDone }: { deskId: string; timeZone: string; onDone: (message: string) => void }) {
  // The phone's clock: the server puts a wrong one right when the entry arrives (shared/rules/device-clock.ts).
  const [openedAt] = useState(() => Date.now());
  const [topic, setTopic] = useState<DeskTopic>('consultation');
  const [channel, setChannel] = useState<DeskChannel>('visit');
  const [came, setCame] = useState(() => hhmm(openedAt, timeZone));
  const [resolved, setResolved] = useState(true);
  const [summary, setSummary] = useState('');
  const [household, setHousehold] = useState('');
  const [category, setCategory] = useState<Category>('service');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const settled = topic !== 'complaint' && resolved;
  const followUp = becomesIssue({ topic, resolved: settled });

  const submit = async () => {
    if (busy) return;
    if (!summary.trim()) return setError(`${t('deskSummary')}: ${t('required')}`);
    const answeredAt = Date.now();
    const [h, m] = came.split(':').map(Number);
    // Today's date in the estate; a time later than now means the owner came before midnight, yesterday.
    const today = toLocal(answeredAt, timeZone);
    let receivedAt = fromLocal(today, h * 60 + m, timeZone);
    // By the calendar, not by 24 hours: the day before may be 23 or 25 hours long where the estate keeps summer time.
    if (receivedAt > answeredAt) receivedAt = fromLocal(addDays(today, -1), h * 60 + m, timeZone);
    setBusy(true);
    const id = uuid();
    try {
      const saved = await save({
        id,
        kind: 'deskEntry',
        auth: true,
        label: `${tx(DESK_TOPIC_LABELS[topic])} · ${summary.trim().slice(0, 20)}`,
        body: {
          id,
          locationId: deskId,
          topic,
          channel,
          receivedAt,
          answeredAt,
          resolved: settled,
          summary: summary.trim(),
          household: household.trim(),
          category,
        },
      });
      onDone(!saved.queued || (await sentWithin(id, 5000)) ? t('deskLogged') : t('savedOnDevice'));
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form
      class="desk-log"
      data-testid="desk-log"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset class="choices">
        <legend>{t('deskTopic')}</legend>
        {DESK_TOPICS.map((k) => (
          <button key={k} type="button" aria-pressed={topic === k} class={topic === k ? 'primary' : ''} onClick={() => setTopic(k)}>
            {tx(DESK_TOPIC_LABELS[k])}
          </button>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>{t('deskChannel')}</legend>
        {DESK_CHANNELS.map((k) => (
          <button key={k} type="button" aria-pressed={channel === k} class={channel === k ? 'primary' : ''} onClick={() => setChannel(k)}>
            {tx(DESK_CHANNEL_LABELS[k])}
          </button>
        ))}
      </fieldset>
      <label>
        {t('deskCame')}
        <input type="time" name="came" value={came} required onInput={(e) => e.currentTarget.value && setCame(e.currentTarget.value)} />
      </label>
      <label>
        {t('deskSummary')}
        <textarea name="summary" value={summary} maxLength={500} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <label>
        {t('deskHousehold')}
        <input name="household" value={household} maxLength={40} onInput={(e) => setHousehold(e.currentTarget.value)} />
      </label>
      {topic === 'complaint' ? (
        <p class="muted">{t('deskComplaintFollows')}</p>
      ) : (
        <label class="check">
          <input type="checkbox" name="resolved" checked={resolved} onChange={(e) => setResolved(e.currentTarget.checked)} />{' '}
          {t('deskResolved')}
        </label>
      )}
      {followUp ? (
        <label>
          {t('problemCategory')}
          <select name="category" value={category} onChange={(e) => setCategory(e.currentTarget.value as Category)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tx(CATEGORY_LABELS[c])}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="primary wide" disabled={busy}>
        {followUp ? t('deskLogAndFollow') : t('deskLog')}
      </button>
    </form>
  );
}
