/// <reference lib="webworker" />
// The service worker only routes to named functions: precache, app-shell navigation, updates.
import { cacheNames, clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SHARE_ACTION, SHARE_CACHE, SHARE_FIELD, SHARE_LANDING } from './ui/import/share-target.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const MANIFEST = self.__WB_MANIFEST;
precacheAndRoute(MANIFEST);
cleanupOutdatedCaches();
// The first install controls the open page at once, so the very first visit already works offline.
clientsClaim();

// Every in-app URL (/card/…, /search?q=…, /topics) is the app shell, so deep links work offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// Notes shared from another app (Web Share Target) arrive as a POST: park them for the Notes page.
registerRoute(({ url, request }) => request.method === 'POST' && url.pathname === SHARE_ACTION, receiveSharedNotes, 'POST');

// A tab left open on the previous version still loads its lazy pages (Stats, Notes, parts of
// Settings) after another tab updated: the files the new version dropped are kept aside.
self.addEventListener('install', (event) => event.waitUntil(keepPreviousAssets()));
self.addEventListener('activate', (event) => event.waitUntil(rememberPreviousPages()));
registerRoute(({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith('/assets/'), previousAsset);

// registerType 'prompt': a new version waits until the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// A page (re)loads: once it has replaced its document and no page of the previous version is
// left, that version's files go.
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') event.waitUntil(delay(5000).then(dropPreviousAssetsIfUnused));
});

const PREVIOUS_ASSETS = 'deckhand-previous-assets';
/** Inside PREVIOUS_ASSETS: the ids of the pages that were open when this version took over. */
const PREVIOUS_PAGES = '/__deckhand/previous-pages';

/** Before the precache drops them on activation: copies the outgoing version's assets aside. */
async function keepPreviousAssets(): Promise<void> {
  const current = new Set(MANIFEST.map((e) => new URL(typeof e === 'string' ? e : e.url, self.location.href).pathname));
  const precache = await caches.open(cacheNames.precache);
  const previous = await caches.open(PREVIOUS_ASSETS);
  for (const request of await precache.keys()) {
    const path = new URL(request.url).pathname;
    if (!path.startsWith('/assets/') || current.has(path)) continue;
    const response = await precache.match(request);
    if (response) await previous.put(path, response);
  }
}

/** The pages open now were loaded by the previous version: its assets stay while any is open. */
async function rememberPreviousPages(): Promise<void> {
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const previous = await caches.open(PREVIOUS_ASSETS);
  await previous.put(PREVIOUS_PAGES, new Response(JSON.stringify(pages.map((p) => p.id))));
}

async function dropPreviousAssetsIfUnused(): Promise<void> {
  if (!(await caches.has(PREVIOUS_ASSETS))) return;
  const previous = await caches.open(PREVIOUS_ASSETS);
  const ids = ((await (await previous.match(PREVIOUS_PAGES))?.json()) ?? []) as string[];
  const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((p) => p.id));
  if (!ids.some((id) => open.has(id))) await caches.delete(PREVIOUS_ASSETS);
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** An asset the current version does not have: the previous version's copy, else the network. */
async function previousAsset({ request }: { request: Request }): Promise<Response> {
  const kept = await caches.match(new URL(request.url).pathname, { cacheName: PREVIOUS_ASSETS });
  return kept ?? fetch(request);
}

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
