// Build-time only (scripts/vite-plugin-prerender.ts): the app as first painted, as HTML.
import { render } from 'svelte/server';
import App from './App.svelte';

export function renderApp(): string {
  return render(App).body;
}
