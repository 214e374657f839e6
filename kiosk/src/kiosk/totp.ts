/**
 * The lobby tablet's rotating code, computed on the tablet (WebCrypto) exactly as the server
 * checks it (server/security/crypto.ts): HMAC-SHA-256 over the 30-second step, 6 digits.
 */
export const STEP_MS = 30_000;

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function kioskCode(secret: string, at: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', fromBase64Url(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(at / STEP_MS)));
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, counter.buffer));
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (new DataView(mac.buffer).getUint32(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}
