import type { Card } from '../../lib/notes/card.ts';
import { createSearchClient, type SearchClient } from '../../lib/search/client.ts';
import type { SearchHit } from '../../lib/search/index.ts';
import { deck } from './deck.svelte.ts';
import { local } from './web-storage.ts';

const RECENT_KEY = 'deckhand.recent';
const RECENT_MAX = 8;
export const RESULT_LIMIT = 50;
const SUGGESTIONS = 5;

/**
 * The query on the home screen and its results; recent searches stay on this device.
 * Every deck is searched in a worker (src/workers/search.worker.ts): building and warming the
 * index is the first seconds' heaviest work, and a keystroke's answer comes back within a frame.
 */
class SearchState {
  query = $state('');
  /** Only this deck's cards ('' = every deck). Offered once the user has imported decks. */
  deck = $state('');
  /** The worker's last answer: the query, the filter and the cards it searched. */
  #remote = $state.raw<RemoteAnswer>({ query: '', filter: undefined, hits: [], suggestions: [], cards: null });
  #recent = $state<string[]>(readRecent());
  /** `cold`: its index is not warmed yet (it is, once the first query after a load is answered). */
  #worker: { client: SearchClient; cards: Card[] | null; loading: Promise<unknown>; cold: boolean } | null = null;
  /** Counts the questions put to the worker: only the latest one's answer is shown. */
  #asked = 0;

  readonly #filter = $derived(deck.decks.includes(this.deck) ? this.deck : undefined);

  /** The worker's answer (while it works on a new keystroke or a new set of cards, the one before stays up). */
  readonly hits: SearchHit[] = $derived(this.query.trim() ? this.#remote.hits : []);

  /**
   * Not every card has been asked yet: the bundled deck is still downloading, the user's decks
   * are still being read from IndexedDB, or the worker is taking in a new set of cards. No
   * result is not yet "no match". (Between keystrokes the previous answer stands, so nothing
   * flickers.)
   */
  readonly pending: boolean = $derived(!!this.query.trim() && (!deck.importsSettled || this.#remote.cards !== deck.cards));

  /** Why searching failed, when it did. */
  readonly failed: string | undefined = $derived(this.#remote.cards === deck.cards ? this.#remote.failed : undefined);

  readonly suggestions: string[] = $derived(!this.query.trim() || this.hits.length > 0 || this.pending ? [] : this.#remote.suggestions);

  /**
   * What the query was read as, when a misspelling was corrected ("dokcer rnu" → "docker run"):
   * said above the results — only for the query now in the box.
   */
  readonly corrected: string | undefined = $derived(
    this.hits.length > 0 && this.#remote.query === this.query.trim() && this.#remote.filter === this.#filter ? this.#remote.corrected : undefined,
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
      // Send the cards to the worker once they are in (again when they change), then every query.
      // The worker starts while the cards download, to be ready when they are in.
      $effect(() => {
        if (deck.status === 'loading') {
          try {
            this.#startWorker();
          } catch {
            // could not start: asked again with the cards, and said there
          }
        }
        if (deck.status !== 'ready') return;
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

  #startWorker() {
    return (this.#worker ??= {
      client: createSearchClient(new Worker(new URL('../../workers/search.worker.ts', import.meta.url), { type: 'module' })),
      cards: null,
      loading: Promise.resolve(),
      cold: false,
    });
  }

  async #askWorker(cards: Card[], query: string, filter: string | undefined) {
    const asked = ++this.#asked;
    try {
      const worker = this.#startWorker();
      if (worker.cards !== cards) {
        worker.cards = cards;
        // the bundled deck goes as the bytes it was downloaded as; imported cards as objects
        const bundled = deck.bundledJson;
        worker.loading = bundled ? worker.client.load(deck.imported, bundled) : worker.client.load(cards);
        worker.cold = true;
        if (!document.documentElement.dataset.ready) void worker.loading.then(markReady, () => {});
      }
      // The worker answers in order: a query sent now is searched in the cards just sent.
      const searching = query ? worker.client.search(query, { limit: RESULT_LIMIT, deck: filter }) : null;
      if (!query) warm(worker);
      const [, hits] = await Promise.all([worker.loading, searching]);
      if (!hits) return; // no query, or a newer one is on its way
      const [suggestions, corrected] = await Promise.all([
        hits.length === 0 ? worker.client.suggest(query, SUGGESTIONS) : [],
        hits.length > 0 ? worker.client.correct(query) : undefined,
      ]);
      warm(worker); // after the first answer, which must not wait for it
      if (asked === this.#asked) this.#remote = { query, filter, hits, suggestions, corrected, cards };
    } catch (error) {
      // the worker could not start or build its index: say so, rather than "searching…" for ever
      const message = error instanceof Error ? error.message : String(error);
      this.#remote = { query, filter, hits: [], suggestions: [], cards, failed: message };
    }
  }
}

interface RemoteAnswer {
  query: string;
  filter: string | undefined;
  hits: SearchHit[];
  corrected?: string;
  suggestions: string[];
  cards: Card[] | null;
  /** Why the worker could not answer. */
  failed?: string;
}

/** For the load benchmark and tests: the frame in which the cards could first be searched. */
function markReady() {
  requestAnimationFrame(() => {
    document.documentElement.dataset.readyAt = performance.now().toFixed(1);
    document.documentElement.dataset.ready = 'true';
  });
}

/** Has the worker finish its index (a few hundred ms on a phone), once per load. */
function warm(worker: { client: SearchClient; cold: boolean }) {
  if (!worker.cold) return;
  worker.cold = false;
  worker.client.warm();
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
