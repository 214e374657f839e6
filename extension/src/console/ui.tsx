/** Small pieces the console pages share. */
import { useEffect, useState } from 'preact/hooks';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  formatEstateTime,
  type Category,
  type LocalText,
  type Severity,
} from '../../../shared/index.ts';
import { mediaUrl } from '../common/api.ts';
import { formatDuration, tx, errorText } from '../common/i18n.ts';
import { t } from './words.ts';

/** Time left or overdue; the deadline itself on the estate's wall clock. */
export function Countdown({ deadline, now, open, timeZone }: { deadline: number; now: number; open: boolean; timeZone: string }) {
  if (!open) return <span class="muted">{formatEstateTime(deadline, timeZone)}</span>;
  const late = now > deadline;
  return (
    <span class={late ? 'late' : 'ok'} title={formatEstateTime(deadline, timeZone)}>
      {late ? `${t('overdueBy')} ${formatDuration(now - deadline)}` : `${t('dueIn')} ${formatDuration(deadline - now)}`}
    </span>
  );
}

/** A record's photo, or its clip with the player's controls (one this browser cannot play offers the file). */
export function Media({ sha256, video = false }: { sha256: string; video?: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  const [unplayable, setUnplayable] = useState(false);
  useEffect(() => {
    let u: string | null = null;
    void mediaUrl(sha256).then((x) => setUrl((u = x)));
    return () => {
      if (u) URL.revokeObjectURL(u);
    };
  }, [sha256]);
  if (!url) return <span class="photo placeholder" />;
  if (!video) return <img class="photo" src={url} alt="" />;
  return unplayable ? (
    <p class="muted" data-testid="clip-unplayable">
      {t('clipUnplayable')}{' '}
      <a href={url} download={`${sha256.slice(0, 12)}`}>
        {t('downloadClip')}
      </a>
    </p>
  ) : (
    // biome-ignore lint/a11y/useMediaCaption: a clip filmed on site has no captions to offer; its note says what it shows.
    <video class="photo" src={url} controls preload="metadata" onError={() => setUnplayable(true)} data-testid="clip" />
  );
}

export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setError('');
    load()
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [...deps, n]);
  return { data, error, reload: () => setN((x) => x + 1) };
}

/** A choice among a domain's values, each shown by its label in the reader's language. */
function Choice<T extends string>({
  value,
  values,
  labels,
  onChange,
  label,
}: {
  value: T;
  values: readonly T[];
  labels: Record<T, LocalText>;
  onChange: (v: T) => void;
  label?: string;
}) {
  return (
    <select value={value} aria-label={label} onChange={(e) => onChange(e.currentTarget.value as T)}>
      {values.map((v) => (
        <option key={v} value={v}>
          {tx(labels[v])}
        </option>
      ))}
    </select>
  );
}

export const CategorySelect = (p: { value: Category; onChange: (v: Category) => void; label?: string }) => (
  <Choice {...p} values={CATEGORIES} labels={CATEGORY_LABELS} />
);
export const SeveritySelect = (p: { value: Severity; onChange: (v: Severity) => void; label?: string }) => (
  <Choice {...p} values={SEVERITIES} labels={SEVERITY_LABELS} />
);

/** How the last change went: green when it went through, red naming what is wrong; nothing before any change. */
export function Outcome({ message, ok }: { message: string; ok: boolean }) {
  if (!message) return null;
  return (
    <p role="status" class={ok ? 'ok' : 'error'}>
      {message}
    </p>
  );
}
