import { useState } from 'preact/hooks';
import {
  API,
  type SurveyChannel,
  DEFAULT_SURVEY,
  SATISFACTION_TARGET,
  dateIn,
  shiftDate,
  type AreaSatisfaction,
} from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx, errorText } from '../../common/i18n.ts';
import { Bars, Chart, pct } from '../charts.tsx';
import { estateZone, useSetup } from '../data.ts';
import { DataTable } from '../table.tsx';
import { QrImage } from '../qr.tsx';
import { useAsync } from '../ui.tsx';
import { t } from '../words.ts';

/** 满意度: quarterly campaigns, their link and QR, sample progress, each area against the 90 % target. */
export default function SurveysPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const { data, reload, error } = useAsync(() => call(API.campaigns, { params: { estateId } }), [estateId]);
  const blank = () => ({
    zh: '',
    en: '',
    opensOn: dateIn(Date.now(), estateZone(estateId)),
    closesOn: shiftDate(dateIn(Date.now(), estateZone(estateId)), 30),
    target: 30,
  });
  const [form, setForm] = useState(blank);
  const [message, setMessage] = useState('');
  const areaName = (id: string) => tx(DEFAULT_SURVEY.areas.find((a) => a.id === id)?.label) || id;

  const create = async () => {
    setMessage('');
    try {
      await call(API.createCampaign, {
        params: { estateId },
        json: {
          name: { zh: form.zh, en: form.en || form.zh },
          surveyId: 'survey-quarterly',
          opensOn: form.opensOn,
          closesOn: form.closesOn,
          sampleTarget: form.target / 100,
        },
      });
      // Made: the form is ready for the next one.
      setForm(blank());
      reload();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const improve = async (area: AreaSatisfaction) => {
    const category = DEFAULT_SURVEY.areas.find((a) => a.id === area.areaId)?.category ?? 'service';
    await call(API.raiseIssue, {
      params: { estateId },
      json: {
        id: crypto.randomUUID(),
        source: 'survey',
        category,
        severity: 'important',
        description: `满意度改进:${areaName(area.areaId)} ${pct(area.rate)} < 90%`,
      },
    });
    setMessage(`${t('improve')} ✓`);
  };

  return (
    <section data-testid="surveys-page">
      <h2>{t('surveys')}</h2>
      {error ? <p class="error">{error}</p> : null}
      {(data?.campaigns ?? []).map((c) => {
        const url = `${setup?.publicUrl ?? ''}/s/${c.campaign.code}`;
        return (
          <article class="card" key={c.campaign.id}>
            <h3>
              {tx(c.campaign.name)} · {c.campaign.opensOn} – {c.campaign.closesOn}
            </h3>
            <div class="campaign-head">
              <QrImage text={url} />
              <div>
                <p>
                  {t('link')}: <code>{url}</code>
                </p>
                <p data-testid="sample">
                  {t('sample')}: {c.sample.responses} / {c.sample.needed} ({t('sampleTarget')} {Math.round(c.campaign.sampleTarget * 100)}%
                  × {c.sample.households}) {c.sample.reached ? '✓' : ''}
                </p>
                <p>
                  {t('satisfaction')}: <strong>{pct(c.overall.rate)}</strong> ({t('target90')})
                </p>
              </div>
            </div>
            <Chart title={t('satisfaction')}>
              <Bars
                rows={c.areas.map((a) => ({ label: areaName(a.areaId), value: a.rate }))}
                max={1}
                target={SATISFACTION_TARGET}
                format={(v) => pct(v)}
              />
            </Chart>
            <DataTable
              name={`survey-${c.campaign.opensOn}`}
              header={[t('section'), t('answered'), t('satisfaction'), '']}
              rows={c.areas.map((a) => [
                areaName(a.areaId),
                a.answered,
                pct(a.rate),
                a.meetsTarget === null ? '—' : a.meetsTarget ? '✓' : '✗',
              ])}
            >
              {c.areas
                .filter((a) => a.meetsTarget === false)
                .map((a) => (
                  <button type="button" key={a.areaId} onClick={() => void improve(a)}>
                    {t('improve')}: {areaName(a.areaId)}
                  </button>
                ))}
            </DataTable>
            <PhoneEntry estateId={estateId} campaignId={c.campaign.id} onDone={reload} />
          </article>
        );
      })}
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3>{t('newCampaign')}</h3>
        <label>
          {t('name')} (中文) <input value={form.zh} required onInput={(e) => setForm({ ...form, zh: e.currentTarget.value })} />
        </label>
        <label>
          {t('name')} (English) <input value={form.en} onInput={(e) => setForm({ ...form, en: e.currentTarget.value })} />
        </label>
        <label>
          {t('opens')} <input type="date" value={form.opensOn} onInput={(e) => setForm({ ...form, opensOn: e.currentTarget.value })} />
        </label>
        <label>
          {t('closes')} <input type="date" value={form.closesOn} onInput={(e) => setForm({ ...form, closesOn: e.currentTarget.value })} />
        </label>
        <label>
          {t('sampleTarget')} (%){' '}
          <input
            type="number"
            min={1}
            max={100}
            value={form.target}
            onInput={(e) => setForm({ ...form, target: Number(e.currentTarget.value) })}
          />
        </label>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

function PhoneEntry({ estateId, campaignId, onDone }: { estateId: string; campaignId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [household, setHousehold] = useState('');
  const [channel, setChannel] = useState<SurveyChannel>('phone');
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [error, setError] = useState('');
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('phoneEntry')}
      </button>
    );
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError('');
        try {
          await call(API.enterSurveyResponse, {
            params: { estateId, id: campaignId },
            json: { id: crypto.randomUUID(), household, channel, answers },
          });
          setOpen(false);
          setAnswers({});
          setHousehold('');
          onDone();
        } catch (x) {
          setError(errorText(x));
        }
      }}
    >
      <label>
        {t('household')} <input value={household} required onInput={(e) => setHousehold(e.currentTarget.value)} />
      </label>
      <label>
        {t('channel')}{' '}
        <select value={channel} onChange={(e) => setChannel(e.currentTarget.value as SurveyChannel)}>
          <option value="phone">{t('byPhone')}</option>
          <option value="in_person">{t('inPerson')}</option>
        </select>
      </label>
      {DEFAULT_SURVEY.areas.map((a) => (
        <label key={a.id}>
          {tx(a.label)}{' '}
          <select
            value={answers[a.id] ?? ''}
            onChange={(e) => setAnswers({ ...answers, [a.id]: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
          >
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ))}
      {error ? <p class="error">{error}</p> : null}
      <button type="submit" class="primary">
        {t('submit')}
      </button>
    </form>
  );
}
