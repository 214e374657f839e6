import { uuid } from '../util/uuid.ts';
import { useMemo, useState } from 'preact/hooks';
import {
  CATEGORY_LABELS,
  SEVERITY_LABELS,
  checkAnswers,
  isFailed,
  type Answer,
  type ChecklistItem,
  type ChecklistTemplate,
  type Confirmation,
} from '../../../shared/index.ts';
import { t, tx } from '../i18n.ts';
import { refOf, type Photo } from '../photos/compress.ts';
import { clockOffset, errorText } from '../api/http.ts';
import { StorageFullError } from '../outbox/storage-full.ts';
import { save, sentWithin } from '../state/sync.ts';
import { PhotoInput } from '../ui/PhotoInput.tsx';

interface Draft {
  value: Answer['value'];
  note: string;
  photos: Photo[];
  /** Set by "其余合格", cleared by the item's own tap. */
  quick?: boolean;
}

export interface PatrolContext {
  template: ChecklistTemplate;
  locationId: string;
  locationName: string;
  confirmedBy: Confirmation;
  kioskCode: string | null;
  startedAt: number;
}

/** How long the page waits to say a round has reached the server (it is sent all the same, later). */
const SENT_WAIT_MS = 30_000;

/**
 * One thumb per item: big pass / fail / N/A buttons; a fail asks for a note and, where required, a photo. `onDone`'s
 * `sent` says, when the round waits in the outbox, whether the server got it within a little while.
 */
export function PatrolForm({ ctx, onDone }: { ctx: PatrolContext; onDone: (message: string, sent?: Promise<boolean>) => void }) {
  const [drafts, setDrafts] = useState<Partial<Record<string, Draft>>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  // A tap on an item is that item's own answer: it is no longer one of "the rest passed".
  const set = (id: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [id]: { ...(d[id] ?? { value: null, note: '', photos: [] }), quick: false, ...patch } }));
  // "其余合格": every pass/fail item not yet answered passes, marked as such; offered at the list's end, once it was gone through.
  const unanswered = ctx.template.items.filter(
    (item) => (item.answer.kind === 'passFail' || item.answer.kind === 'photo') && !drafts[item.id]?.value,
  );
  const restPassed = () =>
    setDrafts((d) => {
      const next = { ...d };
      for (const item of unanswered) next[item.id] = { value: 'pass', note: '', photos: [], quick: true };
      return next;
    });

  const answers: Answer[] = ctx.template.items.map((item) => {
    const d = drafts[item.id];
    return {
      itemId: item.id,
      value: d?.value ?? (item.answer.kind === 'text' ? '' : null),
      note: d?.note.trim() ?? '',
      photos: (d?.photos ?? []).map(refOf),
      ...(d?.quick ? { quick: true as const } : {}),
    };
  });
  const errors = useMemo(() => checkAnswers(ctx.template, answers), [drafts]);
  // The rule's messages are English; say the same thing in the user's language.
  const errorFor = (id: string) =>
    errors
      .filter((e) => e.path === `answers.${id}` || e.path.startsWith(`answers.${id}.`))
      .map((e) =>
        e.path.endsWith('.note')
          ? `${t('whatIsWrong')}: ${t('required')}`
          : e.path.endsWith('.photos')
            ? t('photoRequired')
            : t('unanswered'),
      );

  const submit = async () => {
    setShowErrors(true);
    if (errors.length) return;
    setBusy(true);
    setFailure('');
    const id = uuid();
    const photos = Object.values(drafts).flatMap((d) => (d?.photos ?? []).map((p) => ({ sha256: p.sha256, blob: p.blob })));
    try {
      const saved = await save(
        {
          id,
          kind: 'inspection',
          auth: true,
          label: `${ctx.locationName} · ${new Date().toLocaleTimeString()}`,
          body: {
            id,
            locationId: ctx.locationId,
            templateId: ctx.template.id,
            templateVersion: ctx.template.version,
            startedAt: ctx.startedAt,
            finishedAt: Date.now(),
            deviceClockOffset: clockOffset(),
            confirmedBy: ctx.confirmedBy,
            ...(ctx.kioskCode ? { kioskCode: ctx.kioskCode } : {}),
            answers,
          },
        },
        photos,
      );
      // Said as it is: saved on the phone at once, sent once the server has it.
      if (saved.queued) onDone(t('savedOnDevice'), sentWithin(id, SENT_WAIT_MS));
      else onDone(t('sent'));
    } catch (e) {
      if (e instanceof StorageFullError) {
        if (e.recordSaved) onDone(t('storageFull'));
        else setFailure(t('storageFullAll'));
      } else setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="patrol"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="patrol-form"
    >
      <h2>{tx(ctx.template.name)}</h2>
      {ctx.template.items.map((item) => (
        <Item
          key={item.id}
          item={item}
          draft={drafts[item.id]}
          set={(p) => set(item.id, p)}
          stamp={ctx.locationName}
          errors={showErrors ? errorFor(item.id) : []}
        />
      ))}
      {failure ? (
        <p class="error" role="alert">
          {failure}
        </p>
      ) : null}
      {showErrors && errors.length ? (
        <p class="error" role="alert">
          {errors.length} × {t('unanswered')}
        </p>
      ) : null}
      {unanswered.length ? (
        <button type="button" class="secondary wide" onClick={restPassed} data-testid="rest-passed">
          {t('restPassed')} ({unanswered.length})
        </button>
      ) : null}
      <button type="submit" class="primary wide" disabled={busy} data-testid="submit-patrol">
        {t('submitPatrol')}
      </button>
    </form>
  );
}

