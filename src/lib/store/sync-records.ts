/**
 * What sync (src/lib/sync) needs from the store beyond the Repository: the review log's keys,
 * whole-log reads by id, and applying a batch that arrived from another device — review log
 * entries added or removed, and the rebuilt schedules of the cards they touch, in one
 * transaction each so a reload in the middle never leaves a log without its schedules.
 */
import { guard } from './errors.ts';
import { inTx } from './reviews.ts';
import type { DeckhandDB } from './schema.ts';
import type { ReviewLogEntry, Schedule } from '../srs/types.ts';

/** Every review log id on this device (a key-only read: cheap even for 100,000 entries). */
export function getLogIds(db: DeckhandDB): Promise<string[]> {
  return guard(() => db.getAllKeys('reviewLog'));
}

/** How many review log entries there are (the store's own count, no index walked). */
export function countLogEntries(db: DeckhandDB): Promise<number> {
  return guard(() => db.count('reviewLog'));
}

/** The log entries with these ids that exist, in the given order. */
export function getLogEntries(db: DeckhandDB, ids: readonly string[]): Promise<ReviewLogEntry[]> {
  return guard(async () => {
    if (ids.length === 0) return [];
    const tx = db.transaction('reviewLog');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((e): e is ReviewLogEntry => e !== undefined);
  });
}

/** Every log entry of these cards, by card, oldest first. */
export function getCardLogs(db: DeckhandDB, cardIds: Iterable<string>): Promise<Map<string, ReviewLogEntry[]>> {
  return guard(async () => {
    const ids = [...new Set(cardIds)];
    const tx = db.transaction('reviewLog');
    const index = tx.store.index('byCard');
    const logs = await Promise.all(ids.map((id) => index.getAll(id)));
    await tx.done;
    return new Map(ids.map((id, i) => [id, (logs[i] ?? []).sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : 1))]));
  });
}

/** The whole log by card, oldest first (for replaying every schedule). */
export function getAllCardLogs(db: DeckhandDB): Promise<Map<string, ReviewLogEntry[]>> {
  return guard(async () => {
    const byCard = new Map<string, ReviewLogEntry[]>();
    for (const e of await db.getAllFromIndex('reviewLog', 'byTime')) {
      const list = byCard.get(e.cardId);
      if (list) list.push(e);
      else byCard.set(e.cardId, [e]);
    }
    return byCard;
  });
}

/** Review log changes from another device: entries to add (immutable: a put is idempotent) and ids to remove. */
export function applyLogChanges(db: DeckhandDB, add: readonly ReviewLogEntry[], remove: readonly string[]): Promise<void> {
  return guard(async () => {
    if (add.length === 0 && remove.length === 0) return;
    const tx = db.transaction('reviewLog', 'readwrite');
    await inTx(tx, () => [...add.map((e) => tx.store.put(e)), ...remove.map((id) => tx.store.delete(id))]);
  });
}

/** Rebuilt schedules: `null` means the card has no history left (it is new again). */
export function replaceSchedules(db: DeckhandDB, schedules: ReadonlyMap<string, Schedule | null>): Promise<void> {
  return guard(async () => {
    if (schedules.size === 0) return;
    const tx = db.transaction('schedules', 'readwrite');
    await inTx(tx, () => [...schedules].map(([cardId, s]) => (s ? tx.store.put(s) : tx.store.delete(cardId))));
  });
}
