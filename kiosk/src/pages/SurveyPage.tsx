import { uuid } from '../util/uuid.ts';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { API, type PublicSurvey } from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { Layout } from '../ui/Layout.tsx';

/** The quarterly owner survey from a campaign link or QR: one 1–5 answer per service area, one response per household. */
export default function SurveyPage() {
  useLocale();
  const { params } = useRoute();
  const [data, setData] = useState<PublicSurvey | null>(null);
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [household, setHousehold] = useState('');
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState('');
  const [id] = useState(() => uuid());
  useEffect(
    () =>
      void call(API.survey, { params: { code: params.code }, auth: false })
        .then(setData)
        .catch(() => setError(t('surveyNotFound'))),
    [params.code],
  );

  if (state === 'done')
    return (
      <Layout>
        <p class="card ok" data-testid="survey-done">
          {t('surveyThanks')}
        </p>
      </Layout>
    );
  if (!data) return <Layout>{error ? <p class="error card">{error}</p> : <p class="muted">…</p>}</Layout>;
  const labels = t('scoreLabels').split(',');
  const submit = async () => {
    setError('');
    if (!household.trim()) return setError(`${t('householdExample')}: ${t('required')}`);
    setState('busy');
    try {
      await call(API.answerSurvey, {
        params: { code: params.code },
        json: { id, household: household.trim(), answers, comment: comment.trim() },
        auth: false,
      });
      setState('done');
    } catch (e) {
      setState('idle');
      setError(e instanceof ApiError && e.status === 409 ? t('surveyAlready') : errorText(e));
    }
  };
  return (
    <Layout title={t('survey')}>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1>{tx(data.campaign.name)}</h1>
        <p class="muted">{tx(data.estate?.name)}</p>
        {(data.survey?.areas ?? []).map((a) => (
          <fieldset key={a.id} class="item">
            <legend>{tx(a.label)}</legend>
            <div class="choices five">
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  type="button"
                  key={n}
                  class={`choice ${answers[a.id] === n ? 'on' : ''}`}
                  aria-pressed={answers[a.id] === n}
                  aria-label={`${n} ${labels[n - 1]}`}
                  title={labels[n - 1]}
                  onClick={() => setAnswers((x) => ({ ...x, [a.id]: n }))}
                >
                  {n}
                </button>
              ))}
            </div>
            {/* The scale's ends in words, and a way to say one does not know this service (not counted). */}
            <div class="anchors" aria-hidden="true">
              <span>1 {labels[0]}</span>
              <span>5 {labels[4]}</span>
            </div>
            <button
              type="button"
              class={`choice dunno ${answers[a.id] === null ? 'on' : ''}`}
              aria-pressed={answers[a.id] === null}
              onClick={() => setAnswers((x) => ({ ...x, [a.id]: null }))}
            >
              {t('dontKnow')}
            </button>
          </fieldset>
        ))}
        <label>
          {t('householdExample')}
          <input value={household} maxLength={40} onInput={(e) => setHousehold(e.currentTarget.value)} />
        </label>
        <label>
          {t('describeHint')}
          <textarea value={comment} maxLength={1000} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button class="primary wide" type="submit" disabled={state === 'busy'}>
          {t('submit')}
        </button>
      </form>
    </Layout>
  );
}
