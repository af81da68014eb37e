/// <reference lib="webworker" />
// The service worker only routes to named functions: precache, app-shell navigation, updates.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SHARE_ACTION, SHARE_CACHE, SHARE_FIELD, SHARE_LANDING } from './ui/import/share-target.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install controls the open page at once, so the very first visit already works offline.
clientsClaim();

// Every in-app URL (/card/…, /search?q=…, /topics) is the app shell, so deep links work offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// Notes shared from another app (Web Share Target) arrive as a POST: park them for the Notes page.
registerRoute(({ url, request }) => request.method === 'POST' && url.pathname === SHARE_ACTION, receiveSharedNotes, 'POST');

// registerType 'prompt': a new version waits until the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Stores each shared file (and shared plain text, as a note) in a cache the Notes page empties,
 * then sends the user there. The page previews them like picked files; nothing is saved yet.
 */
async function receiveSharedNotes({ request }: { request: Request }): Promise<Response> {
  try {
    const form = await request.formData();
    const cache = await caches.open(SHARE_CACHE);
    const park = (body: Blob, name: string, type: string, n: number) =>
      cache.put(`/shared-notes/${Date.now()}-${n}`, new Response(body, { headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) } }));
    let n = 0;
    for (const entry of form.getAll(SHARE_FIELD)) {
      if (typeof entry !== 'string') await park(entry, entry.name, entry.type || 'text/plain', n++);
    }
    const text = form.get('text');
    if (n === 0 && typeof text === 'string' && text.trim()) {
      const title = form.get('title');
      const name = `${(typeof title === 'string' && title.trim()) || 'Shared note'}.md`;
      await park(new Blob([text], { type: 'text/plain' }), name, 'text/plain', n++);
    }
  } catch (error) {
    // Still land on the Notes page, which then simply has nothing to preview.
    console.warn('Shared note could not be stored', error);
  }
  return Response.redirect(SHARE_LANDING, 303);
}
