/**
 * 集团模板: the group's shared checklists and score sheet. Each shows where every estate stands (the same as the
 * group's latest, different, or missing); an edit is a new group version; publishing sends the latest to the chosen
 * estates as their next version, never touching past inspections.
 */
import { useState } from 'preact/hooks';
import {
  API,
  LOCATION_KIND_LABELS,
  type ChecklistTemplate,
  type EstateCopy,
  type GroupLibrary,
  type LibraryKind,
  type ScoringSheet,
} from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { tx, errorText } from '../../../common/i18n.ts';
import { useAsync, Outcome } from '../../ui.tsx';
import { t, type WordKey } from '../../words.ts';
import { TemplateEditor } from '../admin/Templates.tsx';
import { SheetEditor } from './SheetEditor.tsx';

const STATUS_WORD: Record<EstateCopy['status'], WordKey> = { same: 'copySame', differs: 'copyDiffers', missing: 'copyMissing' };

function Copies({ copies, estates }: { copies: EstateCopy[]; estates: GroupLibrary['estates'] }) {
  return (
    <ul class="copies">
      {copies.map((c) => (
        <li key={c.estateId} class={c.status} data-estate={c.estateId} data-status={c.status}>
          {tx(estates.find((e) => e.id === c.estateId)?.name)} · {t(STATUS_WORD[c.status])}
          {c.version === null ? '' : ` (v${c.version})`}
        </li>
      ))}
    </ul>
  );
}

/** The estates to publish to: those that differ or lack it are ticked to begin with; archived ones cannot be. */
function Publish({
  kind,
  id,
  copies,
  estates,
  onDone,
}: {
  kind: LibraryKind;
  id: string;
  copies: EstateCopy[];
  estates: GroupLibrary['estates'];
  onDone: (message: string) => void;
}) {
  const [chosen, setChosen] = useState(() => new Set(copies.filter((c) => c.status !== 'same').map((c) => c.estateId)));
  const open = estates.filter((e) => !e.archived);
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      const r = await call(API.publishFromLibrary, {
        json: { kind, id, estateIds: [...chosen].filter((x) => open.some((e) => e.id === x)) },
      });
      onDone(`${t('publishedTo')} ${r.estates.length}`);
    } catch (e) {
      onDone(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset class="inline-checks publish" data-testid={`publish-${id}`}>
      <legend>{t('publishTo')}</legend>
      {open.map((e) => (
        <label key={e.id}>
          <input
            type="checkbox"
            checked={chosen.has(e.id)}
            onChange={(ev) => {
              const next = new Set(chosen);
              if (ev.currentTarget.checked) next.add(e.id);
              else next.delete(e.id);
              setChosen(next);
            }}
          />{' '}
          {tx(e.name)}
        </label>
      ))}
      <button type="button" class="primary" disabled={busy || chosen.size === 0} onClick={() => void publish()}>
        {t('publish')}
      </button>
    </fieldset>
  );
}

export function Library() {
  const { data, error, reload } = useAsync(() => call(API.groupLibrary, {}), []);
  const [editing, setEditing] = useState<{ checklist: ChecklistTemplate } | { sheet: ScoringSheet } | null>(null);
  const [message, setMessage] = useState('');
  const done = (m: string) => {
    setMessage(m);
    reload();
  };
  const save = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setEditing(null);
      done(t('saved'));
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!data) return <p>{t('loading')}</p>;
  if (editing && 'checklist' in editing)
    return (
      <TemplateEditor
        template={editing.checklist}
        onCancel={() => setEditing(null)}
        onSave={(json) => save(() => call(API.saveGroupChecklist, { json }))}
      />
    );
  if (editing)
    return (
      <SheetEditor
        sheet={editing.sheet}
        onCancel={() => setEditing(null)}
        onSave={(json) => save(() => call(API.saveGroupSheet, { json }))}
      />
    );
  return (
    <section data-testid="group-library">
      <p class="hint">{t('libraryHint')}</p>
      <Outcome message={message} ok={message === t('saved') || message.startsWith(t('publishedTo'))} />
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('version')}</th>
            <th scope="col">{t('inEstates')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {data.checklists.map(({ template, estates }) => (
            <tr key={template.id} data-entry={template.id}>
              <th scope="row">{tx(template.name)}</th>
              <td>{tx(LOCATION_KIND_LABELS[template.kind])}</td>
              <td>v{template.version}</td>
              <td>
                <Copies copies={estates} estates={data.estates} />
                <Publish
                  key={JSON.stringify(estates)}
                  kind="checklist"
                  id={template.id}
                  copies={estates}
                  estates={data.estates}
                  onDone={done}
                />
              </td>
              <td>
                <button type="button" onClick={() => setEditing({ checklist: template })}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
          {data.sheets.map(({ sheet, estates }) => (
            <tr key={sheet.id} data-entry={sheet.id}>
              <th scope="row">{tx(sheet.name)}</th>
              <td>{t('scoreSheet')}</td>
              <td>v{sheet.version}</td>
              <td>
                <Copies copies={estates} estates={data.estates} />
                <Publish key={JSON.stringify(estates)} kind="sheet" id={sheet.id} copies={estates} estates={data.estates} onDone={done} />
              </td>
              <td>
                <button type="button" onClick={() => setEditing({ sheet })}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
