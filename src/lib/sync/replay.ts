/**
 * A card's schedule rebuilt from its whole review log through ts-fsrs `reschedule`: what two
 * devices do when their histories of a card were merged, so both end with the same schedule
 * for the same history — never "the newest write wins", which loses lapses.
 */
import { createEmptyCard, type FSRS, type FSRSHistory, type Grade as FsrsGrade } from 'ts-fsrs';
import { fromFsrs, fsrsFor } from '../srs/scheduler.ts';
import { normalizeSettings, type SrsSettings } from '../srs/settings.ts';
import type { ReviewLogEntry, Schedule } from '../srs/types.ts';

/** Oldest first; reviews at the same millisecond in a fixed order (by id) so every device agrees. */
export function byReviewTime(a: ReviewLogEntry, b: ReviewLogEntry): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The schedule `log` leads to (null when it is empty: the card is new). `log` may be in any order. */
export function replaySchedule(cardId: string, log: readonly ReviewLogEntry[], settings: Partial<SrsSettings>): Schedule | null {
  return replayWith(fsrsFor(normalizeSettings(settings)), cardId, log);
}

function replayWith(scheduler: FSRS, cardId: string, log: readonly ReviewLogEntry[]): Schedule | null {
  if (log.length === 0) return null;
  const sorted = [...log].sort(byReviewTime);
  const history: FSRSHistory[] = sorted.map((e) => ({ rating: e.rating as FsrsGrade, review: new Date(e.reviewedAt) }));
  const first = new Date(sorted[0]!.reviewedAt);
  const last = new Date(sorted[sorted.length - 1]!.reviewedAt);
  // first_card and now are given so ts-fsrs never reads the clock: the result is a function of the log.
  const { collections } = scheduler.reschedule(createEmptyCard(first), history, {
    first_card: createEmptyCard(first),
    now: last,
    skipManual: true,
  });
  const end = collections[collections.length - 1];
  return end ? { cardId, ...fromFsrs(end.card) } : null;
}

/** Rebuilt schedules for every card in `logs` (one scheduler for all: building one per card cost more than some replays). */
export function replayAll(logs: ReadonlyMap<string, readonly ReviewLogEntry[]>, settings: Partial<SrsSettings>): Map<string, Schedule | null> {
  const scheduler = fsrsFor(normalizeSettings(settings));
  return new Map([...logs].map(([cardId, log]) => [cardId, replayWith(scheduler, cardId, log)]));
}
