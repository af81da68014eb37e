import type { SearchHit } from '../../lib/search/index.ts';
import { deck } from './deck.svelte.ts';

const RECENT_KEY = 'deckhand.recent';
const RECENT_MAX = 8;
export const RESULT_LIMIT = 50;

/** The query on the home screen and its results; recent searches stay on this device. */
class SearchState {
  query = $state('');
  /** Only this deck's cards ('' = every deck). Offered once the user has imported decks. */
  deck = $state('');
  readonly hits: SearchHit[] = $derived(
    this.query.trim()
      ? deck.index.search(this.query, { limit: RESULT_LIMIT, deck: deck.decks.includes(this.deck) ? this.deck : undefined })
      : [],
  );
  readonly suggestions: string[] = $derived(
    this.query.trim() && this.hits.length === 0 ? deck.index.suggest(this.query, 5) : [],
  );
  #recent = $state<string[]>(readRecent());

  get recent(): readonly string[] {
    return this.#recent;
  }

  /** Called when a search led somewhere (a card opened, Enter pressed). */
  remember(query: string) {
    const q = query.trim();
    if (!q) return;
    this.#recent = [q, ...this.#recent.filter((item) => item !== q)].slice(0, RECENT_MAX);
    localStorage.setItem(RECENT_KEY, JSON.stringify(this.#recent));
  }

  clearRecent() {
    this.#recent = [];
    localStorage.removeItem(RECENT_KEY);
  }
}

function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export const search = new SearchState();
