import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { LOCATION_KIND_LABELS, SEVERITY_LABELS, SLOT_STATUS_LABELS, type Confirmation, type Issue } from '../../../shared/index.ts';
import { ApiError, errorText, session } from '../api/http.ts';
import { brandOf, formatDateTime, t, tx, useLocale } from '../i18n.ts';
import { useMe } from '../state/session.ts';
import { ServiceHelp, helpBrand } from '../ui/ServiceHelp.tsx';
import { Layout } from '../ui/Layout.tsx';
import { arrivedLanding, cachedLanding, inlinedLanding, loadLanding, type Landing } from './landing.ts';
import { KnownProblems, OwnerReport } from './OwnerReport.tsx';
import { activeRound, confirmCheckpoint, type ActiveRound } from '../state/round.ts';
import { PatrolForm } from './PatrolForm.tsx';
import { RectifyForm } from './RectifyForm.tsx';
import { useLater } from '../ui/later.ts';

/** What a location's QR code opens: the owner's report form, and for staff the checklist due here now. */
export default function LocationPage() {
  const { params, query, url } = useRoute() as ReturnType<typeof useRoute> & { url?: string };
  // A new scan is a new visit: fresh presence time and form.
  return <LocationView key={url ?? `${params.code}?${query.k ?? ''}${query.q ?? ''}`} code={params.code} query={query} />;
}

/**
 * When a lobby tablet's code was read. The code proves presence at that moment only, so a reload
 * (offline, or by the service worker taking over) must not move the moment and void the proof.
 */
function scannedAt(code: string, kioskCode: string): number {
  const key = `pqm:scanned:${code}:${kioskCode}`;
  try {
    const seen = Number(sessionStorage.getItem(key));
    if (seen > 0) return seen;
    sessionStorage.setItem(key, String(Date.now()));
  } catch {
    // No storage (private mode): the moment of this opening.
  }
  return Date.now();
}

function LocationView({ code, query }: { code: string; query: Record<string, string> }) {
  useLocale();
  // What the server put into the page, or the copy from the last visit, paints at once; for staff, the
  // server's answer (with their checklist) replaces it when it comes, or is drawn at once if it came first.
  const [inlined] = useState(() => inlinedLanding(code));
  const [arrived] = useState(() => (session.token ? arrivedLanding(code) : null));
  const [landing, setLanding] = useState<Landing | null>(
    () => arrived ?? (session.token ? (cachedLanding(code) ?? inlined) : (inlined ?? cachedLanding(code))),
  );
  // Signed in with only the public part to show: the place's name at once, and not an owner's form that their
  // checklist would replace a moment later (rendering it would only delay the checklist).
  const [answered, setAnswered] = useState(() => !session.token || landing?.staff !== undefined);
  const [error, setError] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const [brand, setBrand] = useState('');
  const me = useMe();
  // Presence: a kiosk's rotating code, a printed label (?q=1), or just a link.
  const [opened] = useState(() => {
    const kioskCode = /^\d{6}$/.test(query.k ?? '') ? query.k : null;
    return { at: kioskCode ? scannedAt(code, kioskCode) : Date.now(), kioskCode, label: query.q === '1' };
  });

  const show = (answer: Promise<Landing>) =>
    answer
      .then((l) => {
        setLanding(l);
        setAnswered(true);
      })
      .catch((e) => {
        setAnswered(true);
        const gone = e instanceof ApiError && e.status === 404;
        // A revoked code must not keep showing its old page.
        if (gone) setLanding(null);
        setError(gone ? t('locationNotFound') : e instanceof ApiError && e.status === 0 ? t('notCachedOffline') : t('tryAgain'));
      });
  // The first answer is asked for while the page is first drawn, not after: an effect waits for the next frame, and a
  // busy phone's next frame can be hundreds of milliseconds away. Nothing to ask when an owner's page came with the
  // HTML, or a signed-in person's answer before the app.
  const [asked] = useState(() => {
    if (!arrived && (session.token || !inlined)) void show(loadLanding(code));
    return { key: `${session.token ?? ''}|0` };
  });
  // Asked again when the person or the data changes, not when the same person's details arrive.
  useEffect(() => {
    const key = `${session.token ?? ''}|${reloadKey}`;
    if (asked.key === key) return;
    asked.key = key;
    setError('');
    void show(loadLanding(code));
  }, [code, me?.user.id, reloadKey]);

  if (error && !landing)
    return (
      <Layout brand={brand}>
        <p class="error card" role="alert">
          {error}
        </p>
        {error === t('locationNotFound') ? <ServiceHelp code={code} onHelp={(h) => setBrand(helpBrand(h))} /> : null}
      </Layout>
    );
  if (!landing)
    return (
      <Layout>
        <p class="muted">…</p>
      </Layout>
    );
  const confirmedBy: Confirmation = opened.kioskCode ? 'kiosk_code' : opened.label ? 'printed_code' : 'link';

  return (
    <Layout brand={brandOf(landing.estate)}>
      <section class="hero">
        <h1 data-testid="location-name">{tx(landing.location.name)}</h1>
        <p class="muted">
          {tx(LOCATION_KIND_LABELS[landing.location.kind])} · {tx(landing.estate.name)}
        </p>
        {landing.offlineSince ? (
          <p class="warn-text">
            {t('offline')} · {formatDateTime(landing.offlineSince, landing.estate.timeZone)}
          </p>
        ) : null}
      </section>
      {landing.staff ? (
        <StaffPanel landing={landing} confirmedBy={confirmedBy} opened={opened} onChanged={() => setReloadKey((k) => k + 1)} />
      ) : !answered ? (
        <p class="muted" role="status">
          …
        </p>
      ) : (
        <>
          <KnownProblems landing={landing} />
          <OwnerReport to={{ kind: 'location', landing }} />
        </>
      )}
    </Layout>
  );
}

