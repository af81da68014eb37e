import { describe, expect, it } from 'vitest';
import { cardHistory, computeStats, studyCalendar, type ReviewLogEntry, type Schedule } from '../../../src/lib/srs/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const calendar = studyCalendar(4, 0); // UTC, day starts 04:00
const now = new Date('2025-03-12T10:00:00.000Z'); // a Wednesday
let k = 0;

function entry(at: string | number, over: Partial<ReviewLogEntry> = {}): ReviewLogEntry {
  const reviewedAt = typeof at === 'number' ? at : Date.parse(at);
  return { id: `e${++k}`, cardId: 'a', reviewedAt, rating: 3, state: 'review', elapsedDays: 1, due: reviewedAt + DAY, before: null, ...over };
}

function schedule(cardId: string, due: number, state: Schedule['state'] = 'review'): Schedule {
  return { cardId, state, due, stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, lastReview: due - 3 * DAY };
}

describe('computeStats', () => {
  it("counts today's reviews by study day (1 a.m. belongs to yesterday)", () => {
    const log = [
      entry('2025-03-12T05:00:00Z', { state: 'new', cardId: 'n1' }),
      entry('2025-03-12T06:00:00Z', { state: 'learning', cardId: 'n1', rating: 1 }),
      entry('2025-03-12T09:00:00Z'),
      entry('2025-03-12T02:00:00Z'), // before 04:00: yesterday
    ];
    const s = computeStats({ log, schedules: [], now, calendar });
    expect(s.today).toEqual({ day: '2025-03-12', graded: 3, ratings: [1, 0, 2, 0], newCards: 1, learning: 1, reviews: 1, activeMs: 0 });
  });

  it('counts a streak of study days, alive until today ends', () => {
    const days = ['2025-03-05', '2025-03-06', '2025-03-08', '2025-03-09', '2025-03-10', '2025-03-11'];
    const log = days.map((d) => entry(`${d}T12:00:00Z`));
    expect(computeStats({ log, schedules: [], now, calendar }).streak).toEqual({ current: 4, longest: 4, studiedToday: false });
    const withToday = [...log, entry('2025-03-12T08:00:00Z')];
    expect(computeStats({ log: withToday, schedules: [], now, calendar }).streak).toEqual({ current: 5, longest: 5, studiedToday: true });
    const broken = log.filter((e) => !new Date(e.reviewedAt).toISOString().startsWith('2025-03-11'));
    expect(computeStats({ log: broken, schedules: [], now, calendar }).streak.current).toBe(0);
  });

  it('measures true retention over review-state cards only, Hard counting as remembered', () => {
    const log = [
      entry('2025-03-01T12:00:00Z', { rating: 1 }),
      entry('2025-03-02T12:00:00Z', { rating: 2 }),
      entry('2025-03-10T12:00:00Z', { rating: 3 }),
      entry('2025-03-11T12:00:00Z', { rating: 4 }),
      entry('2025-03-11T13:00:00Z', { rating: 1, state: 'learning' }), // not a memory test
      entry('2025-03-11T14:00:00Z', { rating: 1, state: 'new' }),
    ];
    expect(computeStats({ log, schedules: [], now, calendar }).retention).toEqual({ passed: 3, total: 4, rate: 0.75 });
    expect(computeStats({ log, schedules: [], now, calendar, retentionDays: 7 }).retention).toEqual({ passed: 2, total: 2, rate: 1 });
    expect(computeStats({ log: [], schedules: [], now, calendar }).retention.rate).toBeNull();
  });

  it('forecasts due cards per day, overdue ones today, retired ones only if passed in', () => {
    const t = now.getTime();
    const schedules = [schedule('late', t - 5 * DAY), schedule('now', t), schedule('tomorrow', t + DAY), schedule('far', t + 40 * DAY), schedule('step', t + HOUR, 'learning')];
    const s = computeStats({ log: [], schedules, now, calendar });
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast[0]).toEqual({ day: '2025-03-12', due: 3 });
    expect(s.forecast[1]).toEqual({ day: '2025-03-13', due: 1 });
    expect(s.forecast.reduce((a, d) => a + d.due, 0)).toBe(4);
    expect(s.totals).toMatchObject({ cards: 5, review: 4, learning: 1 });
  });

  it('lays the heatmap out in whole weeks ending with this week', () => {
    const log = [entry('2025-03-12T08:00:00Z'), entry('2025-03-12T09:00:00Z'), entry('2025-03-10T12:00:00Z'), entry('2024-01-01T12:00:00Z')];
    const s = computeStats({ log, schedules: [], now, calendar, heatmapWeeks: 2, weekStartsOn: 1 });
    expect(s.heatmap.firstDay).toBe('2025-03-03'); // Monday of last week
    expect(s.heatmap.firstWeekday).toBe(1);
    expect(s.heatmap.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 2]); // through Wednesday
    expect(s.heatmap.max).toBe(2);
    expect(computeStats({ log, schedules: [], now, calendar, heatmapWeeks: 1, weekStartsOn: 0 }).heatmap.firstDay).toBe('2025-03-09');
  });

  it("gives one card's history in time order with each interval", () => {
    const log = [entry(5 * DAY, { cardId: 'b' }), entry(2 * DAY, { due: 3 * DAY }), entry(1 * DAY, { cardId: 'a', due: 1 * DAY + HOUR })];
    expect(cardHistory(log, 'a').map((e) => [e.reviewedAt, e.intervalMs])).toEqual([
      [DAY, HOUR],
      [2 * DAY, DAY],
    ]);
  });
});
