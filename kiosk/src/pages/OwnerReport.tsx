import { ApiError, errorText } from '../api/http.ts';
import { uuid } from '../util/uuid.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, type Category, type LocalText } from '../../../shared/index.ts';
import { formatDateTime, t, tx } from '../i18n.ts';
import { refOf, type Photo } from '../photos/compress.ts';
import { StorageFullError } from '../outbox/storage-full.ts';
import { save } from '../state/sync.ts';
import { PhotoInput } from '../ui/PhotoInput.tsx';
import type { Landing } from './landing.ts';

/** Where a report goes: the location whose code was scanned, or (no working code) an estate, the place said in words. */
export type ReportTo = { kind: 'location'; landing: Landing } | { kind: 'estate'; estates: readonly { id: string; name: LocalText }[] };

/** An owner's report from the location's QR code, or from a page with no code: no account, works inside WeChat's browser. */
export function OwnerReport({ to }: { to: ReportTo }) {
  const [category, setCategory] = useState<Category>('hygiene');
  const [estateId, setEstateId] = useState(to.kind === 'estate' ? (to.estates[0]?.id ?? '') : '');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'queued' | 'waiting' | 'error'; message?: string; track?: string }>({
    kind: 'idle',
  });
  const [pendingId, setPendingId] = useState<string | null>(null);
  // One id per report, kept across retries, so a report sent twice is one report (the server answers a repeat alike).
  const reportId = useRef<string | null>(null);

  // A queued report shows its tracking link as soon as its receipt arrives.
  useEffect(() => {
    const onReceipt = (e: Event) => {
      const { id, receipt } = (e as CustomEvent).detail as { id: string; receipt: { trackingToken: string } };
      if (id === pendingId) setState({ kind: 'idle', track: receipt.trackingToken });
    };
    window.addEventListener('pqm:receipt', onReceipt);
    return () => window.removeEventListener('pqm:receipt', onReceipt);
  }, [pendingId]);

  const submit = async () => {
    if (to.kind === 'estate' && !place.trim()) return setState({ kind: 'error', message: `${t('where')}: ${t('required')}` });
    if (!description.trim()) return setState({ kind: 'error', message: `${t('problemDescription')}: ${t('required')}` });
    setState({ kind: 'busy' });
    reportId.current ??= uuid();
    const id = reportId.current;
    setPendingId(id);
    try {
      const common = {
        id,
        category,
        description: description.trim(),
        contact: contact.trim(),
        photos: photos.map(refOf),
      };
      const label = `${to.kind === 'location' ? tx(to.landing.location.name) : place.trim()} · ${tx(CATEGORY_LABELS[category])}`;
      const blobs = photos.map((p) => ({ sha256: p.sha256, blob: p.blob }));
      const r =
        to.kind === 'location'
          ? await save(
              {
                id,
                kind: 'ownerReport',
                auth: false,
                label,
                body: { ...common, locationCode: to.landing.location.code },
              },
              blobs,
            )
          : await save(
              {
                id,
                kind: 'generalReport',
                auth: false,
                label,
                body: { ...common, estateId, place: place.trim() },
              },
              blobs,
            );
      if (r.receipt && 'trackingToken' in r.receipt) setState({ kind: 'idle', track: r.receipt.trackingToken });
      else setState({ kind: 'queued' });
      reportId.current = null;
      setDescription('');
      setPhotos([]);
    } catch (e) {
      // No queue on this phone (no IndexedDB) and no network: the form stays as typed and goes when the network is back.
      if (e instanceof ApiError && e.transient) return setState({ kind: 'waiting', message: t('reportWaiting') });
      reportId.current = null;
      setState({
        kind: 'error',
        message: e instanceof StorageFullError ? t('storageFullAll') : errorText(e),
      });
    }
  };

  // Waiting for the network: try again when the browser says it is back, and now and then (it does not always say).
  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const again = () => void submit();
    window.addEventListener('online', again);
    const timer = setInterval(again, 20_000);
    return () => {
      window.removeEventListener('online', again);
      clearInterval(timer);
    };
  }, [state.kind, category, description, contact, photos, place, estateId]);

  if (state.track) {
    return (
      <section class="card ok" data-testid="report-sent">
        <p>{t('reportSent')}</p>
        <a class="button primary" href={`/t/${state.track}`} data-testid="tracking-link">
          {t('track')}
        </a>
      </section>
    );
  }
  return (
    <section class="card">
      <h2>{t('reportProblem')}</h2>
      {state.kind === 'queued' ? (
        <p class="ok" role="status" data-testid="report-queued">
          {t('reportQueued')}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="owner-report"
      >
        {to.kind === 'estate' && to.estates.length > 1 ? (
          <label>
            {t('yourEstate')}
            <select value={estateId} onChange={(e) => setEstateId(e.currentTarget.value)} name="estate">
              {to.estates.map((e) => (
                <option key={e.id} value={e.id}>
                  {tx(e.name)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {to.kind === 'estate' ? (
          <label>
            {t('where')}
            <input
              name="place"
              value={place}
              maxLength={100}
              placeholder={t('whereHint')}
              onInput={(e) => setPlace(e.currentTarget.value)}
            />
          </label>
        ) : null}
        <label>
          {t('problemCategory')}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value as Category)} name="category">
            {(to.kind === 'location' && to.landing.categories.length ? to.landing.categories : CATEGORIES).map((c) => (
              <option key={c} value={c}>
                {tx(CATEGORY_LABELS[c])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('problemDescription')}
          <textarea
            name="description"
            value={description}
            maxLength={1000}
            placeholder={t('describeHint')}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </label>
        <span class="label">{t('photoOptional')}</span>
        <PhotoInput
          photos={photos}
          onChange={setPhotos}
          stamp={to.kind === 'location' ? tx(to.landing.location.name) : place.trim()}
          testId="owner-photo"
          album
          video
        />
        <label>
          {t('contactOptional')}
          <input name="contact" value={contact} maxLength={100} onInput={(e) => setContact(e.currentTarget.value)} />
        </label>
        {state.kind === 'error' ? (
          <p class="error" role="alert">
            {state.message}
          </p>
        ) : state.kind === 'waiting' ? (
          <p class="warn-text" role="status" data-testid="report-waiting">
            {state.message}
          </p>
        ) : null}
        <button class="primary wide" type="submit" disabled={state.kind === 'busy'}>
          {t('submit')}
        </button>
      </form>
    </section>
  );
}

/** Problems already known here: an owner can add "me too" instead of a new report. */
export function KnownProblems({ landing }: { landing: Landing }) {
  const [done, setDone] = useState<Record<string, boolean>>({});
  if (!landing.openReports.length) return null;
  return (
    <section class="card">
      <h3>{t('knownProblems')}</h3>
      <ul class="list">
        {landing.openReports.map((r) => (
          <li key={r.id}>
            <span>
              {tx(CATEGORY_LABELS[r.category])} · {t('reportedAgo')} {formatDateTime(r.createdAt, landing.estate.timeZone)}
              {r.meToo ? ` · +${r.meToo} ${t('people')}` : ''}
            </span>
            {done[r.id] === true ? (
              <em>{t('meTooDone')}</em>
            ) : (
              <button
                type="button"
                class="secondary"
                disabled={done[r.id] === false}
                onClick={async () => {
                  if (r.id in done) return;
                  setDone((d) => ({ ...d, [r.id]: false }));
                  const id = uuid();
                  try {
                    await save({
                      id,
                      kind: 'meToo',
                      auth: false,
                      label: tx(CATEGORY_LABELS[r.category]),
                      body: { id, locationCode: landing.location.code, issueId: r.id },
                    });
                    setDone((d) => ({ ...d, [r.id]: true }));
                  } catch {
                    // Not saved (no storage and no network): the button comes back for another try.
                    setDone(({ [r.id]: _, ...rest }) => rest);
                  }
                }}
              >
                {t('meToo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
