/**
 * Web Push on this phone: the browser's subscription, registered with each estate the person works in, so the
 * server's news of their work reaches them with the app closed (kiosk/src/sw.ts shows it).
 */
import { API, type Me } from '../../../shared/index.ts';
import { ApiError, call } from '../api/http.ts';

export type PushState = 'unsupported' | 'denied' | 'on' | 'off';

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const bytes = (b64url: string) => Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

export async function pushState(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ? 'on' : 'off';
}

/** Asks for permission, subscribes with the server's key and registers the phone with each of the person's estates. */
export async function turnPushOn(me: Me): Promise<PushState> {
  if (!supported()) return 'unsupported';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const reg = await registration();
  const { publicKey } = await call(API.pushKey, {});
  const key = bytes(publicKey);
  let sub = await reg.pushManager.getSubscription();
  // A subscription made for another key (another server) cannot be reused.
  const old = sub?.options.applicationServerKey;
  if (sub && old && new Uint8Array(old).join() !== key.join()) {
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const { endpoint, keys } = sub.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth) throw new Error('the browser gave no push keys');
  for (const m of me.memberships)
    await call(API.subscribePush, { params: { estateId: m.estateId }, json: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } } });
  return 'on';
}

export async function turnPushOff(me: Me): Promise<PushState> {
  const sub = await (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription();
  if (!sub) return 'off';
  for (const m of me.memberships)
    await call(API.unsubscribePush, { params: { estateId: m.estateId }, json: { endpoint: sub.endpoint } }).catch((e) => {
      // Already gone on the server (it saw the phone unsubscribe): nothing to undo.
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    });
  await sub.unsubscribe();
  return 'off';
}
