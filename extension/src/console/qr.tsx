/** A QR code drawn from a link (a survey's, an invitation's), as an image a phone can scan off the screen or a print-out. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

export function QrImage({ text, size = 160, label = '' }: { text: string; size?: number; label?: string }) {
  const [src, setSrc] = useState('');
  useEffect(() => void QRCode.toDataURL(text, { width: size * 1.25, margin: 1 }).then(setSrc), [text]);
  return src ? <img src={src} alt={label} width={size} height={size} data-testid="qr" /> : null;
}
