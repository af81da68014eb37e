import type { ManifestOptions } from 'vite-plugin-pwa';

/** No inline script anywhere: the service worker is registered from a bundled module. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
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
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