function Item({
  item,
  draft,
  set,
  stamp,
  errors,
}: {
  item: ChecklistItem;
  draft?: Draft;
  set: (p: Partial<Draft>) => void;
  stamp: string;
  errors: string[];
}) {
  const value = draft?.value ?? null;
  const failed = isFailed(item, { itemId: item.id, value, note: '', photos: [] });
  return (
    <fieldset class={`item ${failed ? 'failed' : ''}`} data-item={item.id}>
      <legend>
        {tx(item.label)} <small>{tx(CATEGORY_LABELS[item.category])}</small>
      </legend>
      {item.answer.kind === 'passFail' || item.answer.kind === 'photo' ? (
        <div class="choices">
          {(['pass', 'fail', 'na'] as const).map((v) => (
            <button
              type="button"
              key={v}
              class={`choice ${v} ${value === v ? 'on' : ''}`}
              aria-pressed={value === v}
              onClick={() => set({ value: v })}
            >
              {t(v)}
            </button>
          ))}
        </div>
      ) : item.answer.kind === 'number' ? (
        <label class="number">
          <input
            type="number"
            inputMode="decimal"
            step="any"
            value={typeof value === 'number' ? String(value) : ''}
            onInput={(e) => {
              const raw = e.currentTarget.value;
              set({ value: raw === '' ? null : Number(raw) });
            }}
          />{' '}
          {item.answer.unit}{' '}
          <small>
            ({item.answer.min}–{item.answer.max})
          </small>
          {failed ? <strong class="error"> {t('outOfRange')}</strong> : null}
        </label>
      ) : (
        <textarea
          aria-label={tx(item.label)}
          value={typeof value === 'string' ? value : ''}
          maxLength={1000}
          onInput={(e) => set({ value: e.currentTarget.value })}
        />
      )}
      {failed ? (
        <div class="fail-detail">
          <label>
            {t('whatIsWrong')} ({tx(SEVERITY_LABELS[item.severity])})
            <textarea value={draft?.note ?? ''} maxLength={500} required onInput={(e) => set({ note: e.currentTarget.value })} />
          </label>
          <PhotoInput
            photos={draft?.photos ?? []}
            onChange={(photos) => set({ photos })}
            stamp={stamp}
            label={item.photoOnFail ? `${t('addPhoto')} (${t('photoRequired')})` : t('addPhoto')}
            testId={`photo-${item.id}`}
            video
          />
        </div>
      ) : null}
      {errors.map((m) => (
        <p class="error" key={m}>
          {m}
        </p>
      ))}
    </fieldset>
  );
}
