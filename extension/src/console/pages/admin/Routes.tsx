/** 巡更路线: a route's checkpoints in walking order, its rounds' hours, and the expected walk between checkpoints. */
import { useState } from 'preact/hooks';
import { API, LOCATION_KIND_LABELS, type EstateSetup, type PatrolRoute, type RouteInput } from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { tx } from '../../../common/i18n.ts';
import { useAsync } from '../../ui.tsx';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

const NEW: RouteInput = {
  name: { zh: '', en: '' },
  checkpoints: [],
  schedule: { kind: 'interval', everyHours: 2, from: '22:00', to: '06:00' },
  legMinutes: { min: 1, max: 20 },
  active: true,
};

export function Routes({ setup, change }: { setup: EstateSetup; change: Call }) {
  const estateId = setup.estate.id;
  const { data, reload } = useAsync(() => call(API.routes, { params: { estateId } }), [estateId]);
  const [editing, setEditing] = useState<{ id: string; input: RouteInput } | null>(null);
  const place = (id: string) => tx(setup.locations.find((l) => l.id === id)?.name) || id;
  const routes: PatrolRoute[] = data?.routes ?? [];
  return (
    <section data-testid="routes-admin">
      <table class="grid">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('checkpoints')}</th>
            <th>{t('roundHours')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {routes.map((r) => (
            <tr key={r.id}>
              <td>{tx(r.name)}</td>
              <td>{r.checkpoints.map(place).join(' → ')}</td>
              <td>
                {r.schedule.kind === 'interval' ? `${r.schedule.from}–${r.schedule.to} · ${r.schedule.everyHours} h` : r.schedule.kind}
              </td>
              <td>
                <button type="button" onClick={() => setEditing({ id: r.id, input: structuredClone(r) })}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <RouteEditor
          setup={setup}
          value={editing.input}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            const saved = await change(API.saveRoute, { params: { estateId, id: editing.id }, json: input });
            if (saved) {
              setEditing(null);
              reload();
            }
          }}
        />
      ) : (
        <button
          type="button"
          class="primary"
          data-testid="add-route"
          onClick={() => setEditing({ id: `route-${Date.now().toString(36)}`, input: structuredClone(NEW) })}
        >
          {t('addRoute')}
        </button>
      )}
    </section>
  );
}

function RouteEditor({
  setup,
  value,
  onSave,
  onCancel,
}: {
  setup: EstateSetup;
  value: RouteInput;
  onSave: (r: RouteInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [r, set] = useState(value);
  const schedule = r.schedule.kind === 'interval' ? r.schedule : null;
  const chosen = new Set(r.checkpoints);
  const place = (id: string) => setup.locations.find((l) => l.id === id);
  const move = (i: number, by: -1 | 1) => {
    const list = [...r.checkpoints];
    [list[i], list[i + by]] = [list[i + by], list[i]];
    set({ ...r, checkpoints: list });
  };
  return (
    <form
      class="card"
      data-testid="route-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ ...r, name: { zh: r.name.zh.trim(), en: r.name.en.trim() || r.name.zh.trim() } });
      }}
    >
      <label>
        {t('name')}{' '}
        <input
          name="name"
          required
          maxLength={200}
          value={r.name.zh}
          onInput={(e) => set({ ...r, name: { ...r.name, zh: e.currentTarget.value } })}
        />
      </label>
      {schedule ? (
        <p class="inline">
          <label>
            {t('roundsFrom')}{' '}
            <input
              type="time"
              name="from"
              value={schedule.from}
              onInput={(e) => set({ ...r, schedule: { ...schedule, from: e.currentTarget.value } })}
            />
          </label>{' '}
          <label>
            {t('roundsTo')}{' '}
            <input
              type="time"
              name="to"
              value={schedule.to}
              onInput={(e) => set({ ...r, schedule: { ...schedule, to: e.currentTarget.value } })}
            />
          </label>{' '}
          <label>
            {t('everyHours')}{' '}
            <input
              type="number"
              name="everyHours"
              min={0.25}
              max={12}
              step={0.25}
              value={schedule.everyHours}
              onInput={(e) => set({ ...r, schedule: { ...schedule, everyHours: Number(e.currentTarget.value) } })}
            />
          </label>
        </p>
      ) : null}
      <p class="inline">
        <label>
          {t('legMin')}{' '}
          <input
            type="number"
            name="legMin"
            min={0}
            max={240}
            value={r.legMinutes.min}
            onInput={(e) => set({ ...r, legMinutes: { ...r.legMinutes, min: Number(e.currentTarget.value) } })}
          />
        </label>{' '}
        <label>
          {t('legMax')}{' '}
          <input
            type="number"
            name="legMax"
            min={0}
            max={240}
            value={r.legMinutes.max}
            onInput={(e) => set({ ...r, legMinutes: { ...r.legMinutes, max: Number(e.currentTarget.value) } })}
          />
        </label>
      </p>
      <h4>{t('checkpoints')}</h4>
      <ol data-testid="route-checkpoints">
        {r.checkpoints.map((id, i) => (
          <li key={id}>
            {tx(place(id)?.name) || id}{' '}
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t('moveUp')} ${tx(place(id)?.name)}`}>
              ↑
            </button>
            <button
              type="button"
              disabled={i === r.checkpoints.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`${t('moveDown')} ${tx(place(id)?.name)}`}
            >
              ↓
            </button>
            <button type="button" onClick={() => set({ ...r, checkpoints: r.checkpoints.filter((c) => c !== id) })}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <label>
        {t('addCheckpoint')}{' '}
        <select
          name="addCheckpoint"
          value=""
          onChange={(e) => e.currentTarget.value && set({ ...r, checkpoints: [...r.checkpoints, e.currentTarget.value] })}
        >
          <option value="">—</option>
          {setup.locations
            .filter((l) => l.active && !chosen.has(l.id))
            .map((l) => (
              <option key={l.id} value={l.id}>
                {tx(l.name)} · {tx(LOCATION_KIND_LABELS[l.kind])}
              </option>
            ))}
        </select>
      </label>
      <p>
        <button type="submit" class="primary">
          {t('save')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