function StaffPanel({
  landing,
  confirmedBy,
  opened,
  onChanged,
}: {
  landing: Landing;
  confirmedBy: Confirmation;
  opened: { at: number; kioskCode: string | null };
  onChanged: () => void;
}) {
  const staff = landing.staff!;
  const [message, setMessage] = useState('');
  const [fixing, setFixing] = useState<string | null>(null);
  // Loaded on a tap: only the service desk logs visits, and the camera opens when asked.
  const desk = useLater(
    () => import('./DeskLog.tsx').then((m) => m.DeskLog),
    () => setMessage(t('error')),
  );
  const scanner = useLater(
    () => import('../ui/Scanner.tsx').then((m) => m.Scanner),
    () => setMessage(t('error')),
  );
  const [round, setRound] = useState<{ round: ActiveRound; here: boolean } | null>(null);
  const { route } = useLocation();
  // A round under way (巡更): the code scanned here confirms this checkpoint; a plain link proves nothing.
  useEffect(() => {
    const proof = confirmedBy === 'kiosk_code' ? 'kiosk_code' : confirmedBy === 'printed_code' ? 'printed_code' : null;
    void activeRound()
      .then(async (r) => {
        if (!r) return;
        const confirmed = proof ? await confirmCheckpoint(landing.location.id, proof) : null;
        setRound({ round: confirmed ?? r, here: confirmed !== null });
      })
      .catch((e: unknown) => setMessage(errorText(e)));
  }, [landing.location.id]);
  const canPatrol = staff.role !== 'department' && staff.template;
  const fillSlot = staff.slots.find((s) => s.key === staff.fills);
  // A place's code opens its checklist when a round is due there (what the patroller came for); with none due, a
  // voluntary round starts on a tap.
  const [patrolling, setPatrolling] = useState(() => Boolean(canPatrol && fillSlot));
  const mine = (i: Issue) =>
    staff.role === 'department' && i.departmentId === staff.departmentId && (i.status === 'assigned' || i.status === 'reopened');

  return (
    <>
      {round ? (
        <p class={`card ${round.here ? 'ok' : ''}`} role="status" data-testid="round-here">
          {round.here ? `${t('checkpointConfirmed')} ${round.round.scans.length}/${round.round.checkpoints.length}` : t('notOnRound')} ·{' '}
          <a href={`/round/${round.round.estateId}/${round.round.routeId}`}>{t('backToRound')}</a>
        </p>
      ) : null}
      {message ? (
        <p class="card ok" role="status" data-testid="patrol-saved">
          {message}
        </p>
      ) : null}
      {canPatrol ? (
        <section class="card">
          <h2>{t('slotsToday')}</h2>
          <ol class="slots">
            {staff.slots.map((s) => (
              <li key={s.key} class={`slot ${s.status}`}>
                {s.hours}
                <span class="badge">{tx(SLOT_STATUS_LABELS[s.status])}</span>
              </li>
            ))}
          </ol>
          {staff.missedToday ? (
            <p class="warn-text">
              {staff.missedToday} {t('missedToday')}
            </p>
          ) : null}
          <p data-testid="fills">{fillSlot ? `${t('fillsSlot')} ${fillSlot.hours}` : t('voluntaryRound')}</p>
          <p class="muted">
            {t('presence')}: {confirmedBy === 'kiosk_code' ? t('viaKiosk') : confirmedBy === 'printed_code' ? t('viaLabel') : t('viaLink')}
          </p>
          {patrolling && staff.openIssues.length ? (
            // The open issues are listed under the checklist: said here, so they are not missed.
            <button
              type="button"
              class="link"
              onClick={() => document.getElementById('open-issues')?.scrollIntoView()}
              data-testid="open-issues-note"
            >
              {t('openIssuesHere')}: {staff.openIssues.length} ↓
            </button>
          ) : null}
          {patrolling ? (
            <PatrolForm
              ctx={{
                template: staff.template!,
                locationId: landing.location.id,
                locationName: tx(landing.location.name),
                confirmedBy,
                kioskCode: opened.kioskCode,
                startedAt: opened.at,
              }}
              onDone={(m, sent) => {
                setPatrolling(false);
                setMessage(m);
                onChanged();
                // Once the server has the round, the page shows what it now counts: the slot done.
                void sent?.then((ok) => {
                  if (!ok) return;
                  setMessage(t('sent'));
                  onChanged();
                });
              }}
            />
          ) : (
            <button type="button" class="primary wide" onClick={() => setPatrolling(true)} data-testid="start-patrol">
              {t('startPatrol')}
            </button>
          )}
        </section>
      ) : null}
      {landing.location.kind === 'service_desk' ? (
        <section class="card">
          <h2>{t('deskTitle')}</h2>
          {desk.View ? (
            <desk.View
              deskId={landing.location.id}
              timeZone={landing.estate.timeZone}
              onDone={(m) => {
                desk.close();
                setMessage(m);
                onChanged();
              }}
            />
          ) : (
            <button type="button" class="primary wide" onClick={desk.open} data-testid="start-desk-log">
              {t('deskNew')}
            </button>
          )}
        </section>
      ) : null}
      <section class="card" id="open-issues">
        <h3>{t('openIssuesHere')}</h3>
        {staff.openIssues.length === 0 ? <p class="muted">{t('none')}</p> : null}
        <ul class="list">
          {staff.openIssues.map((i) => (
            <li key={i.id} class={`issue sev-${i.severity}`}>
              <div>
                <span class="badge">{tx(SEVERITY_LABELS[i.severity])}</span> <span class="text">{i.description}</span>
                <small class="muted block">
                  {t('fixDeadline')} {formatDateTime(i.deadline, landing.estate.timeZone)}
                </small>
              </div>
              {mine(i) ? (
                fixing === i.id ? (
                  <RectifyForm
                    issueId={i.id}
                    label={tx(landing.location.name)}
                    hadPhoto={i.photos.length > 0}
                    onDone={(m) => {
                      setFixing(null);
                      setMessage(m);
                      onChanged();
                    }}
                  />
                ) : (
                  <button type="button" class="secondary" onClick={() => setFixing(i.id)}>
                    {t('reportFix')}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <button type="button" class="secondary wide" onClick={scanner.open} data-testid="scan-next">
        {t('scanNext')}
      </button>
      {scanner.View ? (
        <scanner.View
          onClose={scanner.close}
          onLocation={(s) => {
            scanner.close();
            route(`/l/${s.code}${s.kioskCode ? `?k=${s.kioskCode}` : s.fromLabel ? '?q=1' : ''}`);
          }}
        />
      ) : null}
    </>
  );
}
