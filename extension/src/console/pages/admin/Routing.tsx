/**
 * 派单规则: which department a problem goes to, by category, kind of place and building. The most specific
 * matching rule wins (shared/rules/dispatch.ts); a problem no rule matches waits in 待派单.
 */
import { useState } from 'preact/hooks';
import {
  API,
  CATEGORIES,
  CATEGORY_LABELS,
  LOCATION_KINDS,
  LOCATION_KIND_LABELS,
  type Category,
  type LocationKind,
  type RoutingRule,
} from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { staffOf, type Setup } from '../../data.ts';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

/** A select whose empty choice means "any" (or what `none` says). */
function AnyOf<T extends string>(props: {
  value: T | null;
  options: { value: T; label: string }[];
  label: string;
  none?: string;
  onChange: (v: T | null) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) => props.onChange((e.currentTarget.value || null) as T | null)}
    >
      <option value="">{props.none ?? t('anyValue')}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function Routing({ setup, change }: { setup: Setup; change: Call }) {
  const [rules, setRules] = useState<RoutingRule[]>(setup.routing);
  const set = (n: number, patch: Partial<RoutingRule>) => setRules(rules.map((r, i) => (i === n ? { ...r, ...patch } : r)));
  const add = () =>
    setRules([
      ...rules,
      {
        id: crypto.randomUUID(),
        category: null,
        locationKind: null,
        buildingId: null,
        departmentId: setup.departments[0]?.id ?? '',
        assigneeId: null,
      },
    ]);
  return (
    <form
      class="form wide-form"
      data-testid="routing-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void change(API.setRouting, { params: { estateId: setup.estate.id }, json: { rules } });
      }}
    >
      <p class="hint">{t('routingHint')}</p>
      <table class="grid">
        <thead>
          <tr>
            <th>{t('category')}</th>
            <th>{t('kind')}</th>
            <th>{t('building')}</th>
            <th>{t('department')}</th>
            <th>{t('assignee')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((r, n) => (
            <tr key={r.id} data-testid="routing-rule">
              <td>
                <AnyOf<Category>
                  label={t('category')}
                  value={r.category}
                  options={CATEGORIES.map((c) => ({ value: c, label: tx(CATEGORY_LABELS[c]) }))}
                  onChange={(category) => set(n, { category })}
                />
              </td>
              <td>
                <AnyOf<LocationKind>
                  label={t('kind')}
                  value={r.locationKind}
                  options={LOCATION_KINDS.map((k) => ({ value: k, label: tx(LOCATION_KIND_LABELS[k]) }))}
                  onChange={(locationKind) => set(n, { locationKind })}
                />
              </td>
              <td>
                <AnyOf<string>
                  label={t('building')}
                  value={r.buildingId}
                  options={setup.buildings.map((b) => ({ value: b.id, label: tx(b.name) }))}
                  onChange={(buildingId) => set(n, { buildingId })}
                />
              </td>
              <td>
                <select
                  aria-label={t('department')}
                  value={r.departmentId}
                  onChange={(e) => set(n, { departmentId: e.currentTarget.value, assigneeId: null })}
                >
                  {setup.departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {tx(d.name)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <AnyOf<string>
                  label={t('assignee')}
                  value={r.assigneeId ?? null}
                  none={t('departmentLeadHandsOn')}
                  options={staffOf(setup, r.departmentId).map((m) => ({ value: m.userId, label: m.displayName }))}
                  onChange={(assigneeId) => set(n, { assigneeId })}
                />
              </td>
              <td>
                <button type="button" onClick={() => setRules(rules.filter((_, i) => i !== n))}>
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="buttons">
        <button type="button" onClick={add} data-testid="add-rule">
          {t('addRule')}
        </button>
        <button type="submit" class="primary">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
