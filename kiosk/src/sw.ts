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
