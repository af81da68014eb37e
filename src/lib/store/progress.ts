/** Resetting progress: a card's schedule is deleted (it is new again); its review log stays as history. */
import { guard } from './errors.ts';
import type { DeckhandDB } from './schema.ts';

/** Deletes these cards' schedules in one transaction. */
export function resetSchedules(db: DeckhandDB, cardIds: readonly string[]): Promise<void> {
  return guard(async () => {
    const tx = db.transaction('schedules', 'readwrite');
    await Promise.all([...cardIds.map((id) => tx.store.delete(id)), tx.done]);
  });
}
