import type { Card } from '../notes/card.ts';
import { type MatchField } from './fields.ts';
import { Engine } from './engine.ts';

export type { MatchField } from './fields.ts';
export { matchedText } from './matched-text.ts';

export interface SearchOptions {
  /** Most hits to return; default 20. */
  limit?: number;
  /** Only cards of this deck. */
  deck?: string;
}

export interface FieldMatch {
  field: MatchField;
  /** For title and body: which language's text. */
  lang?: string;
  /**
   * For array fields (tags, items) and for a command card's further examples: which element.
   * A 'command' match without an index is `card.command`; with one, `card.examples[index]`.
   */
  index?: number;
  /** Sorted, non-overlapping ranges into that field's string (see `matchedText`). */
  ranges: Array<[start: number, endExclusive: number]>;
}

export interface SearchHit {
  card: Card;
  score: number;
  matches: FieldMatch[];
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, opts?: SearchOptions): SearchHit[];
  /** For the no-result state: a few close keys/titles to offer ("did you mean"). */
  suggest(query: string, limit?: number): string[];
  /**
   * The query as the search read it when it corrected a misspelt word or flag: "dokcer rnu" →
   * "docker run" (folded, filler words left out). Undefined when nothing was corrected.
   */
  correct(query: string): string | undefined;
  /**
   * Finishes indexing now. Keys, flags, titles, commands and tags are indexed at build; card
   * bodies, the typo vocabulary and per-card ranking data on the first search (or when a card
   * first ranks) — or here. Call it where a pause does no harm (the search worker does, right
   * after loading); never needed for correctness.
   */
  warm(): void;
}

/**
 * Indexes cards for search: flag-exact and case-sensitive, bilingual (CJK by character
 * n-grams), typo- and prefix-tolerant, ranked by fuse.js over a bounded candidate set.
 * Pure: runs the same in the app, a worker, the CLI and tests.
 */
export function buildSearchIndex(cards: readonly Card[]): SearchIndex {
  return new Engine(cards);
}
