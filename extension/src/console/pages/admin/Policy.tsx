/** The deadline policy: hours per severity, when level 2 starts, separate duties. */
import { useState } from 'preact/hooks';
import { API, DEFAULT_RESPONSE_MINUTES, DEFAULT_RETENTION_DAYS, SEVERITIES, SEVERITY_LABELS } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

export function Policy({ setup, change }: { setup: Setup; change: Call }) {
  const [p, setP] = useState(setup.policy);
  const response = p.responseMinutes ?? DEFAULT_RESPONSE_MINUTES;
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        void change(API.setPolicy, { params: { estateId: setup.estate.id }, json: p });
      }}
    >
      <table class="grid">
        <thead>
          <tr>
            <th>{t('severity')}</th>
            <th>{t('finishWithin')}</th>
            <th>{t('level2After')}</th>
            <th>{t('responseMinutes')}</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => (
            <tr key={s}>
              <td>{tx(SEVERITY_LABELS[s])}</td>
              <td>
                <input
                  type="number"
                  aria-label={`${tx(SEVERITY_LABELS[s])} · ${t('finishWithin')}`}
                  min={0.25}
                  step={0.25}
                  value={p.hours[s]}
                  onInput={(e) => setP({ ...p, hours: { ...p.hours, [s]: Number(e.currentTarget.value) } })}
                />
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`${tx(SEVERITY_LABELS[s])} · ${t('level2After')}`}
                  min={0.25}
                  step={0.25}
                  value={p.level2AfterHours[s]}
                  onInput={(e) => setP({ ...p, level2AfterHours: { ...p.level2AfterHours, [s]: Number(e.currentTarget.value) } })}
                />
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`${tx(SEVERITY_LABELS[s])} · ${t('responseMinutes')}`}
                  min={1}
                  step={1}
                  value={response[s]}
                  onInput={(e) => setP({ ...p, responseMinutes: { ...response, [s]: Number(e.currentTarget.value) } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        <input
          type="checkbox"
          checked={p.separateDuties !== false}
          onChange={(e) => setP({ ...p, separateDuties: e.currentTarget.checked })}
        />{' '}
        {t('separateDuties')}
      </label>
      <label>
        <input type="checkbox" checked={p.autoAccept === true} onChange={(e) => setP({ ...p, autoAccept: e.currentTarget.checked })} />{' '}
        {t('autoAccept')}
      </label>
      <label>
        {t('retentionDays')}{' '}
        <input
          type="number"
          name="retentionDays"
          min={7}
          max={3650}
          value={p.retentionDays ?? DEFAULT_RETENTION_DAYS}
          onInput={(e) => setP({ ...p, retentionDays: Number(e.currentTarget.value) })}
        />
      </label>
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
