/**
 * 我的今日: an inspector's rounds of today across the estate, soonest first, each opening its location. From the
 * server when online; offline, the last copy with statuses worked out again for now, or else the field kit's
 * schedules (the phone then knows of no round done today).
 */
import { useEffect, useState } from 'preact/hooks';
import {
  API,
  PATROL,
  SLOT_STATUS_LABELS,
  dayRound,
  dateIn,
  scheduleOf,
  slotStates,
  slotsTouchingDay,
  statusAt,
  type DayRound,
  type MyDay,
} from '../../../shared/index.ts';
import { ApiError, call, errorText } from '../api/http.ts';
import { formatTime, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { cacheGet, cachePut } from '../outbox/db.ts';
import { fieldKits, useMe } from '../state/session.ts';
import { Layout } from '../ui/Layout.tsx';

type Day = MyDay & { offline: boolean };

/** The same rounds from the field kit alone: the schedule of every location, today, none known done. */
async function fromFieldKit(estateId: string, now: number): Promise<Day | null> {
  const kit = (await fieldKits()).find((k) => k.estate.id === estateId);
  if (!kit) return null;
  const zone = kit.estate.timeZone;
  const rounds: DayRound[] = kit.locations.flatMap((l) => {
    const schedule = scheduleOf(l, kit.templates);
    if (!schedule) return [];
    return slotStates(slotsTouchingDay(schedule, zone, dateIn(now, zone)), [], now).map((slot) => dayRound(l, slot));
  });
  rounds.sort((a, b) => a.start - b.start || a.locationId.localeCompare(b.locationId));
  return { estateId, timeZone: zone, date: dateIn(now, zone), rounds, offline: true };
}

async function load(estateId: string): Promise<Day | null> {
  const now = Date.now();
  try {
    const day = await call(API.myDay, { params: { estateId } });
    await cachePut(`myday:${estateId}`, day);
    return { ...day, offline: false };
  } catch (e) {
    if (e instanceof ApiError && !e.transient) throw e;
    const kept = (await cacheGet<MyDay>(`myday:${estateId}`))?.value;
    // A copy of today's rounds: statuses move on with the clock; a round it knew done stays done.
    if (kept && kept.date === dateIn(now, kept.timeZone))
      return { ...kept, offline: true, rounds: kept.rounds.map((r) => (r.status === 'done' ? r : { ...r, status: statusAt(r, now) })) };
    return fromFieldKit(estateId, now);
  }
}

export default function MyDayPage() {
  useLocale();
  const me = useMe();
  const [days, setDays] = useState<Day[] | null>(null);
  const [error, setError] = useState('');
  const estateIds = me?.memberships.filter((m) => PATROL.includes(m.role)).map((m) => m.estateId) ?? [];
  useEffect(() => {
    void Promise.all(estateIds.map(load))
      .then((all) => setDays(all.filter((d): d is Day => d !== null)))
      .catch((e) => setError(errorText(e)));
  }, [estateIds.join()]);

  if (error)
    return (
      <Layout title={t('myDay')}>
        <p class="error card">{error}</p>
      </Layout>
    );
  if (!days)
    return (
      <Layout title={t('myDay')}>
        <p class="muted">…</p>
      </Layout>
    );
  return (
    <Layout title={t('myDay')}>
      {days.map((d) => (
        <section class="card" key={d.estateId} data-testid="my-day">
          {d.offline ? <p class="muted">{t('offlineCopy')}</p> : null}
          {d.rounds.length ? (
            <ul class="slots">
              {d.rounds.map((r) => (
                <li key={`${r.locationId}-${r.key}`} class={`slot ${r.status}`} data-testid="round" data-status={r.status}>
                  <a href={`/l/${r.code}`}>
                    <span class="time">
                      {formatTime(r.start, d.timeZone)}–{formatTime(r.end, d.timeZone)}
                    </span>{' '}
                    <strong>{tx(r.name)}</strong> <span class="badge">{tx(SLOT_STATUS_LABELS[r.status])}</span>
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noRoundsToday')}</p>
          )}
        </section>
      ))}
    </Layout>
  );
}
