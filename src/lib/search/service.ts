import type { Card } from '../notes/card.ts';
import { type SearchIndex, buildSearchIndex } from './index.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

/**
 * The search worker's logic as a plain function, so it is tested without a worker: one
 * index, rebuilt on `load` and warmed on `warm`, answering each query with its id. The clock and the
 * UTF-8 decoder (for a deck sent as JSON bytes) come in as arguments.
 */
export function createSearchService(now: () => number, decode: (bytes: ArrayBuffer) => string): (request: SearchRequest) => SearchResponse {
  let index: SearchIndex = buildSearchIndex([]);
  return (msg) => {
    try {
      switch (msg.type) {
        case 'load': {
          const t0 = now();
          const cards = msg.bundled ? [...parseDeckJson(decode(msg.bundled)), ...msg.cards] : msg.cards;
          index = buildSearchIndex(cards);
          return { type: 'loaded', size: index.size, buildMs: now() - t0 };
        }
        case 'warm': {
          const t0 = now();
          index.warm(); // so no later keystroke pays for indexing the bodies
          return { type: 'warmed', ms: now() - t0 };
        }
        case 'search':
          return { type: 'hits', id: msg.id, hits: index.search(msg.query, msg.opts) };
        case 'suggest':
          return { type: 'suggestions', id: msg.id, suggestions: index.suggest(msg.query, msg.limit) };
        case 'correct':
          return { type: 'corrected', id: msg.id, corrected: index.correct(msg.query) };
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return msg.type === 'load' || msg.type === 'warm' ? { type: 'error', message } : { type: 'error', id: msg.id, message };
    }
  };
}

/** The bundled deck's JSON (the app checked its cards' shape when it read the same bytes). */
function parseDeckJson(json: string): Card[] {
  const cards: unknown = JSON.parse(json);
  if (!Array.isArray(cards)) throw new Error('card data is not a list');
  return cards as Card[];
}
