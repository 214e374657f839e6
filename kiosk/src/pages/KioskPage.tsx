import { uuid } from '../util/uuid.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import QRCode from 'qrcode';
import { API, CATEGORY_LABELS, type Category } from '../../../shared/index.ts';
import { call, errorText } from '../api/http.ts';
import { locale, setLocale, tx, useLocale } from '../i18n.ts';
import { t } from '../i18n-pages.ts';
import { STEP_MS, kioskCode } from '../kiosk/totp.ts';
import { save } from '../state/sync.ts';
import type { Landing } from './landing.ts';

/** The four faces, from unhappy to very happy: each with its word, drawn, so no emoji font is needed. */
const FACES = [
  { word: 'faceUnhappy', smile: -1, colour: '#c62828' },
  { word: 'faceNotQuite', smile: -0.45, colour: '#b35300' },
  { word: 'faceHappy', smile: 0.45, colour: '#2e7d32' },
  { word: 'faceVeryHappy', smile: 1, colour: '#0f6e5f' },
] as const;

function Face({ smile, colour }: { smile: number; colour: string }) {
  // The mouth's middle dips for a frown and rises for a smile.
  const mid = 40 + smile * 9;
  return (
    <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke={colour} stroke-width="4" />
      <circle cx="22" cy="25" r="3.5" fill={colour} />
      <circle cx="42" cy="25" r="3.5" fill={colour} />
      <path
        d={`M19 ${40 - smile * 3} Q32 ${mid} 45 ${40 - smile * 3}`}
        fill="none"
        stroke={colour}
        stroke-width="4"
        stroke-linecap="round"
      />
    </svg>
  );
}
const REASONS: Category[] = ['hygiene', 'facilities', 'service', 'order'];

/**
 * A lobby tablet: the location's QR code, rotating every 30 s (proof of presence), and a one-tap
 * four-face rating. Deliberately no links: it is never a way into staff functions.
 */
export default function KioskPage() {
  useLocale();
  const { params } = useRoute();
  const code = params.code;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [secret] = useState(() => {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('k');
    const key = `pqm.kiosk.${code}`;
    if (fromHash) history.replaceState(null, '', location.pathname); // keep the secret out of screenshots and history
    try {
      if (fromHash) localStorage.setItem(key, fromHash);
      return localStorage.getItem(key) ?? fromHash;
    } catch {
      // No storage (private mode): works until the page is closed.
      return fromHash;
    }
  });
  const [landing, setLanding] = useState<Landing | null>(null);
  const [step, setStep] = useState<'rate' | 'why' | 'thanks'>('rate');
  const [face, setFace] = useState(0);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(
    () =>
      void call(API.landing, { params: { code }, auth: false })
        .then(setLanding)
        .catch(() => undefined),
    [code],
  );

  // Redraw the QR code at every step boundary.
  useEffect(() => {
    if (!secret) return;
    let timer: ReturnType<typeof setTimeout>;
    const draw = async () => {
      const now = Date.now();
      const k = await kioskCode(secret, now);
      if (canvas.current)
        await QRCode.toCanvas(canvas.current, `${location.origin}/l/${code}?k=${k}`, { width: 360, margin: 2, errorCorrectionLevel: 'M' });
      canvas.current?.setAttribute('data-code', k);
      timer = setTimeout(draw, STEP_MS - (now % STEP_MS) + 50);
    };
    void draw();
    return () => clearTimeout(timer);
  }, [secret, code]);

  useEffect(() => {
    if (step !== 'thanks') return;
    const timer = setTimeout(() => {
      setStep('rate');
      setReason('');
      setFace(0);
    }, 4000);
    return () => clearTimeout(timer);
  }, [step]);

  const send = async (f: number, why = '', category?: Category) => {
    const id = uuid();
    try {
      await save({
        id,
        kind: 'kioskRating',
        auth: false,
        label: 'kiosk',
        body: { id, locationCode: code, face: f, reason: why, ...(category ? { category } : {}) },
      });
      setFailure('');
      setStep('thanks');
    } catch (e) {
      // Refused on the tablet (the words cannot be sent as typed) or not stored: say so, keep the words to fix.
      setFailure(errorText(e));
    }
  };

  return (
    <div class="kiosk" data-testid="kiosk">
      <header>
        <h1>{tx(landing?.location.name) || '…'}</h1>
        <button type="button" class="link" onClick={() => setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('switchLanguage')}
        </button>
      </header>
      <div class="kiosk-body">
        <figure class="kiosk-qr">
          {secret ? <canvas ref={canvas} data-testid="kiosk-qr" /> : <p class="warn-text">{t('kioskNotSetUp')}</p>}
          <figcaption>{t('kioskScan')}</figcaption>
        </figure>
        <section class="kiosk-rate">
          {step === 'rate' ? (
            <>
              <h2>{t('kioskRate')}</h2>
              <div class="faces">
                {FACES.map((face, i) => (
                  <button
                    type="button"
                    key={face.word}
                    class={`face f${i + 1}`}
                    data-testid={`face-${i + 1}`}
                    onClick={() => {
                      if (i >= 2) return void send(i + 1);
                      setFace(i + 1);
                      setStep('why');
                    }}
                  >
                    <Face smile={face.smile} colour={face.colour} />
                    <span>{t(face.word)}</span>
                  </button>
                ))}
              </div>
            </>
          ) : step === 'why' ? (
            <>
              <h2>{t('kioskWhat')}</h2>
              <div class="chips">
                {REASONS.map((c) => (
                  <button
                    type="button"
                    key={c}
                    class="chip"
                    data-testid={`why-${c}`}
                    onClick={() => void send(face, reason.trim() || tx(CATEGORY_LABELS[c]), c)}
                  >
                    {tx(CATEGORY_LABELS[c])}
                  </button>
                ))}
              </div>
              <textarea value={reason} maxLength={300} placeholder={t('describeHint')} onInput={(e) => setReason(e.currentTarget.value)} />
              <button type="button" class="secondary" onClick={() => void send(face)}>
                {t('kioskSkip')}
              </button>
              {failure ? (
                <p class="error" role="alert" data-testid="kiosk-error">
                  {failure}
                </p>
              ) : null}
            </>
          ) : (
            <h2 class="thanks" data-testid="kiosk-thanks">
              {t('kioskThanks')}
            </h2>
          )}
        </section>
      </div>
    </div>
  );
}
