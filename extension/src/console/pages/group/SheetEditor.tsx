/** The monthly score sheet (评分表), edited: each section's points, each item's wording and most it takes off. */
import { useState } from 'preact/hooks';
import type { ScoringSheet, SheetInput } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { CategorySelect } from '../../ui.tsx';
import { t } from '../../words.ts';

type Section = ScoringSheet['sections'][number];
type Item = Section['items'][number];

export function SheetEditor({
  sheet,
  onSave,
  onCancel,
}: {
  sheet: ScoringSheet;
  onSave: (input: SheetInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ScoringSheet>(() => structuredClone(sheet));
  const total = draft.sections.reduce((n, s) => n + s.maxPoints, 0);
  const setSection = (k: number, patch: Partial<Section>) =>
    setDraft({ ...draft, sections: draft.sections.map((s, i) => (i === k ? { ...s, ...patch } : s)) });
  const setItem = (k: number, n: number, patch: Partial<Item>) =>
    setSection(k, { items: draft.sections[k].items.map((it, i) => (i === n ? { ...it, ...patch } : it)) });
  return (
    <form
      class="form wide-form"
      data-testid="sheet-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const { version: _version, ...input } = draft;
        void onSave(input);
      }}
    >
      <h3>
        {tx(draft.name)} · {t('version')} {sheet.version} → {sheet.version + 1}
      </h3>
      <label>
        {t('name')}{' '}
        <input value={draft.name.zh} onInput={(e) => setDraft({ ...draft, name: { ...draft.name, zh: e.currentTarget.value } })} />
      </label>
      <label>
        English <input value={draft.name.en} onInput={(e) => setDraft({ ...draft, name: { ...draft.name, en: e.currentTarget.value } })} />
      </label>
      <p class={total === 100 ? 'muted' : 'error'} role={total === 100 ? undefined : 'alert'} data-testid="sheet-total">
        {t('sheetTotal')} {total} / 100
      </p>
      {draft.sections.map((section, k) => (
        <fieldset key={section.id}>
          <legend>
            <input
              aria-label={`${t('section')} ${k + 1}`}
              value={section.name.zh}
              onInput={(e) => setSection(k, { name: { ...section.name, zh: e.currentTarget.value } })}
            />{' '}
            <label>
              {t('points')}{' '}
              <input
                type="number"
                min={0}
                max={100}
                style={{ width: '5em' }}
                value={section.maxPoints}
                onInput={(e) => setSection(k, { maxPoints: Number(e.currentTarget.value) || 0 })}
              />
            </label>
          </legend>
          <table class="grid">
            <thead>
              <tr>
                <th>{t('item')} (中文)</th>
                <th>{t('inEnglish')}</th>
                <th>{t('category')}</th>
                <th>{t('maxDeduction')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {section.items.map((it, n) => (
                <tr key={it.id}>
                  <td>
                    <input value={it.label.zh} onInput={(e) => setItem(k, n, { label: { ...it.label, zh: e.currentTarget.value } })} />
                  </td>
                  <td>
                    <input value={it.label.en} onInput={(e) => setItem(k, n, { label: { ...it.label, en: e.currentTarget.value } })} />
                  </td>
                  <td>
                    <CategorySelect value={it.category} onChange={(category) => setItem(k, n, { category })} />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={0}
                      style={{ width: '5em' }}
                      value={it.maxDeduction}
                      onInput={(e) => setItem(k, n, { maxDeduction: Number(e.currentTarget.value) || 0 })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => setSection(k, { items: section.items.filter((_, i) => i !== n) })}>
                      {t('removeItem')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              setSection(k, {
                items: [
                  ...section.items,
                  {
                    id: `item-${Date.now().toString(36)}`,
                    label: { zh: '新评分项', en: 'New item' },
                    category: section.items[0]?.category ?? 'service',
                    maxDeduction: 1,
                  },
                ],
              })
            }
          >
            {t('addItem')}
          </button>
        </fieldset>
      ))}
      <p class="buttons">
        <button type="submit" class="primary" disabled={total !== 100}>
          {t('saveVersion')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}
