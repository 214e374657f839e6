import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n-pages.ts';
import { parseLocationUrl, type ScannedLocation } from '../scan/location-url.ts';

interface Detector {
  detect(source: CanvasImageSource | ImageBitmap): Promise<{ rawValue: string }[]>;
}
declare const BarcodeDetector: { new (o: { formats: string[] }): Detector } | undefined;

/** Decodes a QR code from a photo when the browser has no BarcodeDetector (jsQR, loaded only then). */
async function decodeFromFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  if (typeof BarcodeDetector !== 'undefined') {
    const found = await new BarcodeDetector({ formats: ['qr_code'] }).detect(bitmap);
    if (found[0]) return found[0].rawValue;
  }
  const canvas = document.createElement('canvas');
  const scale = Math.min(1, 1200 / Math.max(bitmap.width, bitmap.height));
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const { default: jsQR } = await import('jsqr');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(data.data, data.width, data.height)?.data ?? null;
}

/** The in-app scanner: live camera with BarcodeDetector where present, a photo otherwise. */
export function Scanner({ onLocation, onClose }: { onLocation: (s: ScannedLocation) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [message, setMessage] = useState('');
  const live = typeof BarcodeDetector !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  const accept = (text: string | null) => {
    if (!text) return setMessage(t('noCodeFound'));
    const loc = parseLocationUrl(text, location.origin);
    if (!loc) return setMessage(t('notOurCode'));
    onLocation(loc);
  };

  useEffect(() => {
    if (!live || !video.current) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const detector = new BarcodeDetector!({ formats: ['qr_code'] });
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play();
        while (!stopped) {
          const [hit] = await detector.detect(v).catch(() => []);
          if (hit) {
            accept(hit.rawValue);
            if (parseLocationUrl(hit.rawValue, location.origin)) return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      })
      .catch(() => setMessage(''));
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div class="scanner" role="dialog">
      <p>{t('scanPrompt')}</p>
      {live ? <video ref={video} playsInline muted /> : null}
      <label class="button">
        {t('scanFromPhoto')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid="scan-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) accept(await decodeFromFile(file).catch(() => null));
          }}
        />
      </label>
      {message ? (
        <p class="error" role="alert" data-testid="scan-message">
          {message}
        </p>
      ) : null}
      <button type="button" class="secondary" onClick={onClose}>
        {t('cancel')}
      </button>
    </div>
  );
}
