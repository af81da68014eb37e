/**
 * The writes importing needs, over the store's Repository (IndexedDB or the in-memory fallback):
 * saving several decks as one import (all or none), and deleting a deck together with its
 * review history when the user asks for that.
 */
import type { Repository } from '../../lib/store/index.ts';
import type { UserDeck } from '../../lib/srs/types.ts';

/**
 * Saves every deck (same id = replaced): all of them or none. One deck is one put, a single
 * transaction. Several are put one by one; if one fails, the ones already written are put back
 * as they were (or removed) before the error is rethrown, so a failed import leaves no trace.
 */
export async function saveDecks(repo: Repository, decks: readonly UserDeck[]): Promise<void> {
  if (decks.length === 1) return repo.saveDeck(decks[0]!);
  const before = await Promise.all(decks.map((deck) => repo.getDeck(deck.id)));
  let written = 0;
  try {
    for (const deck of decks) {
      await repo.saveDeck(deck);
      written++;
    }
  } catch (error) {
    for (let i = written - 1; i >= 0; i--) {
      const old = before[i];
      await (old ? repo.saveDeck(old) : repo.deleteDeck(decks[i]!.id)).catch(() => {});
    }
    throw error;
  }
}

/** Preference key listing the ids a deck's cards had before a re-import changed them (their history stays). */
export const retiredKey = (deckId: string) => `imports.retired.${deckId}`;

/** Remembers ids that left a deck, so deleting the deck "with its history" can find theirs too. */
export async function rememberRetired(repo: Repository, deckId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const known = (await repo.getPreference<string[]>(retiredKey(deckId))) ?? [];
  await repo.setPreference(retiredKey(deckId), [...new Set([...known, ...ids])]);
}

/** Every card id whose history belongs to the deck: its cards now, and the ones it had before. */
export async function deckHistoryIds(repo: Repository, deck: UserDeck): Promise<string[]> {
  const retired = (await repo.getPreference<string[]>(retiredKey(deck.id))) ?? [];
  return [...new Set([...deck.cards.map((c) => c.id), ...retired])];
}

/**
 * Deletes a deck and the schedules and review-log entries of its cards in one step: the store's
 * backup import replaces everything in one transaction and keeps a snapshot of what it replaced.
 */
export async function deleteDeckWithHistory(repo: Repository, id: string, cardIds: readonly string[], now: Date): Promise<void> {
  const gone = new Set(cardIds);
  const backup = await repo.exportBackup(now);
  const settings = { ...backup.settings };
  delete settings[retiredKey(id)];
  const next = {
    ...backup,
    settings,
    schedules: backup.schedules.filter((s) => !gone.has(s.cardId)),
    log: backup.log.filter((e) => !gone.has(e.cardId)),
    decks: (backup.decks ?? []).filter((d) => d.id !== id),
  };
  const result = await repo.importBackup(next, now);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
}

/** How many of these cards have been reviewed at least once (asked before deleting). */
export async function countReviewed(repo: Repository, cardIds: readonly string[]): Promise<number> {
  const ids = new Set(cardIds);
  return (await repo.getSchedules()).filter((s) => ids.has(s.cardId)).length;
}
