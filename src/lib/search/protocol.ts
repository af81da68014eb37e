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
 * Decks this big or bigger are best searched in the worker. A keystroke costs well under a
 * millisecond up to 10,000 cards; what grows is the one-off build + warm(), which passes a
 * 50 ms long task at about 2,000 cards on this machine (435 cards: ~9 ms). Below the
 * threshold, build on the main thread and call `warm()` when idle.
 */
export const WORKER_THRESHOLD = 2000;
