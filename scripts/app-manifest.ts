import type { ManifestOptions } from 'vite-plugin-pwa';
import { SHARE_ACTION, SHARE_FIELD } from '../src/ui/import/share-target.ts';

/** No inline script anywhere: the service worker is registered from a bundled module. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Sync talks to the user's own CouchDB: any https server, or plain http on this device only.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const manifest: Partial<ManifestOptions> = {
  name: 'Deckhand — Docker cards & drills',
  short_name: 'Deckhand',
  description: 'Offline Docker cheat sheet and spaced-repetition drills, in 中文 and English.',
  lang: 'en',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: '#f7f8fa',
  theme_color: '#1d63ed',
  // Share a note from another app straight into the Notes import (src/sw.ts parks the files).
  share_target: {
    action: SHARE_ACTION,
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      files: [{ name: SHARE_FIELD, accept: ['text/markdown', 'text/x-markdown', 'text/plain', '.md', '.markdown', '.txt'] }],
    },
  },
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
