/** Checklist templates: editing one publishes a new version; past inspections keep theirs. */
import { useState } from 'preact/hooks';
import { API, LOCATION_KIND_LABELS, type ChecklistItem, type ChecklistTemplate, type TemplateInput } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { CategorySelect, SeveritySelect } from '../../ui.tsx';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

/** A checklist's items, edited; saving makes the next version (the estate's own, or the group's). */
export function TemplateEditor({
  template,
  onSave,
  onCancel,
}: {
  template: ChecklistTemplate;
  onSave: (input: TemplateInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [editing, setEditing] = useState<ChecklistTemplate>(() => structuredClone(template));
  const setItem = (n: number, patch: Partial<ChecklistItem>) =>
    setEditing({ ...editing, items: editing.items.map((it, i) => (i === n ? ({ ...it, ...patch } as ChecklistItem) : it)) });
  return (
    <form
      class="form wide-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ id: editing.id, kind: editing.kind, name: editing.name, schedule: editing.schedule, items: editing.items });
      }}
      data-testid="template-editor"
    >
      <h3>
        {tx(editing.name)} · {t('version')} {editing.version} → {editing.version + 1}
      </h3>
      <table class="grid">
        <thead>
          <tr>
            <th>{t('item')} (中文)</th>
            <th>{t('inEnglish')}</th>
            <th>{t('category')}</th>
            <th>{t('answerKind')}</th>
            <th>{t('severity')}</th>
            <th>{t('photoOnFail')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {editing.items.map((it, n) => (
            <tr key={n}>
              <td>
                <input value={it.label.zh} onInput={(e) => setItem(n, { label: { ...it.label, zh: e.currentTarget.value } })} />
              </td>
              <td>
                <input value={it.label.en} onInput={(e) => setItem(n, { label: { ...it.label, en: e.currentTarget.value } })} />
              </td>
              <td>
                <CategorySelect value={it.category} onChange={(category) => setItem(n, { category })} />
              </td>
              <td>
                {it.answer.kind}
                {it.answer.kind === 'number' ? ` ${it.answer.min}–${it.answer.max} ${it.answer.unit}` : ''}
              </td>
              <td>
                <SeveritySelect value={it.severity} onChange={(severity) => setItem(n, { severity })} />
              </td>
              <td>
                <input type="checkbox" checked={it.photoOnFail} onChange={(e) => setItem(n, { photoOnFail: e.currentTarget.checked })} />
              </td>
              <td>
                <button type="button" onClick={() => setEditing({ ...editing, items: editing.items.filter((_, i) => i !== n) })}>
                  {t('removeItem')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="buttons">
        <button
          type="button"
          onClick={() =>
            setEditing({
              ...editing,
              items: [
                ...editing.items,
                {
                  id: `item-${Date.now().toString(36)}`,
                  label: { zh: '新检查项', en: 'New item' },
                  category: editing.items[0]?.category ?? 'hygiene',
                  answer: { kind: 'passFail' },
                  photoOnFail: true,
                  severity: 'general',
                },
              ],
            })
          }
        >
          {t('addItem')}
        </button>
        <button type="submit" class="primary">
          {t('saveVersion')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}

export function Templates({ setup, change }: { setup: Setup; change: Call }) {
  const [editing, setEditing] = useState<ChecklistTemplate | null>(null);
  if (editing)
    return (
      <TemplateEditor
        template={editing}
        onCancel={() => setEditing(null)}
        onSave={(json) => change(API.publishTemplate, { params: { estateId: setup.estate.id }, json }).then((ok) => ok && setEditing(null))}
      />
    );
  return (
    <table class="grid">
      <thead>
        <tr>
          <th>{t('name')}</th>
          <th>{t('kind')}</th>
          <th>{t('version')}</th>
          <th>{t('item')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {setup.templates.map((tpl) => (
          <tr key={tpl.id}>
            <td>{tx(tpl.name)}</td>
            <td>{tx(LOCATION_KIND_LABELS[tpl.kind])}</td>
            <td>v{tpl.version}</td>
            <td>{tpl.items.length}</td>
            <td>
              <button type="button" onClick={() => setEditing(structuredClone(tpl))}>
                {t('edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each location's schedule as the slots it makes today, computed by the same shared rules as the server. */
