import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { deckPlugin } from './scripts/vite-plugin-deck.ts';
import { prerenderPlugin } from './scripts/vite-plugin-prerender.ts';
import { contentSecurityPolicy, manifest } from './scripts/app-manifest.ts';

// DECKHAND_BUILD_ID lets tests build a "next version" of the app to exercise the update prompt.
const buildId = process.env.DECKHAND_BUILD_ID ?? new Date().toISOString();
const define = { __BUILD_ID__: JSON.stringify(buildId) };

export default defineConfig({
  publicDir: 'static',
  define,
  build: { target: 'es2022', outDir: process.env.DECKHAND_OUT_DIR ?? 'dist', emptyOutDir: true },
  worker: { format: 'es' },
  plugins: [
    svelte(),
    deckPlugin('content'),
    // The first screen is in index.html before any script runs (hydrated by src/main.ts).
    prerenderPlugin(define),
    {
      // Only the production page gets the strict CSP: the dev server needs inline styles for HMR.
      name: 'deckhand-csp',
      apply: 'build',
      transformIndexHtml: (html) =>
        html.replace(
          '<meta charset="utf-8" />',
          `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
        ),
    },
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false, // src/lib/pwa registers it from a module: no inline script.
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,json,svg,png,webmanifest,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
});
