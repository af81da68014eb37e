import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer, type Plugin } from 'vite';
import { deckPlugin } from './vite-plugin-deck.ts';

/**
 * Paints the first screen before any JavaScript runs: at build time the app is rendered on the
 * server side (Svelte's `render`) as a first-time visitor at `/` sees it — header, tab bar and
 * the search screen — and written into index.html's `#app`, which src/main.ts then hydrates.
 * The markup is plain elements and comments: no inline script or style, so the strict CSP holds.
 */
const ENTRY = '/src/ui/prerender.ts';
const MOUNT = '<div id="app"></div>';

export function prerenderPlugin(define: Record<string, string>): Plugin {
  return {
    name: 'deckhand-prerender',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(MOUNT)) throw new Error(`prerender: index.html has no ${MOUNT}`);
        const body = await renderFirstScreen(define);
        return html.replace(MOUNT, `<div id="app">${body}</div>`);
      },
    },
  };
}

async function renderFirstScreen(define: Record<string, string>): Promise<string> {
  // The app's modules read the browser at start-up (URL, saved language, recent searches).
  const restore = visitorAtRoot();
  // Render with the production build of Svelte, as the page will run, even when the build is
  // started under another NODE_ENV (vitest's child builds run with NODE_ENV=test).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    define,
    server: { middlewareMode: true, hmr: false, ws: false },
    // workbox-window's package entry is not Node-importable: let Vite transform it like app code.
    ssr: { noExternal: ['workbox-window'] },
    plugins: [svelte(), deckPlugin('content')],
  });
  try {
    const { renderApp } = (await server.ssrLoadModule(ENTRY)) as { renderApp: () => string };
    return renderApp();
  } finally {
    await server.close();
    restore();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Just enough of a browser for module start-up, as a first visit at `/` finds it: nothing saved,
 * English. Removed again after rendering, so the rest of the build sees plain Node.
 */
function visitorAtRoot(): () => void {
  const noop = () => {};
  const stand_ins: Record<string, unknown> = {
    location: new URL('http://localhost/'),
    localStorage: { getItem: () => null, setItem: noop, removeItem: noop },
    navigator: { language: 'en', languages: ['en'] },
    document: { documentElement: { dataset: {}, lang: 'en' }, addEventListener: noop },
    addEventListener: noop,
    history: { state: null, scrollRestoration: 'auto' },
  };
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [name, value] of Object.entries(stand_ins)) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  };
}
