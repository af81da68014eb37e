import { hydrate, mount } from 'svelte';
import App from './ui/App.svelte';
import { readPending } from './ui/drill/pending-grades.ts';
import { deck } from './ui/state/deck.svelte.ts';
import { pwa } from './ui/state/pwa.svelte.ts';
import './ui/state/theme.svelte.ts'; // the saved light/dark choice, applied before any page loads
import { local } from './ui/state/web-storage.ts';
import './ui/app.css';

// Tells builds apart (shown in Settings; the update test checks it changes).
document.documentElement.dataset.build = __BUILD_ID__;

// The build prerenders the search screen into #app (scripts/vite-plugin-prerender.ts). At `/`
// it is painted before hydration, the heaviest start-up task, takes it over; any other page
// replaces it at once. Start-up requests
// (the cards, a big download; the user's decks) wait for that paint too: one made before it
// delays the paint on a slow phone and network, and Lighthouse counts it into the largest paint.
const target = document.getElementById('app')!;
if (target.firstChild && location.pathname === '/') afterNextPaint(start);
else start();
pwa.start(); // registers the service worker after the page's load event

function start() {
  void deck.load();
  if (!target.firstChild) mount(App, { target });
  else if (location.pathname === '/') hydrateTypedInto(target);
  else hydrate(App, { target });
  // The user's imported decks join the bundled one (and are re-indexed after an app update).
  // Loaded after the first render: the search box must not wait for IndexedDB.
  void import('./ui/state/imports.svelte.ts').then(
    ({ imports }) => imports.load(),
    () => deck.settleImports(), // offline with a stale cache: card pages must not wait forever
  );
  // Grades a fast reload (or a full disk) left uncommitted are written now, whatever the page
  // (the drill code, scheduler and database load only when there are some).
  if (readPending().length > 0) void import('./ui/state/drill.svelte.ts').then(({ drill }) => drill.replayPending());
  // Sync (and PouchDB) load only for people who turned it on in Settings.
  if (local.get('deckhand.sync.on') === '1') void import('./ui/state/sync.svelte.ts').then(({ sync }) => sync.resume());
}

/**
 * Hydrates the painted search screen. Svelte takes over a query typed into the painted box
 * before the script ran, but its input handler never saw it: fire it, so the URL says it too.
 */
function hydrateTypedInto(target: HTMLElement) {
  const box = document.getElementById('search-input') as HTMLInputElement | null;
  const typed = !!box?.value; // the painted box is empty
  hydrate(App, { target });
  if (typed) box?.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Runs the task after the next frame is painted — at once in a hidden tab, which gets no
 * frames, or when the tab is hidden before that frame. (A timer as a fallback fired before
 * the first frame on a busy phone: hydration then delayed the first paint.)
 */
function afterNextPaint(task: () => void) {
  let done = false;
  const once = () => {
    if (!done) task();
    done = true;
  };
  if (document.visibilityState === 'hidden') return once();
  requestAnimationFrame(() => setTimeout(once));
  document.addEventListener('visibilitychange', once, { once: true });
}
