/// <reference lib="webworker" />
// The service worker only routes to named functions: precache, app-shell navigation, updates.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install controls the open page at once, so the very first visit already works offline.
clientsClaim();

// Every in-app URL (/card/…, /search?q=…, /topics) is the app shell, so deep links work offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// registerType 'prompt': a new version waits until the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
