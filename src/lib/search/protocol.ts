import type { Card } from '../notes/card.ts';
import type { SearchHit, SearchOptions } from './index.ts';

/**
 * Messages between the app and the search worker. The worker receives the cards once (and
 * again whenever they change), then answers queries tagged with an id; the app keeps only the
 * answer to its latest id, so a slow reply never overwrites a newer one.
 */
export type SearchRequest =
  | { type: 'load'; cards: Card[] }
  | { type: 'search'; id: number; query: string; opts?: SearchOptions }
  | { type: 'suggest'; id: number; query: string; limit?: number };

export type SearchResponse =
  /** The index answers queries; `buildMs` includes warming (bodies, typo vocabulary). */
  | { type: 'loaded'; size: number; buildMs: number }
  | { type: 'hits'; id: number; hits: SearchHit[] }
  | { type: 'suggestions'; id: number; suggestions: string[] }
  | { type: 'error'; id?: number; message: string };

/**
 * Decks this big or bigger are searched in the worker: below it a search on the main thread
 * costs well under a frame. Measured with `npm run bench:search` (see its report).
 */
export const WORKER_THRESHOLD = 3000;
