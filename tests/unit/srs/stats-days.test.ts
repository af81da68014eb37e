/**
 * The stats screen reads a long history as per-day totals plus the recent log. Whatever the
 * split point, that must give exactly what computeStats gives over the whole log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeStats,
  computeStatsFromDays,
  mergeDayTotals,
  studyCalendar,
  totalsByDay,
  type ReviewLogEntry,
  type Schedule,
} from '../../../src/lib/srs/index.ts';

const DAY = 86_400_000;
const now = new Date('2025-06-15T10:00:00Z');
const calendar = studyCalendar(4, 480); // UTC+8, day starts 04:00

const entry = fc.record({
  ago: fc.integer({ min: 0, max: 400 * DAY }),
  card: fc.integer({ min: 0, max: 30 }),
  rating: fc.constantFrom(1, 2, 3, 4),
  state: fc.constantFrom('new', 'learning', 'review', 'relearning'),
});

function logOf(raw: { ago: number; card: number; rating: number; state: string }[]): ReviewLogEntry[] {
  return raw
    .map((r, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      cardId: `card-${r.card}`,
      reviewedAt: now.getTime() - r.ago,
      rating: r.rating as ReviewLogEntry['rating'],
      state: r.state as ReviewLogEntry['state'],
      elapsedDays: 0,
      due: now.getTime() - r.ago + DAY,
      before: null,
    }))
    .sort((a, b) => a.reviewedAt - b.reviewedAt);
}

const schedules: Schedule[] = [0, 1, 2].map((i) => ({
  cardId: `card-${i}`,
  state: 'review',
  due: now.getTime() + i * 3 * DAY,
  stability: 10,
  difficulty: 5,
  scheduledDays: 5,
  learningSteps: 0,
  reps: 4,
  lapses: 0,
  lastReview: now.getTime() - DAY,
}));

describe('stats from day totals', () => {
  it('equal computeStats over the whole log, wherever the history is cut before today', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), fc.integer({ min: 0, max: 420 }), fc.constantFrom(undefined, 7, 30), (raw, cutDaysAgo, retentionDays) => {
        const log = logOf(raw);
        const todayStart = calendar.startOf(calendar.dayOf(now.getTime()));
        const cut = todayStart - cutDaysAgo * DAY; // never after the start of today
        const old = log.filter((e) => e.reviewedAt < cut);
        const recent = log.filter((e) => e.reviewedAt >= cut);
        const common = { schedules, now, calendar, ...(retentionDays === undefined ? {} : { retentionDays }) };
        expect(computeStatsFromDays({ ...common, days: totalsByDay(old, calendar), log: recent })).toEqual(computeStats({ ...common, log }));
      }),
      { numRuns: 200 },
    );
  });

  it('adds totals made in parts (a cache topped up with the days since)', () => {
    const log = logOf([
      { ago: 3 * DAY, card: 1, rating: 3, state: 'review' },
      { ago: 3 * DAY + 1000, card: 2, rating: 1, state: 'review' },
      { ago: 2 * DAY, card: 1, rating: 2, state: 'new' },
    ]);
    const split = log[1]!.reviewedAt + 1;
    const parts = mergeDayTotals(totalsByDay(log.filter((e) => e.reviewedAt < split), calendar), totalsByDay(log.filter((e) => e.reviewedAt >= split), calendar));
    expect(parts).toEqual(totalsByDay(log, calendar));
    expect(parts.map((t) => [t.reviews, t.reviewTotal, t.reviewPassed])).toEqual([[2, 2, 1], [1, 0, 0]]);
  });
});
