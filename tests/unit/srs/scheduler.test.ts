import { describe, expect, it } from 'vitest';
import { createScheduler, scheduleBefore, type Schedule } from '../../../src/lib/srs/index.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = new Date('2025-03-10T08:00:00.000Z');
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

/** Grades a card Good every time it comes due, returning every schedule along the way. */
function goodEveryTime(times: number, settings = {}) {
  const s = createScheduler(settings);
  let schedule: Schedule | null = null;
  let now = t0;
  const seen: Schedule[] = [];
  for (let i = 0; i < times; i++) {
    schedule = s.grade({ cardId: 'a', schedule, rating: 3, now, newId }).schedule;
    seen.push(schedule);
    now = new Date(schedule.due);
  }
  return seen;
}

describe('scheduler', () => {
  it('previews a new card with the configured learning steps: Again = first step, Good = next step', () => {
    const p = createScheduler({ learningSteps: ['1m', '10m'] }).preview(null, t0);
    expect(p.map((x) => x.rating)).toEqual([1, 2, 3, 4]);
    expect(p[0].intervalMs).toBe(1 * MIN);
    expect(p[2].intervalMs).toBe(10 * MIN);
    expect(p[3].intervalMs).toBeGreaterThanOrEqual(DAY); // Easy graduates at once
    expect(p[0].label).toBe('1m');
    expect(p[2].label).toBe('10m');

    const slow = createScheduler({ learningSteps: ['5m', '30m'] }).preview(null, t0);
    expect(slow[0].intervalMs).toBe(5 * MIN);
    expect(slow[2].intervalMs).toBe(30 * MIN);
  });

  it('previews intervals that never shrink from Again to Easy', () => {
    const [, , , review] = goodEveryTime(4);
    const p = createScheduler().preview(review!, new Date(review!.due));
    for (let i = 1; i < 4; i++) expect(p[i]!.intervalMs).toBeGreaterThanOrEqual(p[i - 1]!.intervalMs);
  });

  it('grades exactly as previewed for the same moment', () => {
    const s = createScheduler();
    const [, second] = goodEveryTime(2);
    const at = new Date(second!.due + 2 * DAY);
    const p = s.preview(second!, at);
    for (const rating of [1, 2, 3, 4] as const) {
      expect(s.grade({ cardId: 'a', schedule: second!, rating, now: at, newId }).schedule.due).toBe(p[rating - 1]!.due);
    }
  });

  it('writes a log entry for the first review of a new card', () => {
    const { schedule, log } = createScheduler().grade({ cardId: 'docker-save', schedule: null, rating: 3, now: t0, newId: () => 'the-id', durationMs: 4200.4, prompt: 'typed-command' });
    expect(schedule).toMatchObject({ cardId: 'docker-save', state: 'learning', reps: 1, lapses: 0, lastReview: t0.getTime() });
    expect(log).toEqual({
      id: 'the-id',
      cardId: 'docker-save',
      reviewedAt: t0.getTime(),
      rating: 3,
      state: 'new',
      elapsedDays: 0,
      due: schedule.due,
      before: null,
      durationMs: 4200,
      prompt: 'typed-command',
    });
    expect('durationMs' in createScheduler().grade({ cardId: 'x', schedule: null, rating: 3, now: t0, newId }).log).toBe(false);
  });

  it('graduates to review and lengthens intervals while the card is remembered', () => {
    const seen = goodEveryTime(6);
    const reviews = seen.filter((s) => s.state === 'review');
    expect(reviews.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < reviews.length; i++) expect(reviews[i]!.scheduledDays).toBeGreaterThan(reviews[i - 1]!.scheduledDays);
  });

  it('counts a lapse and relearns when a review card is forgotten', () => {
    const review = goodEveryTime(4).at(-1)!;
    expect(review.state).toBe('review');
    const { schedule, log } = createScheduler().grade({ cardId: 'a', schedule: review, rating: 1, now: new Date(review.due), newId });
    expect(schedule.state).toBe('relearning');
    expect(schedule.lapses).toBe(review.lapses + 1);
    expect(schedule.due - review.due).toBe(10 * MIN); // default relearning step
    expect(log.state).toBe('review');
    const { cardId: _id, ...fields } = review;
    expect(log.before).toEqual(fields);
  });

  it('asks for a card sooner when the desired retention is higher', () => {
    const review = goodEveryTime(4).at(-1)!;
    const at = new Date(review.due);
    const relaxed = createScheduler({ desiredRetention: 0.8, fuzz: false }).preview(review, at)[2].intervalMs;
    const strict = createScheduler({ desiredRetention: 0.95, fuzz: false }).preview(review, at)[2].intervalMs;
    expect(strict).toBeLessThan(relaxed);
  });

  it('is deterministic with fuzz on (the same review gives the same interval)', () => {
    const review = goodEveryTime(5).at(-1)!;
    const at = new Date(review.due + DAY);
    const a = createScheduler().grade({ cardId: 'a', schedule: review, rating: 3, now: at, newId }).schedule;
    const b = createScheduler().grade({ cardId: 'a', schedule: review, rating: 3, now: at, newId }).schedule;
    expect(a).toEqual(b);
  });

  it('undo restores the exact previous schedule, or "new" for a first review', () => {
    const s = createScheduler();
    const first = s.grade({ cardId: 'a', schedule: null, rating: 3, now: t0, newId });
    expect(scheduleBefore(first.log)).toBeNull();
    const review = goodEveryTime(4).at(-1)!;
    const later = s.grade({ cardId: 'a', schedule: review, rating: 1, now: new Date(review.due + 3 * DAY), newId });
    expect(scheduleBefore(later.log)).toEqual(review);
  });

  it('never schedules into the past when the clock went backwards', () => {
    const review = goodEveryTime(3).at(-1)!;
    const before = new Date(review.lastReview! - 2 * DAY);
    const { schedule, log } = createScheduler().grade({ cardId: 'a', schedule: review, rating: 3, now: before, newId });
    expect(log.reviewedAt).toBe(review.lastReview);
    expect(schedule.due).toBeGreaterThan(review.lastReview!);
  });

  it('reports retrievability falling with time, none for new cards', () => {
    const s = createScheduler();
    const review = goodEveryTime(4).at(-1)!;
    const soon = s.retrievability(review, new Date(review.due))!;
    const late = s.retrievability(review, new Date(review.due + 60 * DAY))!;
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
    expect(s.retrievability(null, t0)).toBeNull();
  });

  it('rejects ratings outside 1-4', () => {
    expect(() => createScheduler().grade({ cardId: 'a', schedule: null, rating: 5 as 1, now: t0, newId })).toThrow(RangeError);
  });
});
