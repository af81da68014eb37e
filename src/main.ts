import { hydrate, mount } from 'svelte';
import App from './ui/App.svelte';
import { deck } from './ui/state/deck.svelte.ts';
import { pwa } from './ui/state/pwa.svelte.ts';
import './ui/state/theme.svelte.ts'; // the saved light/dark choice, applied before any page loads
import { local } from './ui/state/web-storage.ts';
import './ui/app.css';

// Tells builds apart (shown in Settings; the update test checks it changes).
document.documentElement.dataset.build = __BUILD_ID__;

void deck.load(); // first: the cards download while the page paints

// The build prerenders the search screen into #app (scripts/vite-plugin-prerender.ts). At `/`
// it is painted before hydration, the heaviest start-up task, takes it over (a hidden tab, which
// gets no frames, waits at most 100 ms); any other page replaces it at once.
const target = document.getElementById('app')!;
if (!target.firstChild) mount(App, { target });
else if (location.pathname === '/') afterNextPaint(() => hydrate(App, { target }));
else hydrate(App, { target });
// The user's imported decks join the bundled one (and are re-indexed after an app update).
// Loaded after the first render: the search box must not wait for IndexedDB.
void import('./ui/state/imports.svelte.ts').then(
  ({ imports }) => imports.load(),
  () => deck.settleImports(), // offline with a stale cache: card pages must not wait forever
);
pwa.start();
// Grades a fast reload (or a full disk) left uncommitted are written now, whatever the page.
void import('./ui/state/drill.svelte.ts').then(({ drill }) => drill.replayPending());

function afterNextPaint(task: () => void) {
  let done = false;
  const once = () => {
    if (!done) task();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 100);
}
// Sync (and PouchDB) load only for people who turned it on in Settings.
if (local.get('deckhand.sync.on') === '1') void import('./ui/state/sync.svelte.ts').then(({ sync }) => sync.resume());
