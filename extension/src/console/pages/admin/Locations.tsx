/** The estate's locations: the list with their codes, and one location's editor (kind, building, schedule). */
import { useState } from 'preact/hooks';
import {
  API,
  LOCATION_KINDS,
  LOCATION_KIND_LABELS,
  slotsOfDay,
  scheduleOf,
  toLocal,
  type LocationKind,
  type Schedule,
  formatShortCode,
} from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { clock, tx, errorText } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';
import type { Call } from './call.ts';
import { useCsvPreview } from './csv-file.ts';

/** `canAdmin`: the reader administers this estate (changing a code or making a tablet link is theirs alone). */
export function Locations({ setup, change, canAdmin }: { setup: Setup; change: Call; canAdmin: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [kiosk, setKiosk] = useState<{ name: string; url: string } | null>(null);
  const [form, setForm] = useState({ kind: 'lobby' as LocationKind, zh: '', en: '', buildingId: '' });
  const building = (id: string | null) => tx(setup.buildings.find((b) => b.id === id)?.name);
  return (
    <>
      <DataTable
        name="locations"
        header={[t('name'), t('kind'), t('buildings'), t('code')]}
        rows={setup.locations.map((l) => [tx(l.name), tx(LOCATION_KIND_LABELS[l.kind]), building(l.buildingId), formatShortCode(l.code)])}
      />
      <p class="buttons">
        {setup.locations.map((l) => (
          <span key={l.id} class="loc-actions">
            <button type="button" onClick={() => setEditing(l.id)}>
              {t('edit')}: {tx(l.name)}
            </button>
            {canAdmin ? (
              <>
                <button
                  type="button"
                  aria-label={`${t('revokeShort')}: ${tx(l.name)}`}
                  onClick={() =>
                    confirm(`${t('revoke')}: ${tx(l.name)}?`) &&
                    void change(API.revokeCode, { params: { estateId: setup.estate.id, id: l.id } })
                  }
                >
                  ↻ {t('revokeShort')}
                </button>
                <button
                  type="button"
                  aria-label={`${t('kioskShort')}: ${tx(l.name)}`}
                  onClick={() =>
                    void call(API.kioskLink, { params: { estateId: setup.estate.id, id: l.id } }).then(
                      (r) => setKiosk({ name: tx(l.name), url: r.url }),
                      (e) => setKiosk({ name: tx(l.name), url: errorText(e) }),
                    )
                  }
                >
                  ▣ {t('kioskShort')}
                </button>
              </>
            ) : null}
          </span>
        ))}
      </p>
      {kiosk ? (
        <p class="card" data-testid="kiosk-link">
          {t('kioskLink')} · {kiosk.name}: <code class="text">{kiosk.url}</code>{' '}
          <button type="button" onClick={() => setKiosk(null)}>
            ×
          </button>
        </p>
      ) : null}
      {editing ? <LocationEditor key={editing} setup={setup} locationId={editing} change={change} onDone={() => setEditing(null)} /> : null}
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void change(API.addLocation, {
            params: { estateId: setup.estate.id },
            json: { kind: form.kind, name: { zh: form.zh, en: form.en }, buildingId: form.buildingId || null },
          });
        }}
      >
        <h3>{t('add')}</h3>
        <label>
          {t('kind')}{' '}
          <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as LocationKind })}>
            {LOCATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tx(LOCATION_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('name')} (中文) <input value={form.zh} required onInput={(e) => setForm({ ...form, zh: e.currentTarget.value })} />
        </label>
        <label>
          {t('name')} (English) <input value={form.en} required onInput={(e) => setForm({ ...form, en: e.currentTarget.value })} />
        </label>
        <label>
          {t('buildings')}{' '}
          <select value={form.buildingId} onChange={(e) => setForm({ ...form, buildingId: e.currentTarget.value })}>
            <option value="">—</option>
            {setup.buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {tx(b.name)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
      <CsvImport setup={setup} change={change} />
    </>
  );
}

/** The template, with the Chinese column names and a BOM so Excel opens it as UTF-8. */
function downloadTemplate(): void {
  const rows = [
    '点位类型,点位名称,英文名称,楼栋',
    '大堂,1号楼大堂,Building 1 lobby,1号楼',
    '电梯,1号楼A梯,Building 1 lift A,1号楼',
    '门岗,南门岗,South gate,',
  ];
  const url = URL.createObjectURL(new Blob([`\uFEFF${rows.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'locations-template.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Locations from a CSV (UTF-8 or GBK): previewed first, then imported all at once, or not at all. */
function CsvImport({ setup, change }: { setup: Setup; change: Call }) {
  const params = { estateId: setup.estate.id };
  const { csv, preview, error, check, load, clear } = useCsvPreview((text) =>
    call(API.importLocations, { params, json: { csv: text, preview: true } }),
  );
  return (
    <form
      class="form"
      data-testid="csv-import"
      onSubmit={(e) => {
        e.preventDefault();
        void change(API.importLocations, { params, json: { csv } }).then((done) => done && clear());
      }}
    >
      <h3>{t('importCsv')}</h3>
      <p class="muted">
        {t('csvHint')}{' '}
        <button type="button" onClick={downloadTemplate} data-testid="csv-template">
          {t('csvTemplate')}
        </button>
      </p>
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('csvFile')}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) await load(file);
        }}
      />
      <textarea value={csv} rows={5} aria-label="CSV" onInput={(e) => void check(e.currentTarget.value)} />
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div data-testid="csv-preview">
          <p>
            {t('csvPreview')} {preview.created}
            {preview.newBuildings.length ? ` · ${t('newBuildings')} ${preview.newBuildings.join('、')}` : ''}
          </p>
          <ul class="muted">
            {preview.locations.slice(0, 5).map((l) => (
              <li key={l.id}>
                {tx(LOCATION_KIND_LABELS[l.kind])} · {l.name.zh}
              </li>
            ))}
            {preview.locations.length > 5 ? <li>…</li> : null}
          </ul>
        </div>
      ) : null}
      <button type="submit" class="primary" disabled={!preview}>
        {t('importCsv')}
      </button>
    </form>
  );
}

/** A location's name, building and own schedule (or its kind's), with the slots it makes today. */

export function LocationEditor({
  setup,
  locationId,
  change,
  onDone,
}: {
  setup: Setup;
  locationId: string;
  change: Call;
  onDone: () => void;
}) {
  const loc = setup.locations.find((l) => l.id === locationId)!;
  const [zh, setZh] = useState(loc.name.zh);
  const [en, setEn] = useState(loc.name.en);
  const [buildingId, setBuildingId] = useState(loc.buildingId ?? '');
  const [schedule, setSchedule] = useState<Schedule | null>(loc.schedule);
  const fallback = scheduleOf({ kind: loc.kind, schedule: null }, setup.templates);
  const shown = schedule ?? fallback;
  const today = toLocal(Date.now(), setup.estate.timeZone);
  let preview = '—';
  try {
    if (shown)
      preview = slotsOfDay(shown, today, setup.estate.timeZone)
        .map((x) => `${clock(x.start, setup.estate.timeZone)}–${clock(x.end, setup.estate.timeZone)}`)
        .join('  ');
  } catch {
    preview = '?';
  }
  const kinds: Record<string, Schedule> = {
    interval: { kind: 'interval', everyHours: 2, from: '07:00', to: '21:00' },
    timesPerDay: { kind: 'timesPerDay', times: 2, minGapHours: 4, from: '08:00', to: '20:00' },
    dailyAt: { kind: 'dailyAt', times: ['09:00'] },
  };
  const field = (key: string, value: string | number) => setSchedule({ ...(schedule as Schedule), [key]: value } as Schedule);
  return (
    <form
      class="form"
      data-testid="location-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void change(API.changeLocation, {
          params: { estateId: loc.estateId, id: loc.id },
          json: { kind: loc.kind, name: { zh, en }, buildingId: buildingId || null, schedule },
        }).then((ok) => ok && onDone());
      }}
    >
      <h3>{tx(loc.name)}</h3>
      <label>
        {t('name')} (中文) <input value={zh} required onInput={(e) => setZh(e.currentTarget.value)} />
      </label>
      <label>
        {t('name')} (English) <input value={en} required onInput={(e) => setEn(e.currentTarget.value)} />
      </label>
      <label>
        {t('buildings')}{' '}
        <select value={buildingId} onChange={(e) => setBuildingId(e.currentTarget.value)}>
          <option value="">—</option>
          {setup.buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {tx(b.name)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('schedules')}{' '}
        <select value={schedule?.kind ?? ''} onChange={(e) => setSchedule(e.currentTarget.value ? kinds[e.currentTarget.value] : null)}>
          <option value="">
            {t('kind')}: {tx(LOCATION_KIND_LABELS[loc.kind])}
          </option>
          <option value="interval">{t('everyNHours')}</option>
          <option value="timesPerDay">{t('nTimesADay')}</option>
          <option value="dailyAt">{t('dailyAt')}</option>
        </select>
      </label>
      {schedule?.kind === 'interval' ? (
        <p class="inline">
          <input
            type="number"
            min={0.25}
            step={0.25}
            value={schedule.everyHours}
            onInput={(e) => field('everyHours', Number(e.currentTarget.value))}
          />{' '}
          h, <input type="time" value={schedule.from} onInput={(e) => field('from', e.currentTarget.value)} /> –{' '}
          <input type="time" value={schedule.to} onInput={(e) => field('to', e.currentTarget.value)} />
        </p>
      ) : schedule?.kind === 'timesPerDay' ? (
        <p class="inline">
          × <input type="number" min={1} max={24} value={schedule.times} onInput={(e) => field('times', Number(e.currentTarget.value))} />,
          ≥{' '}
          <input
            type="number"
            min={0}
            step={0.5}
            value={schedule.minGapHours}
            onInput={(e) => field('minGapHours', Number(e.currentTarget.value))}
          />{' '}
          h, <input type="time" value={schedule.from} onInput={(e) => field('from', e.currentTarget.value)} /> –{' '}
          <input type="time" value={schedule.to} onInput={(e) => field('to', e.currentTarget.value)} />
        </p>
      ) : schedule?.kind === 'dailyAt' ? (
        <p class="inline">
          <input
            value={schedule.times.join(' ')}
            onInput={(e) => setSchedule({ ...schedule, times: e.currentTarget.value.split(/[\s,]+/).filter(Boolean) })}
          />
        </p>
      ) : null}
      <p class="muted">{preview}</p>
      <p class="buttons">
        <button type="submit" class="primary">
          {t('save')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
