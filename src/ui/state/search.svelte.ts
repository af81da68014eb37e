import type { Card } from '../../lib/notes/card.ts';
import { createSearchClient, type SearchClient } from '../../lib/search/client.ts';
import type { SearchHit } from '../../lib/search/index.ts';
import { untrack } from 'svelte';
import { deck } from './deck.svelte.ts';
import { local } from './web-storage.ts';

const RECENT_KEY = 'deckhand.recent';
const RECENT_MAX = 8;
export const RESULT_LIMIT = 50;
const SUGGESTIONS = 5;

/**
 * The query on the home screen and its results; recent searches stay on this device.
 * Small decks are searched inline (a keystroke costs well under a millisecond); once the deck
 * is big enough to drop a frame while indexing, the same search code runs in a worker.
 */
class SearchState {
  query = $state('');
  /** Only this deck's cards ('' = every deck). Offered once the user has imported decks. */
  deck = $state('');
  /** The worker's last answer, and the cards it searched. */
  #remote = $state.raw<RemoteAnswer>({ hits: [], suggestions: [], cards: null });
  #recent = $state<string[]>(readRecent());
  #worker: { client: SearchClient; cards: Card[] | null; loading: Promise<unknown> } | null = null;

  readonly #filter = $derived(deck.decks.includes(this.deck) ? this.deck : undefined);

  readonly hits: SearchHit[] = $derived.by(() => {
    if (!this.query.trim()) return [];
    if (deck.index) return deck.index.search(this.query, { limit: RESULT_LIMIT, deck: this.#filter });
    // the worker's answer (while it works on a new keystroke, the one before stays up)…
    if (this.#remote.cards === deck.cards) return this.#remote.hits;
    // …or, while it takes in a new set of cards, what the bundled deck alone has
    return deck.bundledIndex?.search(this.query, { limit: RESULT_LIMIT, deck: this.#filter }) ?? [];
  });

  /**
   * Not every card has been asked yet: the user's decks are still being read from IndexedDB, or
   * the worker is taking in a new set of cards. No result is not yet "no match". (Between
   * keystrokes the previous answer stands, as with inline search, so nothing flickers.)
   */
  readonly pending: boolean = $derived(!!this.query.trim() && (!deck.importsSettled || (!deck.index && this.#remote.cards !== deck.cards)));

  /** Why searching the user's notes failed, when it did. */
  readonly failed: string | undefined = $derived(!deck.index && this.#remote.cards === deck.cards ? this.#remote.failed : undefined);

  readonly suggestions: string[] = $derived.by(() => {
    if (!this.query.trim() || this.hits.length > 0 || this.pending) return [];
    return deck.index ? deck.index.suggest(this.query, SUGGESTIONS) : this.#remote.suggestions;
  });

  /**
   * What the query was read as, when a misspelling was corrected ("dokcer rnu" → "docker run"):
   * said above the results. Worker-searched decks do not say (the worker does not tell).
   */
  readonly corrected: string | undefined = $derived(
    this.hits.length > 0 && deck.index ? deck.index.correct(this.query) : undefined,
  );

  /** No match: the cards behind the closest keys, and the topics they are in (every topic when nothing is close). */
  readonly closest: { cards: Card[]; topics: { tag: string; deck: string }[] } = $derived.by(() => {
    const cards: Card[] = [];
    for (const label of this.suggestions) {
      const card = deck.cards.find((c) => c.key === label || Object.values(c.text).some((t) => t.title === label));
      if (card && !cards.includes(card)) cards.push(card);
    }
    const topics = new Map<string, { tag: string; deck: string }>();
    for (const card of cards) {
      const tag = card.tags[0];
      if (tag && !topics.has(`${card.deck}\n${tag}`)) topics.set(`${card.deck}\n${tag}`, { tag, deck: card.deck });
    }
    if (topics.size === 0 && this.query.trim() && this.hits.length === 0 && !this.pending) {
      for (const group of deck.topicsByDeck) for (const { tag } of group.topics) topics.set(`${group.deck}\n${tag}`, { tag, deck: group.deck });
    }
    return { cards, topics: [...topics.values()] };
  });

  constructor() {
    $effect.root(() => {
      // Inline index: built, then its lazy parts (typo vocabulary, bodies), each when the phone is
      // idle — not in the frames right after the first paint. A search before that builds it.
      $effect(() => {
        if (deck.status !== 'ready' || deck.cards.length === 0) return; // again when the cards change
        let cancel = whenIdle(() => {
          const index = untrack(() => deck.index);
          if (index) cancel = whenIdle(() => index.warm());
        });
        return () => cancel();
      });
      // Worker: send the cards once (again when they change), then every query.
      $effect(() => {
        // (not before the cards and the search engine are in: then there is nothing to ask)
        if (deck.status !== 'ready' || deck.index) return;
        void this.#askWorker(deck.cards, this.query.trim(), this.#filter);
      });
    });
  }

  get recent(): readonly string[] {
    return this.#recent;
  }

  /** Called when a search led somewhere (a card opened, Enter pressed). */
  remember(query: string) {
    const q = query.trim();
    if (!q) return;
    this.#recent = [q, ...this.#recent.filter((item) => item !== q)].slice(0, RECENT_MAX);
    local.set(RECENT_KEY, JSON.stringify(this.#recent));
  }

  clearRecent() {
    this.#recent = [];
    local.remove(RECENT_KEY);
  }

  async #askWorker(cards: Card[], query: string, filter: string | undefined) {
    try {
      this.#worker ??= {
        client: createSearchClient(new Worker(new URL('../../workers/search.worker.ts', import.meta.url), { type: 'module' })),
        cards: null,
        loading: Promise.resolve(),
      };
      const worker = this.#worker;
      if (worker.cards !== cards) {
        worker.cards = cards;
        worker.loading = worker.client.load(cards);
      }
      await worker.loading;
      if (!query) return;
      const hits = await worker.client.search(query, { limit: RESULT_LIMIT, deck: filter });
      if (hits === null) return; // a newer query is on its way
      const suggestions = hits.length === 0 ? await worker.client.suggest(query, SUGGESTIONS) : [];
      this.#remote = { hits, suggestions, cards };
    } catch (error) {
      // the worker could not start or build its index: say so, rather than "searching…" for ever
      const message = error instanceof Error ? error.message : String(error);
      this.#remote = { hits: [], suggestions: [], cards, failed: message };
    }
  }
}

interface RemoteAnswer {
  hits: SearchHit[];
  suggestions: string[];
  cards: Card[] | null;
  /** Why the worker could not answer. */
  failed?: string;
}

/** Runs a task when the browser is idle (soon after, where there is no requestIdleCallback); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}

function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(local.get(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export const search = new SearchState();
