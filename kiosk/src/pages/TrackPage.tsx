import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { API, CATEGORY_LABELS, OWNER_EVENT_LABELS, type OwnerTracking } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { brandOf, formatDateTime, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { ServiceHelp, helpBrand } from '../ui/ServiceHelp.tsx';
import { Layout } from '../ui/Layout.tsx';
import { TrackedMedia } from '../ui/Media.tsx';

/** What a tracking link shows, as the server answers it (shared/model/answers.ts). */

/** The owner's private tracking link: a timeline in plain words, then fixed / not fixed and a rating. */
export default function TrackPage() {
  useLocale();
  const { params } = useRoute();
  const token = params.token;
  const [data, setData] = useState<OwnerTracking | null>(null);
  const [error, setError] = useState('');
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [copied, setCopied] = useState(false);
  const [brand, setBrand] = useState('');

  const show = async (answer: () => Promise<OwnerTracking>) => {
    setError('');
    try {
      setData(await answer());
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? t('linkNotFound') : errorText(e));
    }
  };
  const link = { token };
  useEffect(() => void show(() => call(API.tracking, { params: link, auth: false })), [token]);

  if (!data)
    return (
      <Layout brand={brand}>
        {error ? (
          <>
            <p class="error card" role="alert">
              {error}
            </p>
            {error === t('linkNotFound') ? <ServiceHelp onHelp={(h) => setBrand(helpBrand(h))} /> : null}
          </>
        ) : (
          <p class="muted">…</p>
        )}
      </Layout>
    );
  return (
    <Layout title={t('progress')} brand={brandOf(data.estate)}>
      <section class="card">
        <h1 data-testid="track-status">{tx(data.statusLabel)}</h1>
        <p>
          {tx(CATEGORY_LABELS[data.category])} · {tx(data.location?.name)}
        </p>
        <p class="reference">
          {t('reference')}: <strong data-testid="reference">{data.reference}</strong>{' '}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(data.reference)
                // No clipboard (plain HTTP, or refused): the number stays on screen to copy by hand.
                .then(
                  () => setCopied(true),
                  () => undefined,
                )
            }
          >
            {copied ? t('copied') : t('copy')}
          </button>
        </p>
        {data.respondBy !== null ? (
          <p class="muted" data-testid="respond-by">
            {t('respondBy')} {formatDateTime(data.respondBy, data.estate?.timeZone)}
          </p>
        ) : null}
        {data.description !== null ? <p class="text">{data.description}</p> : null}
        {data.photos.map((item) => (
          <TrackedMedia key={item.sha256} token={token} item={item} />
        ))}
        {data.follower ? (
          <p class="muted" data-testid="following">
            {t('following')}
          </p>
        ) : null}
        <ol class="timeline" data-testid="timeline">
          {data.timeline.map((e, n) => (
            <li key={n}>
              <time>{formatDateTime(e.at, data.estate?.timeZone)}</time> {tx(OWNER_EVENT_LABELS[e.type])}
            </li>
          ))}
        </ol>
        {data.fixNote ? (
          <p class="text" data-testid="fix-note">
            {t('fixNote')}: {data.fixNote}
          </p>
        ) : null}
        {data.afterPhotos.map((item) => (
          <TrackedMedia key={item.sha256} token={token} item={item} />
        ))}
      </section>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {data.canConfirm || data.canSayNotFixed ? (
        <section class="card actions">
          {data.canConfirm ? (
            <button type="button" class="primary" onClick={() => void show(() => call(API.confirmFixed, { params: link, auth: false }))}>
              {t('confirmFixed')}
            </button>
          ) : null}
          {asking ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void show(() => call(API.notFixed, { params: link, json: { reason: reason.trim() }, auth: false })).then(() =>
                  setAsking(false),
                );
              }}
            >
              <label>
                {t('notFixedReason')}
                <textarea value={reason} maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
              </label>
              <button type="submit" class="danger">
                {t('notFixed')}
              </button>
            </form>
          ) : data.canSayNotFixed ? (
            <button type="button" class="danger" onClick={() => setAsking(true)} data-testid="not-fixed">
              {t('notFixed')}
            </button>
          ) : null}
        </section>
      ) : null}
      {data.canRate ? (
        <section class="card">
          <h3>{t('rateHandling')}</h3>
          <fieldset class="stars">
            <legend class="visually-hidden">{t('rateHandling')}</legend>
            {/* One row of five stars; each says its meaning to a screen reader and on hover. */}
            {t('scoreLabels')
              .split(',')
              .map((label, n) => (
                <button
                  type="button"
                  key={label}
                  class="star"
                  aria-label={label}
                  title={label}
                  onClick={() => void show(() => call(API.rateHandling, { params: link, json: { rating: n + 1 }, auth: false }))}
                >
                  ★
                </button>
              ))}
          </fieldset>
          <p class="muted scale-ends">
            <span>{t('scoreLabels').split(',')[0]}</span>
            <span>{t('scoreLabels').split(',')[4]}</span>
          </p>
        </section>
      ) : data.rating ? (
        <p class="card ok" data-testid="your-rating">
          {t('yourRating')}: {'★'.repeat(data.rating)}
        </p>
      ) : null}
    </Layout>
  );
}
