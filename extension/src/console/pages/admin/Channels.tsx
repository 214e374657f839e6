/**
 * 通知渠道: the work-chat robots and webhooks the estate's notifications go to, with a test button, each channel's
 * waiting and failed deliveries, and the delivery log. Addresses and secrets are never shown back.
 */
import { useState } from 'preact/hooks';
import { API, CHANNEL_KINDS, formatEstateTime, type Audience, type ChannelKind } from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { tx, errorText } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { useAsync } from '../../ui.tsx';
import { t, type WordKey } from '../../words.ts';
import type { Call } from './call.ts';

const KIND_WORD: Record<ChannelKind, WordKey> = {
  wecom: 'wecom',
  dingtalk: 'dingtalk',
  feishu: 'feishu',
  webhook: 'webhook',
  webpush: 'webpush',
};
type RobotKind = (typeof CHANNEL_KINDS)[number];

export function Channels({ setup, change }: { setup: Setup; change: Call }) {
  const params = { estateId: setup.estate.id };
  const { data, reload } = useAsync(() => call(API.channels, { params }), [setup.estate.id]);
  const [kind, setKind] = useState<RobotKind>('wecom');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [audience, setAudience] = useState('quality');
  const [tested, setTested] = useState('');
  const zone = setup.estate.timeZone;
  const audienceOf = (a: Audience, person: string | null) =>
    a.kind === 'quality'
      ? t('qualityTeam')
      : a.kind === 'person'
        ? (person ?? '—')
        : tx(setup.departments.find((d) => d.id === a.departmentId)?.name);
  const channelName = (id: string) => data?.channels.find((c) => c.id === id)?.name ?? '—';

  const test = async (id: string) => {
    setTested('');
    try {
      const r = await call(API.testChannel, { params: { ...params, id } });
      setTested(r.ok ? `${t('testSent')} ✓` : `${t('testFailed')}: ${r.error}`);
    } catch (e) {
      setTested(errorText(e));
    }
  };

  return (
    <section data-testid="channels">
      <p class="hint">{t('channelsHint')}</p>
      {tested ? <p role="status">{tested}</p> : null}
      <table class="grid">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('kind')}</th>
            <th>{t('address')}</th>
            <th>{t('audience')}</th>
            <th>{t('waiting')}</th>
            <th>{t('failedDeliveries')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.channels ?? []).map((c) => (
            <tr key={c.id} data-testid="channel" class={c.failing ? 'warn' : ''}>
              <td>{c.name}</td>
              <td>{t(KIND_WORD[c.kind])}</td>
              <td>{c.host}</td>
              <td>{audienceOf(c.audience, c.person)}</td>
              <td>{c.pending}</td>
              <td>{c.failing}</td>
              <td>
                <button type="button" onClick={() => void test(c.id)} data-testid="test-channel">
                  {t('sendTest')}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => void change(API.removeChannel, { params: { ...params, id: c.id } }).then((ok) => ok && reload())}
                >
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          const to: Audience = audience === 'quality' ? { kind: 'quality' } : { kind: 'department', departmentId: audience };
          void change(API.addChannel, { params, json: { kind, name, url, secret, audience: to } }).then((ok) => {
            if (!ok) return;
            setName('');
            setUrl('');
            setSecret('');
            reload();
          });
        }}
      >
        <h3>{t('addChannel')}</h3>
        <label>
          {t('kind')}{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as RobotKind)}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_WORD[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('name')} <input value={name} required maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {t('robotUrl')} <input type="url" value={url} required onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        {kind !== 'wecom' ? (
          <label>
            {t('robotSecret')}{' '}
            <input
              type="password"
              autoComplete="off"
              value={secret}
              required={kind === 'webhook'}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
          </label>
        ) : null}
        <label>
          {t('audience')}{' '}
          <select value={audience} onChange={(e) => setAudience(e.currentTarget.value)}>
            <option value="quality">{t('qualityTeam')}</option>
            {setup.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {tx(d.name)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
      <h3>{t('deliveryLog')}</h3>
      <DataTable
        name="deliveries"
        header={[t('time'), t('name'), t('message'), t('state'), t('attempts'), t('lastError')]}
        rows={(data?.deliveries ?? []).map((d) => [
          formatEstateTime(d.createdAt, zone),
          channelName(d.channelId),
          d.title,
          t(d.state === 'sent' ? 'deliverySent' : d.state === 'failed' ? 'deliveryFailed' : 'deliveryPending'),
          d.attempts,
          d.lastError ?? '',
        ])}
      />
    </section>
  );
}
