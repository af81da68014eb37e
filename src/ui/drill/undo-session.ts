import type { Card } from '../../lib/notes/card.ts';
import { choosePromptType, type QueueItem, type ReviewLogEntry, type SrsSettings } from '../../lib/srs/index.ts';

/**
 * The drill's undo stack survives a reload in sessionStorage (this tab only): the ids of the
 * grades that can be taken back, rebuilt into entries from the stored review log.
 */
export interface UndoEntry {
  log: ReviewLogEntry;
  /** The card as it was shown, to put back at the front of the queue. */
  item: QueueItem;
}

const UNDO_KEY = 'deckhand.drill.undo';
/** How many grades can be taken back, newest last. */
export const UNDO_KEPT = 20;

export function saveUndoIds(entries: readonly UndoEntry[]): void {
  try {
    sessionStorage.setItem(UNDO_KEY, JSON.stringify(entries.map((u) => u.log.id)));
  } catch {
    // Private mode may refuse sessionStorage: the session just does not survive a reload.
  }
}

export function readUndoIds(): string[] {
  try {
    const ids = JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? '[]') as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return []; // a damaged entry only loses the undo history
  }
}

/** The entries for `ids`, from the stored log; grades or cards no longer there are left out. */
export function undoEntries(ids: readonly string[], log: readonly ReviewLogEntry[], cards: ReadonlyMap<string, Card>, settings: SrsSettings): UndoEntry[] {
  const byId = new Map(log.map((e) => [e.id, e]));
  const entries: UndoEntry[] = [];
  for (const id of ids) {
    const entry = byId.get(id);
    const card = entry && cards.get(entry.cardId);
    if (!entry || !card) continue;
    const schedule = entry.before ? { cardId: entry.cardId, ...entry.before } : null;
    entries.push({
      log: entry,
      item: {
        card,
        schedule,
        state: schedule ? schedule.state : 'new',
        due: schedule ? schedule.due : entry.reviewedAt,
        retrievability: null,
        prompt: entry.prompt ?? choosePromptType(card, schedule, settings),
      },
    });
  }
  return entries;
}
