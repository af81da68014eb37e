import cardsUrl from 'virtual:deck';
import type { Card } from '../../lib/notes/card.ts';
import { i18n } from './i18n.svelte.ts';

export interface Topic {
  tag: string;
  count: number;
}

/**
 * The cards the app knows: the bundled deck (built ahead of time, fetched once, precached)
 * plus the user's imported decks. Browse and drills read from here; search posts them to the
 * search worker (src/ui/state/search.svelte.ts), which indexes them off the main thread.
 */
class DeckState {
  #status = $state<'loading' | 'ready' | 'error'>('loading');
  #error = $state('');
  #bundled = $state.raw<Card[]>([]);
  #imported = $state.raw<Card[]>([]);
  #importedNames = $state.raw<ReadonlyMap<string, string>>(new Map());
  #importsSettled = $state(false);
  /** The bundled deck as downloaded: the search worker gets these bytes, not the parsed cards. */
  #bundledJson: ArrayBuffer | null = null;

  readonly cards: Card[] = $derived([...this.#bundled, ...this.#imported]);
  readonly byId: Map<string, Card> = $derived(new Map(this.cards.map((card) => [card.id, card])));
  readonly topics: Topic[] = $derived(countTopics(this.cards));
  /** Topics deck by deck, the bundled deck first: where each topic comes from. */
  readonly topicsByDeck: { deck: string; topics: Topic[] }[] = $derived(topicsByDeck(this.cards));
  readonly decks: string[] = $derived([...new Set(this.cards.map((card) => card.deck))]);

  get status() {
    return this.#status;
  }

  get error() {
    return this.#error;
  }

  /** The bundled deck's JSON bytes, once loaded; `cards` starts with the same cards. */
  get bundledJson(): ArrayBuffer | null {
    return this.#bundledJson;
  }

  /** The imported cards alone (`cards` is the bundled deck, then these). */
  get imported(): Card[] {
    return this.#imported;
  }

  async load(): Promise<void> {
    this.#status = 'loading';
    try {
      const response = await fetch(cardsUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      // Parsed in a task of its own: the download's last chunk can land in a busy one.
      await new Promise((resolve) => setTimeout(resolve));
      this.#bundled = parseCards(JSON.parse(new TextDecoder().decode(bytes)));
      this.#bundledJson = bytes;
      this.#status = 'ready'; // (data-ready on <html> waits for the search worker: search.svelte.ts)
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
      this.#status = 'error';
    }
  }

  /** Names of the user's imported decks by deck id (empty until some are saved). */
  get importedNames(): ReadonlyMap<string, string> {
    return this.#importedNames;
  }

  /** A deck's name for the screen: the user's name for an imported deck, else the bundled deck's. */
  nameOf(id: string): string {
    return this.#importedNames.get(id) ?? i18n.t('deckBundled');
  }

  /**
   * The user's decks have been read from IndexedDB (or could not be). Until then an unknown card
   * id may still be one of theirs: say "loading", not "not found".
   */
  get importsSettled(): boolean {
    return this.#importsSettled;
  }

  settleImports() {
    this.#importsSettled = true;
  }

  /** Imported decks come from IndexedDB; they are searched and browsed with the bundled deck. */
  setImported(cards: Card[], names: ReadonlyMap<string, string>) {
    // No decks, as before: `cards` stays the same list (the search worker is not sent it again).
    if (cards.length > 0 || this.#imported.length > 0) this.#imported = cards;
    this.#importedNames = names;
  }
}

function parseCards(data: unknown): Card[] {
  if (!Array.isArray(data)) throw new Error('card data is not a list');
  for (const card of data as Partial<Card>[]) {
    if (typeof card?.id !== 'string' || typeof card.key !== 'string' || typeof card.text !== 'object') {
      throw new Error('card data is damaged');
    }
  }
  return data as Card[];
}

function topicsByDeck(cards: readonly Card[]): { deck: string; topics: Topic[] }[] {
  const byDeck = new Map<string, Card[]>();
  for (const card of cards) {
    const list = byDeck.get(card.deck);
    if (list) list.push(card);
    else byDeck.set(card.deck, [card]);
  }
  return [...byDeck].map(([deck, own]) => ({ deck, topics: countTopics(own) })).filter((d) => d.topics.length > 0);
}

function countTopics(cards: readonly Card[]): Topic[] {
  const counts = new Map<string, number>();
  for (const card of cards) {
    const tag = card.tags[0];
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count }));
}

export const deck = new DeckState();
