/**
 * Progress: schedules and the append-only review log. Each grade is one short transaction;
 * the schedule is computed by the caller (srs/scheduler) before it opens, so nothing but
 * IndexedDB requests runs inside it.
 */
import { guard, UndoError } from './errors.ts';
import type { DeckhandDB } from './schema.ts';
import type { ReviewLogEntry, Schedule } from '../srs/types.ts';

export interface LogQuery {
  cardId?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
}

/**
 * Writes the log entry and — when it is the card's newest grade — its schedule, together:
 * both or neither. Two tabs can grade the same card at the same instant from the same old
 * schedule; the schedule is re-read inside the transaction, so whichever commits last never
 * leaves a schedule older than the newest log entry (newest: later `reviewedAt`, then the
 * greater id — the byTime index's own order).
 */
export function saveReview(db: DeckhandDB, review: { schedule: Schedule; log: ReviewLogEntry }): Promise<void> {
  return guard(async () => {
    if (review.schedule.cardId !== review.log.cardId) throw new Error('schedule and log entry are for different cards');
    const tx = db.transaction(['schedules', 'reviewLog'], 'readwrite');
    const schedules = tx.objectStore('schedules');
    const log = tx.objectStore('reviewLog');
    const added = log.add(review.log);
    added.catch(() => {}); // awaited below; its error is the one to report
    tx.done.catch(() => {}); // likewise: an abort must not surface as an unhandled rejection
    try {
      const stored = await schedules.get(review.log.cardId);
      if (await isNewest(review.log, stored, () => log.index('byCard').getAll(review.log.cardId))) await schedules.put(review.schedule);
      await added;
      await tx.done;
    } catch (error) {
      const first = await added.then(() => error, (addError: unknown) => addError);
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await tx.done.catch(() => {});
      throw first;
    }
  });
}

/** Is `entry` the newest grade of its card, given the stored schedule (and, on a tie, its history)? */
export async function isNewest(entry: ReviewLogEntry, stored: Schedule | undefined, history: () => Promise<ReviewLogEntry[]>): Promise<boolean> {
  const last = stored?.lastReview ?? null;
  if (last === null || last < entry.reviewedAt) return true;
  if (last > entry.reviewedAt) return false;
  return (await history()).every((e) => e.reviewedAt !== entry.reviewedAt || e.id <= entry.id);
}

/**
 * Undoes a grade: restores the schedule the card had before it (or removes it, for a card
 * that was new) and deletes the log entry — in one transaction. Only a card's latest grade
 * can be undone. Resolves to the restored schedule (null = the card is new again).
 */
export function undoReview(db: DeckhandDB, logId: string): Promise<Schedule | null> {
  return guard(async () => {
    const tx = db.transaction(['schedules', 'reviewLog'], 'readwrite');
    const log = tx.objectStore('reviewLog');
    const entry = await log.get(logId);
    if (!entry) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new UndoError('not-found', logId);
    }
    const history = await log.index('byCard').getAll(entry.cardId);
    if (history.some((e) => e.reviewedAt > entry.reviewedAt)) {
      tx.abort();
      await tx.done.catch(() => {});
      throw new UndoError('not-latest', logId);
    }
    const previous = entry.before ? { cardId: entry.cardId, ...entry.before } : null;
    const schedules = tx.objectStore('schedules');
    await inTx(tx, [() => (previous ? schedules.put(previous) : schedules.delete(entry.cardId)), () => log.delete(logId)]);
    return previous;
  });
}

export function getSchedules(db: DeckhandDB): Promise<Schedule[]> {
  return guard(() => db.getAll('schedules'));
}

export function getSchedule(db: DeckhandDB, cardId: string): Promise<Schedule | undefined> {
  return guard(() => db.get('schedules', cardId));
}

/** Log entries, oldest first: one card's, a time range's (by the byTime index), or all. */
export function getLog(db: DeckhandDB, query: LogQuery = {}): Promise<ReviewLogEntry[]> {
  return guard(async () => {
    const { cardId, since, until } = query;
    let entries: ReviewLogEntry[];
    if (cardId !== undefined) {
      entries = (await db.getAllFromIndex('reviewLog', 'byCard', cardId)).filter(
        (e) => (since === undefined || e.reviewedAt >= since) && (until === undefined || e.reviewedAt < until),
      );
      return entries.sort((a, b) => a.reviewedAt - b.reviewedAt);
    }
    const range =
      since !== undefined && until !== undefined
        ? IDBKeyRange.bound(since, until, false, true)
        : since !== undefined
          ? IDBKeyRange.lowerBound(since)
          : until !== undefined
            ? IDBKeyRange.upperBound(until, true)
            : undefined;
    return db.getAllFromIndex('reviewLog', 'byTime', range);
  });
}

/**
 * How many log entries match, without reading them (a count on an index): cheap enough to
 * check a cache of the log against before trusting it.
 */
export function countLog(db: DeckhandDB, query: LogQuery = {}): Promise<number> {
  return guard(async () => {
    const { cardId, since, until } = query;
    if (cardId !== undefined) {
      if (since === undefined && until === undefined) return db.countFromIndex('reviewLog', 'byCard', cardId);
      return (await getLog(db, query)).length;
    }
    return db.countFromIndex('reviewLog', 'byTime', timeRange(since, until));
  });
}

function timeRange(since: number | undefined, until: number | undefined): IDBKeyRange | undefined {
  if (since !== undefined && until !== undefined) return IDBKeyRange.bound(since, until, false, true);
  if (since !== undefined) return IDBKeyRange.lowerBound(since);
  if (until !== undefined) return IDBKeyRange.upperBound(until, true);
  return undefined;
}

/**
 * Runs the requests of a transaction and waits for it to commit. A request that throws
 * synchronously (e.g. a quota error on put) aborts the transaction, so the requests made
 * before it are rolled back instead of committing alone.
 *
 * Pass the requests as a list of thunks (preferred: requests made before a throw are
 * tracked, so their AbortError is not left unhandled) or as one function making them all.
 */
export async function inTx(
  tx: { abort(): void; done: Promise<void> },
  ops: readonly (() => Promise<unknown>)[] | (() => Promise<unknown>[]),
): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    if (typeof ops === 'function') pending.push(...ops());
    else for (const op of ops) pending.push(op());
  } catch (e) {
    for (const p of pending) p.catch(() => {}); // they fail with AbortError; `e` is the news
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    await tx.done.catch(() => {});
    throw e;
  }
  await Promise.all([...pending, tx.done]);
}
