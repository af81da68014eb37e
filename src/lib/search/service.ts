import { type SearchIndex, buildSearchIndex } from './index.ts';
import type { SearchRequest, SearchResponse } from './protocol.ts';

/**
 * The search worker's logic as a plain function, so it is tested without a worker: one
 * index, rebuilt (and warmed) on `load`, answering each query with its id. The clock comes in
 * as an argument.
 */
export function createSearchService(now: () => number): (request: SearchRequest) => SearchResponse {
  let index: SearchIndex = buildSearchIndex([]);
  return (msg) => {
    try {
      switch (msg.type) {
        case 'load': {
          const t0 = now();
          index = buildSearchIndex(msg.cards);
          index.warm(); // finish now, so no keystroke pays for indexing the bodies
          return { type: 'loaded', size: index.size, buildMs: now() - t0 };
        }
        case 'search':
          return { type: 'hits', id: msg.id, hits: index.search(msg.query, msg.opts) };
        case 'suggest':
          return { type: 'suggestions', id: msg.id, suggestions: index.suggest(msg.query, msg.limit) };
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return msg.type === 'load' ? { type: 'error', message } : { type: 'error', id: msg.id, message };
    }
  };
}
