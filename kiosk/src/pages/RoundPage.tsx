import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { judgeRound, type FieldKit, type PatrolRoute } from '../../../shared/index.ts';
import { errorText } from '../api/http.ts';
import { formatDuration, formatTime, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { parseLocationUrl } from '../scan/location-url.ts';
import { fieldKits, useMe } from '../state/session.ts';
import { activeRound, confirmCheckpoint, finishRound, startRound, type ActiveRound } from '../state/round.ts';
import { Layout } from '../ui/Layout.tsx';
import { Scanner } from '../ui/Scanner.tsx';

/** Web NFC, where the phone's browser has it (Chrome on Android): the tag carries the checkpoint's location link. */
interface NdefReader {
  scan(): Promise<void>;
  addEventListener(type: 'reading', fn: (e: { message: { records: { recordType: string; data?: DataView }[] } }) => void): void;
}

/**
 * 巡更: a guard's round on one route. The next checkpoint, what is left, and the time; each checkpoint is confirmed
 * by scanning its code (the location page confirms it) or by touching its NFC tag. Works offline: the route comes
 * with the field kit, and the finished round waits in the outbox.
 */
export default function RoundPage() {
  useLocale();
  const { params } = useRoute();
  const { route: go } = useLocation();
  const [kit, setKit] = useState<FieldKit | null>(null);
  const [round, setRound] = useState<ActiveRound | null>(null);
  const [scanning, setScanning] = useState(false);
  const [message, setMessage] = useState('');
  const [now, setNow] = useState(Date.now());
  // The kits are the signed-in person's: read once the session is restored (it is, a moment after a page load).
  const me = useMe();
  useEffect(() => {
    void fieldKits().then((kits) => setKit(kits.find((k) => k.estate.id === params.estateId) ?? null));
  }, [params.estateId, me?.user.id]);
  useEffect(() => {
    void activeRound().then(setRound);
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [params.routeId]);
  // A kit kept from before routes existed has none.
  const route: PatrolRoute | undefined = (kit?.routes ?? []).find((r) => r.id === params.routeId);
  const names = new Map(kit?.locations.map((l) => [l.id, l]) ?? []);
  const mine = round && round.routeId === params.routeId ? round : null;

  const nfc = typeof window !== 'undefined' && 'NDEFReader' in window;
  const listenNfc = async () => {
    try {
      const reader = new (window as unknown as { NDEFReader: new () => NdefReader }).NDEFReader();
      await reader.scan();
      reader.addEventListener('reading', (e) => {
        for (const record of e.message.records) {
          const text = record.data ? new TextDecoder().decode(record.data) : '';
          const scanned = parseLocationUrl(text, location.origin);
          const place = scanned && kit?.locations.find((l) => l.code === scanned.code);
          if (place)
            void confirmCheckpoint(place.id, 'nfc').then(
              (r) => r && setRound(r),
              (e: unknown) => setMessage(errorText(e)),
            );
        }
      });
      setMessage(t('nfcReady'));
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  if (!kit || !route)
    return (
      <Layout title={t('guardRound')}>
        <p class="card muted">{kit ? t('routeNotFound') : '…'}</p>
      </Layout>
    );
  const zone = kit.estate.timeZone;
  const scans = new Map(mine?.scans.map((s) => [s.locationId, s]) ?? []);
  const next = route.checkpoints.find((c) => !scans.has(c));
  const judged = mine ? judgeRound(route, mine.scans) : null;
  const schedule =
    route.schedule.kind === 'interval'
      ? `${route.schedule.from}–${route.schedule.to} · ${t('every')} ${route.schedule.everyHours} ${t('hoursUnit')}`
      : '';

  return (
    <Layout title={tx(route.name)}>
      <section class="card" data-testid="round">
        <h1>{tx(route.name)}</h1>
        {schedule ? <p class="muted">{schedule}</p> : null}
        {mine ? (
          <>
            <p data-testid="round-progress">
              {t('confirmed')} {mine.scans.length}/{route.checkpoints.length} · {t('elapsed')} {formatDuration(now - mine.startedAt)}
            </p>
            {next ? (
              <p class="big" data-testid="next-checkpoint">
                {t('nextCheckpoint')}: {tx(names.get(next)?.name) || next}
              </p>
            ) : (
              <p class="ok">{t('allCheckpoints')}</p>
            )}
            {judged?.outOfOrder ? <p class="warn-text">{t('outOfOrder')}</p> : null}
            {judged?.tooFast ? <p class="warn-text">{t('tooFast')}</p> : null}
          </>
        ) : null}
        <ol class="checkpoints" data-testid="checkpoints">
          {route.checkpoints.map((c) => (
            <li key={c} class={scans.has(c) ? 'done' : c === next && mine ? 'next' : ''}>
              {tx(names.get(c)?.name) || c}
              {scans.has(c) ? ` ✓ ${formatTime(scans.get(c)!.at, zone)}` : ''}
            </li>
          ))}
        </ol>
        {message ? <p role="status">{message}</p> : null}
        {mine ? (
          <div class="actions">
            <button type="button" class="primary" onClick={() => setScanning(true)} data-testid="scan-checkpoint">
              {t('scanCheckpoint')}
            </button>
            {nfc ? (
              <button type="button" class="secondary" onClick={() => void listenNfc()}>
                {t('nfcTouch')}
              </button>
            ) : null}
            <button
              type="button"
              class={next ? 'danger' : 'primary'}
              data-testid="finish-round"
              onClick={() => {
                if (next && !confirm(t('finishWithSkips'))) return;
                void finishRound(mine).then(
                  () => {
                    setRound(null);
                    setMessage(
                      judged?.complete
                        ? t('roundComplete')
                        : `${t('roundFlagged')}: ${judged?.skipped.map((c) => tx(names.get(c)?.name) || c).join('、')}`,
                    );
                  },
                  (e) => setMessage(errorText(e)),
                );
              }}
            >
              {t('finishRound')}
            </button>
          </div>
        ) : (
          <button
            type="button"
            class="primary wide"
            data-testid="start-round"
            onClick={() => void startRound(route).then(setRound, (e: unknown) => setMessage(errorText(e)))}
            disabled={Boolean(round && round.routeId !== route.id)}
          >
            {t('startRound')}
          </button>
        )}
      </section>
      {scanning ? (
        <Scanner
          onClose={() => setScanning(false)}
          onLocation={(s) => {
            setScanning(false);
            go(`/l/${s.code}${s.kioskCode ? `?k=${s.kioskCode}` : '?q=1'}`);
          }}
        />
      ) : null}
    </Layout>
  );
}
