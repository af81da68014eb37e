import type { Card } from '../notes/card.ts';
import type { SearchHit, SearchOptions } from './index.ts';

/**
 * Messages between the app and the search worker, which holds the one search index of every
 * deck: building and warming it takes the main thread hundreds of milliseconds on a phone, the
 * first seconds' worst long task. The worker receives the cards once (and again whenever they
 * change), then answers queries tagged with an id; the app keeps only the answer to its latest
 * id, so a slow reply never overwrites a newer one.
 */
export type SearchRequest =
  /**
   * `bundled`: the bundled deck's JSON as downloaded — posting bytes is a copy, posting
   * hundreds of card objects a walk over each — its cards come before `cards`.
   */
  | { type: 'load'; cards: Card[]; bundled?: ArrayBuffer }
  | { type: 'search'; id: number; query: string; opts?: SearchOptions }
  | { type: 'suggest'; id: number; query: string; limit?: number }
  | { type: 'correct'; id: number; query: string }
  /** Finishes indexing (bodies, typo vocabulary): sent after a load and the first query. */
  | { type: 'warm' };

export type SearchResponse =
  /** The index answers queries (the first ones may index more as they go, until `warm`). */
  | { type: 'loaded'; size: number; buildMs: number }
  | { type: 'warmed'; ms: number }
  | { type: 'hits'; id: number; hits: SearchHit[] }
  | { type: 'suggestions'; id: number; suggestions: string[] }
  | { type: 'corrected'; id: number; corrected?: string }
  | { type: 'error'; id?: number; message: string };
