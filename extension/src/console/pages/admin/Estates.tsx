/**
 * 项目: this estate's name, address, zone, households and service phone; archiving it (its history kept, read-only,
 * no patrols owed) and restoring it; and adding another estate, which starts from the defaults.
 */
import { useState } from 'preact/hooks';
import { API, type EstateInput } from '../../../../../shared/index.ts';
import { formatEstateTime } from '../../../../../shared/index.ts';
import type { Setup } from '../../data.ts';
import { refreshSession } from '../../session.ts';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

type Draft = { zh: string; en: string; address: string; timeZone: string; households: string; servicePhone: string };

const toInput = (d: Draft): EstateInput => ({
  name: { zh: d.zh, en: d.en.trim() || d.zh },
  address: d.address,
  timeZone: d.timeZone,
  households: Number(d.households) || 0,
  servicePhone: d.servicePhone,
});

function EstateFields({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const field = (key: keyof Draft, label: string, extra: Record<string, string | boolean> = {}) => (
    <label>
      {label} <input name={key} value={draft[key]} onInput={(e) => onChange({ ...draft, [key]: e.currentTarget.value })} {...extra} />
    </label>
  );
  return (
    <>
      {field('zh', t('estateName'), { required: true })}
      {field('en', t('estateNameEn'))}
      {field('address', t('estateAddress'))}
      {field('households', t('households'), { inputMode: 'numeric' })}
      {field('servicePhone', t('servicePhone'), { type: 'tel' })}
      {field('timeZone', t('timeZone'), { required: true })}
    </>
  );
}

export function Estates({ setup, change }: { setup: Setup; change: Call }) {
  const e = setup.estate;
  const [draft, setDraft] = useState<Draft>({
    zh: e.name.zh,
    en: e.name.en,
    address: e.address,
    timeZone: e.timeZone,
    households: String(e.households),
    servicePhone: e.servicePhone,
  });
  const blank: Draft = { zh: '', en: '', address: '', timeZone: 'Asia/Shanghai', households: '', servicePhone: '' };
  const [fresh, setFresh] = useState<Draft>(blank);
  const params = { estateId: e.id };
  return (
    <section data-testid="estates">
      {e.archivedAt !== null ? (
        <p class="warn" data-testid="archived-note">
          {t('archivedSince')} {formatEstateTime(e.archivedAt, e.timeZone)}
        </p>
      ) : null}
      <form
        class="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          void change(API.updateEstate, { params, json: toInput(draft) });
        }}
      >
        <h3>{t('thisEstate')}</h3>
        <EstateFields draft={draft} onChange={setDraft} />
        <button type="submit" class="primary" disabled={e.archivedAt !== null}>
          {t('save')}
        </button>
      </form>
      <p>
        {e.archivedAt === null ? (
          <button
            type="button"
            data-testid="archive-estate"
            onClick={() => {
              if (confirm(t('archiveConfirm'))) void change(API.archiveEstate, { params }).then(() => refreshSession());
            }}
          >
            {t('archiveEstate')}
          </button>
        ) : (
          <button
            type="button"
            data-testid="restore-estate"
            onClick={() => void change(API.restoreEstate, { params }).then(() => refreshSession())}
          >
            {t('restoreEstate')}
          </button>
        )}
      </p>
      <form
        class="form"
        data-testid="new-estate"
        onSubmit={(ev) => {
          ev.preventDefault();
          void change(API.createEstate, { json: toInput(fresh) }).then((made) => {
            if (!made) return;
            setFresh(blank);
            // The new estate joins the estate picker and the extension's polling.
            void refreshSession();
          });
        }}
      >
        <h3>{t('newEstate')}</h3>
        <p class="hint">{t('newEstateHint')}</p>
        <EstateFields draft={fresh} onChange={setFresh} />
        <button type="submit">{t('add')}</button>
      </form>
    </section>
  );
}
