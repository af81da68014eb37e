import { hydrate, mount } from 'svelte';
import App from './ui/App.svelte';
import { deck } from './ui/state/deck.svelte.ts';
import { pwa } from './ui/state/pwa.svelte.ts';
import './ui/state/theme.svelte.ts'; // the saved light/dark choice, applied before any page loads
import './ui/app.css';

// Tells builds apart (shown in Settings; the update test checks it changes).
document.documentElement.dataset.build = __BUILD_ID__;

// The build prerenders the first screen into #app (scripts/vite-plugin-prerender.ts): take it over.
const target = document.getElementById('app')!;
if (target.firstChild) hydrate(App, { target });
else mount(App, { target });
void deck.load();
// The user's imported decks join the bundled one (and are re-indexed after an app update).
// Loaded after the first render: the search box must not wait for IndexedDB.
void import('./ui/state/imports.svelte.ts').then(
  ({ imports }) => imports.load(),
  () => deck.settleImports(), // offline with a stale cache: card pages must not wait forever
);
pwa.start();
// Grades a fast reload (or a full disk) left uncommitted are written now, whatever the page.
void import('./ui/state/drill.svelte.ts').then(({ drill }) => drill.replayPending());
