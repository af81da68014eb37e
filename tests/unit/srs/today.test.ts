import { describe, expect, it } from 'vitest';
import { rememberedShare, studyCalendar, summarizeDay, type ReviewLogEntry } from '../../../src/lib/srs/index.ts';

const calendar = studyCalendar(4, 0);
const now = new Date('2025-03-12T10:00:00.000Z');
let k = 0;
const entry = (at: string, over: Partial<ReviewLogEntry>): ReviewLogEntry => {
  const reviewedAt = Date.parse(at);
  return { id: `e${++k}`, cardId: 'a', reviewedAt, rating: 3, state: 'review', elapsedDays: 0, due: reviewedAt + 60_000, before: null, ...over };
};

describe("a study day's summary from the log", () => {
  it('puts every grade in one group: first looks, learning steps, reviews — and they add up', () => {
    const log = [
      entry('2025-03-12T05:00:00Z', { cardId: 'n1', state: 'new', rating: 1, durationMs: 4000 }),
      entry('2025-03-12T05:01:00Z', { cardId: 'n1', state: 'learning', rating: 3, durationMs: 600_000 }),
      entry('2025-03-12T05:02:00Z', { cardId: 'n2', state: 'new', rating: 2 }),
      entry('2025-03-12T06:00:00Z', { cardId: 'r1', state: 'review', rating: 4 }),
      entry('2025-03-12T06:10:00Z', { cardId: 'r2', state: 'relearning', rating: 1 }),
      entry('2025-03-12T03:59:00Z', { cardId: 'old', state: 'review' }), // yesterday's study day
    ];
    const s = summarizeDay(log, now, calendar);
    expect(s).toEqual({ graded: 5, ratings: [2, 1, 1, 1], newCards: 2, learning: 2, reviews: 1, activeMs: 124_000 });
    expect(s.newCards + s.learning + s.reviews).toBe(s.graded);
    expect(rememberedShare(s)).toBeCloseTo(3 / 5);
  });

  it('is empty before the first grade', () => {
    expect(summarizeDay([], now, calendar)).toMatchObject({ graded: 0, newCards: 0 });
    expect(rememberedShare(summarizeDay([], now, calendar))).toBeNull();
  });
});
