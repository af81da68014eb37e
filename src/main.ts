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
// Grades a fast reload (or a full disk) left uncommitted are written now, whatever the page.
void import('./ui/state/drill.svelte.ts').then(({ drill }) => drill.replayPending());
