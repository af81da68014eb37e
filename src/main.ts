import { mount } from 'svelte';
import App from './ui/App.svelte';
import { deck } from './ui/state/deck.svelte.ts';
import { pwa } from './ui/state/pwa.svelte.ts';
import './ui/app.css';

// Tells builds apart (shown in Settings; the update test checks it changes).
document.documentElement.dataset.build = __BUILD_ID__;

mount(App, { target: document.getElementById('app')! });
void deck.load();
// The user's imported decks join the bundled one (and are re-indexed after an app update).
// Loaded after the first render: the search box must not wait for IndexedDB.
void import('./ui/state/imports.svelte.ts').then(
  ({ imports }) => imports.load(),
  () => deck.settleImports(), // offline with a stale cache: card pages must not wait forever
);
pwa.start();
// Sync (and PouchDB) load only for people who turned it on in Settings.
if (localStorage.getItem('deckhand.sync.on') === '1') void import('./ui/state/sync.svelte.ts').then(({ sync }) => sync.resume());
