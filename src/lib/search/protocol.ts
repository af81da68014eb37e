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
 * Decks this big or bigger are best searched in the worker. Typing never needs it: a keystroke
 * stays around a millisecond even at 30,000 cards (p95 ≈ 3 ms). Building does: in a fresh
 * page (cold JIT) build + warm() took ~100 ms for the bundled 435 cards, ~200–250 ms for
 * 1,000 and ~500 ms for 3,000 on this machine. Below the threshold, build on the main thread
 * after first paint (idle callback) and call `warm()` there too.
 */
export const WORKER_THRESHOLD = 1000;
