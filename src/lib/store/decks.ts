/**
 * Decks imported from the user's own notes. Deleting a deck never deletes progress: its
 * cards' schedules become retired and come back if the deck is imported again.
 */
import { guard } from './errors.ts';
import type { DeckhandDB } from './schema.ts';
import type { UserDeck } from '../srs/types.ts';

export function getDecks(db: DeckhandDB): Promise<UserDeck[]> {
  return guard(() => db.getAll('decks'));
}

export function getDeck(db: DeckhandDB, id: string): Promise<UserDeck | undefined> {
  return guard(() => db.get('decks', id));
}

/** Adds or replaces a deck (same id = re-import). */
export function saveDeck(db: DeckhandDB, deck: UserDeck): Promise<void> {
  return guard(async () => {
    await db.put('decks', deck);
  });
}

export function deleteDeck(db: DeckhandDB, id: string): Promise<void> {
  return guard(() => db.delete('decks', id));
}
