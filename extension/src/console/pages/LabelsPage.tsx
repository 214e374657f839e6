import QRCode from 'qrcode';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { API, LOCATION_KIND_LABELS, formatShortCode, type Location } from '../../../../shared/index.ts';
import { call } from '../../common/api.ts';
import { tx } from '../../common/i18n.ts';
import { useSetup } from '../data.ts';
import { t } from '../words.ts';

/** Common A4 label sheets (columns × rows, label size in mm, sheet margins in mm). */
export const LAYOUTS = {
  'a4-3x8': { name: 'A4 3×8 (70×37 mm, 24)', cols: 3, rows: 8, w: 70, h: 37, top: 0.5, left: 0 },
  'a4-2x5': { name: 'A4 2×5 (99×57 mm, 10)', cols: 2, rows: 5, w: 99.1, h: 57, top: 6, left: 5.9 },
  'a4-2x4': { name: 'A4 2×4 (105×74 mm, 8)', cols: 2, rows: 4, w: 105, h: 74.25, top: 0, left: 0 },
} as const;
type LayoutId = keyof typeof LAYOUTS;

/** "abcdefghijklmnopqrstuvwxyz" → "abcde-fghij-klmno-pqrst-uvwxyz": readable when typed from the label. */

/** QR labels: choose locations, print A4 sticker sheets. The code is the location's; reprinting keeps it. */
export default function LabelsPage({ estateId }: { estateId: string }) {
  const setup = useSetup(estateId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [layout, setLayout] = useState<LayoutId>('a4-3x8');
  const [offset, setOffset] = useState(0);
  const [qr, setQr] = useState<Record<string, string>>({});
  const locations = useMemo(() => setup?.locations.filter((l) => l.active && chosen.has(l.id)) ?? [], [setup, chosen]);
  const urlOf = (l: Location) => `${setup?.publicUrl}/l/${l.code}?q=1`;

  useEffect(() => {
    void Promise.all(
      locations.map(async (l) => [l.id, await QRCode.toDataURL(urlOf(l), { errorCorrectionLevel: 'M', margin: 1, width: 300 })] as const),
    ).then((pairs) => setQr(Object.fromEntries(pairs)));
  }, [locations]);

  if (!setup) return <p>{t('loading')}</p>;
  const L = LAYOUTS[layout];
  const perSheet = L.cols * L.rows;
  const cells: (Location | null)[] = [...Array(Math.min(offset, perSheet - 1)).fill(null), ...locations];
  const sheets = Array.from({ length: Math.max(1, Math.ceil(cells.length / perSheet)) }, (_, i) =>
    cells.slice(i * perSheet, (i + 1) * perSheet),
  );

  return (
    <section data-testid="labels-page">
      <style>{`@page { size: A4; margin: 0; } .label { width: ${L.w}mm; height: ${L.h}mm; } .sheet { padding: ${L.top}mm 0 0 ${L.left}mm; grid-template-columns: repeat(${L.cols}, ${L.w}mm); grid-auto-rows: ${L.h}mm; }`}</style>
      <div class="no-print">
        <h2>{t('labels')}</h2>
        <p>
          <label>
            {t('layout')}{' '}
            <select value={layout} onChange={(e) => setLayout(e.currentTarget.value as LayoutId)} name="layout">
              {Object.entries(LAYOUTS).map(([id, l]) => (
                <option key={id} value={id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('startAt')}{' '}
            <input
              type="number"
              min={1}
              max={perSheet}
              value={offset + 1}
              onInput={(e) => setOffset(Math.max(0, Number(e.currentTarget.value) - 1))}
              name="offset"
              style={{ width: '5em' }}
            />
          </label>{' '}
          <button
            type="button"
            class="primary"
            onClick={() => {
              // Counted for the getting-started checklist; the sheet prints whether or not the server heard.
              void call(API.labelsPrinted, { params: { estateId }, json: { locationIds: locations.map((l) => l.id) } })
                .catch(() => undefined)
                .finally(() => print());
            }}
            disabled={!locations.length}
          >
            {t('printLabels')}
          </button>
        </p>
        <fieldset>
          <legend>{t('chooseLocations')}</legend>
          <label class="check">
            <input
              type="checkbox"
              onChange={(e) => setChosen(e.currentTarget.checked ? new Set(setup.locations.map((l) => l.id)) : new Set())}
            />{' '}
            {t('selectAll')}
          </label>
          {setup.locations
            .filter((l) => l.active)
            .map((l) => (
              <label class="check" key={l.id}>
                <input
                  type="checkbox"
                  data-location={l.id}
                  checked={chosen.has(l.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(l.id);
                    else next.delete(l.id);
                    setChosen(next);
                  }}
                />{' '}
                {tx(l.name)}
              </label>
            ))}
        </fieldset>
      </div>
      {sheets.map((cellsOnSheet, s) => (
        <div class="sheet" key={s} data-testid="label-sheet">
          {cellsOnSheet.map((l, i) =>
            l ? (
              <div class="label" key={l.id} data-testid="label" data-location={l.id}>
                {qr[l.id] ? <img src={qr[l.id]} alt="" class="label-qr" /> : <span class="label-qr" />}
                <div class="label-text">
                  <strong>{l.name.zh}</strong>
                  <span>{l.name.en}</span>
                  <small>
                    {LOCATION_KIND_LABELS[l.kind].zh} · {setup.estate.name.zh}
                  </small>
                  <code data-testid="short-code">{formatShortCode(l.code)}</code>
                  <small>{t('scanToReport')}</small>
                </div>
              </div>
            ) : (
              <div class="label empty" key={`skip-${i}`} />
            ),
          )}
        </div>
      ))}
    </section>
  );
}
