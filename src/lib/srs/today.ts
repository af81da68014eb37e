/**
 * What was done in one study day, from the review log alone — so the drill's summary, its
 * counters and the stats screen tell the same story, and a reload changes nothing.
 *
 * Every grade falls in exactly one of three groups, by the card's state before the grade:
 *   newCards  first look at a card (state 'new'; counted once per card)
 *   learning  a learning or relearning step (minutes apart, the same day)
 *   reviews   a card that came back due after days (state 'review')
 * so graded = new grades + learning + reviews.
 */
import type { StudyCalendar } from './calendar.ts';
import type { ReviewLogEntry } from './types.ts';

export interface DaySummary {
  /** Every grade given that day. */
  graded: number;
  /** Grades per button, Again..Easy. */
  ratings: [number, number, number, number];
  /** Cards seen for the first time. */
  newCards: number;
  /** Grades of cards in (re)learning steps. */
  learning: number;
  /** Grades of review cards that came due. */
  reviews: number;
  /** Time spent answering, each answer counted up to two minutes (a break does not count). */
  activeMs: number;
}

export const ANSWER_TIME_CAP_MS = 120_000;

/** The summary of the study day `now` falls in (entries of other days are skipped). */
export function summarizeDay(log: readonly ReviewLogEntry[], now: Date, calendar: StudyCalendar): DaySummary {
  const day = calendar.dayOf(now.getTime());
  const start = calendar.startOf(day);
  const end = calendar.startOf(day + 1);
  const out: DaySummary = { graded: 0, ratings: [0, 0, 0, 0], newCards: 0, learning: 0, reviews: 0, activeMs: 0 };
  const firstLook = new Set<string>();
  for (const e of log) {
    if (e.reviewedAt < start || e.reviewedAt >= end) continue;
    out.graded++;
    out.ratings[e.rating - 1] = (out.ratings[e.rating - 1] ?? 0) + 1;
    if (e.state === 'new') firstLook.add(e.cardId);
    else if (e.state === 'review') out.reviews++;
    else out.learning++;
    out.activeMs += Math.min(Math.max(0, e.durationMs ?? 0), ANSWER_TIME_CAP_MS);
  }
  out.newCards = firstLook.size;
  return out;
}

/** Share of grades that were not Again (0..1), null before any. */
export function rememberedShare(s: Pick<DaySummary, 'graded' | 'ratings'>): number | null {
  return s.graded ? (s.graded - s.ratings[0]) / s.graded : null;
}
