import type { Card } from './card.ts';

/** Something the indexer skipped, and why — the message says what and why, `line` is 1-based. */
export interface IndexWarning {
  file: string;
  line: number;
  message: string;
}

export interface NoteMeta {
  deck: string;
  title?: string;
  lang?: string;
}

export interface IndexResult {
  cards: Card[];
  warnings: IndexWarning[];
  meta: NoteMeta;
}
