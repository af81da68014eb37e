/**
 * A note on its way in, before it is saved as a deck: the draft the preview shows, what saving
 * it would do to a saved deck with the same id, and small helpers of the import flow.
 */
import type { Card, CardKind } from '../../lib/notes/card.ts';
import type { UserDeck } from '../../lib/srs/types.ts';
import type { ImportFailure, IndexedNote, IndexPhase } from './protocol.ts';

export type DraftStatus = 'reading' | 'indexing' | 'ready' | 'failed';

/** One note on its way in: shown as a preview until the user saves or discards it. */
export interface Draft {
  key: number;
  /** The file name, or "pasted.md" for pasted text. */
  file: string;
  /** The deck name the user sees and may edit: front-matter title or file name. */
  name: string;
  status: DraftStatus;
  phase?: IndexPhase;
  progress: number;
  error?: ImportFailure;
  note?: IndexedNote;
  /** The id the deck will be saved under (cards' ids derive from it). */
  deckId?: string;
  /** The deck id the note's cards were indexed under (they are re-indexed when it changes). */
  indexedAs?: string;
  /** Save as a separate deck instead of replacing the saved deck with the same id. */
  keepBoth: boolean;
  /** Set when saving replaces a saved deck: how its cards' progress fares. */
  replaces?: { id: string; name: string; kept: number; added: number; retired: number };
}

export type KindCounts = Record<CardKind, number>;

export function countKinds(cards: readonly Card[]): KindCounts {
  const counts: KindCounts = { command: 0, flag: 0, compare: 0, concept: 0 };
  for (const card of cards) counts[card.kind]++;
  return counts;
}

/** What saving `cards` as deck `id` does to the saved deck it replaces, if any: how progress fares. */
export function replacementOf(saved: readonly UserDeck[], id: string, cards: readonly Card[]): Draft['replaces'] {
  const deck = saved.find((d) => d.id === id);
  if (!deck) return undefined;
  const before = new Set(deck.cards.map((c) => c.id));
  const after = new Set(cards.map((c) => c.id));
  const kept = [...after].filter((cardId) => before.has(cardId)).length;
  return { id, name: deck.name, kept, added: after.size - kept, retired: [...before].filter((cardId) => !after.has(cardId)).length };
}

/** Ids that were in a deck and are not any more. */
export function retiredIds(before: readonly Card[], after: readonly Card[]): string[] {
  const now = new Set(after.map((c) => c.id));
  return before.map((c) => c.id).filter((id) => !now.has(id));
}

/** An unexpected failure while reading a file, as the preview shows it. */
export function crash(error: unknown): ImportFailure {
  return { code: 'crash', message: error instanceof Error ? error.message : String(error) };
}
