/** Buildings and departments: a plain list with a form to add one. */
import { useState } from 'preact/hooks';
import { API, CATEGORIES, CATEGORY_LABELS, type Category } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';
import type { Call } from './call.ts';

export function Simple({ setup, kind, change }: { setup: Setup; kind: 'buildings' | 'departments'; change: Call }) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const rows =
    kind === 'buildings'
      ? setup.buildings.map((b) => [tx(b.name)])
      : setup.departments.map((d) => [tx(d.name), d.categories.map((c) => tx(CATEGORY_LABELS[c as Category])).join(', ')]);
  return (
    <>
      <DataTable name={kind} header={kind === 'buildings' ? [t('name')] : [t('name'), t('category')]} rows={rows} />
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          const params = { estateId: setup.estate.id };
          void (kind === 'buildings'
            ? change(API.addBuilding, { params, json: { name: { zh, en } } })
            : change(API.addDepartment, { params, json: { name: { zh, en }, categories } }));
        }}
      >
        <label>
          {t('name')} (中文) <input value={zh} required onInput={(e) => setZh(e.currentTarget.value)} />
        </label>
        <label>
          {t('name')} (English) <input value={en} required onInput={(e) => setEn(e.currentTarget.value)} />
        </label>
        {kind === 'departments' ? (
          <fieldset>
            {CATEGORIES.map((c) => (
              <label class="check" key={c}>
                <input
                  type="checkbox"
                  checked={categories.includes(c)}
                  onChange={(e) => setCategories(e.currentTarget.checked ? [...categories, c] : categories.filter((x) => x !== c))}
                />{' '}
                {tx(CATEGORY_LABELS[c])}
              </label>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" class="primary">
          {t('add')}
        </button>
      </form>
    </>
  );
}
