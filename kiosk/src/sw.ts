/// <reference lib="webworker" />
/**
 * The service worker: precache the app shell (the list is injected at build time) and answer every
 * navigation — /l/<code>, /t/<token>, /kiosk/<code> — with the shell, so a location opens offline.
 * API calls are never cached here: the app keeps its own offline data in IndexedDB.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/healthz/] }));

// On the first install, take charge of the page that installed us, so it works offline from the first visit.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page asks before a new version takes over, so nobody loses a checklist half-filled.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** What the server's Web Push carries (server/channels/web-push.ts PushPayload). */
interface Push {
  title: string;
  body: string;
  link: string;
  tag: string;
}

/** Badging API, where the platform has it (installed PWAs on Android, iOS, desktop). */
type Badging = { setAppBadge?: (n?: number) => Promise<void> };

// News of work: shown at once, even with the app closed; the icon gets a badge until the app is opened.
self.addEventListener('push', (event) => {
  let push: Push;
  try {
    push = event.data?.json() as Push;
  } catch {
    return;
  }
  if (!push?.title) return;
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(push.title, {
        body: push.body,
        tag: push.tag,
        icon: '/icon-192.png',
        badge: '/icon-192.png',
        data: { link: push.link },
        lang: 'zh-CN',
      }),
      (self.navigator as Badging).setAppBadge?.().catch(() => undefined),
    ]),
  );
});

// A tap opens the item: in the app's window if one is open, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const link = new URL((event.notification.data as { link?: string } | null)?.link ?? '/', self.location.origin);
  if (link.origin !== self.location.origin) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[0];
      if (open) {
        await open.navigate(link.href).catch(() => undefined);
        await open.focus();
      } else await self.clients.openWindow(link.href);
    })(),
  );
});
