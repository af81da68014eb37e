/** Rebuilding a schedule from a merged log gives what grading that history from scratch gives. */
import { describe, expect, it } from 'vitest';
import { createScheduler, type Grade, type ReviewLogEntry, type Schedule } from '../../../src/lib/srs/index.ts';
import { replaySchedule } from '../../../src/lib/sync/replay.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

/** Grades one card through the app's scheduler, in order: what a single device would store. */
function gradeInOrder(cardId: string, grades: Array<{ at: number; rating: Grade; id: string }>): { schedule: Schedule | null; log: ReviewLogEntry[] } {
  const scheduler = createScheduler();
  let schedule: Schedule | null = null;
  const log: ReviewLogEntry[] = [];
  for (const g of [...grades].sort((a, b) => a.at - b.at)) {
    const r = scheduler.grade({ cardId, schedule, rating: g.rating, now: new Date(g.at), newId: () => g.id });
    schedule = r.schedule;
    log.push(r.log);
  }
  return { schedule, log };
}

describe('replaying a review log', () => {
  it('gives exactly the schedule grading the same history one by one gave', () => {
    const grades = [
      { at: T0, rating: 3 as Grade, id: 'a1' },
      { at: T0 + 10 * 60_000, rating: 3 as Grade, id: 'a2' },
      { at: T0 + 3 * DAY, rating: 1 as Grade, id: 'a3' },
      { at: T0 + 3 * DAY + 15 * 60_000, rating: 3 as Grade, id: 'a4' },
      { at: T0 + 9 * DAY, rating: 4 as Grade, id: 'a5' },
    ];
    const { schedule, log } = gradeInOrder('card-1', grades);
    expect(replaySchedule('card-1', log, {})).toEqual(schedule);
  });

  it('rebuilds a schedule two devices changed apart to the schedule of the merged history', () => {
    // Phone and laptop grade the same card while apart; each has its own schedule.
    const phone = [
      { at: T0, rating: 3 as Grade, id: 'p1' },
      { at: T0 + 4 * DAY, rating: 1 as Grade, id: 'p2' }, // a lapse only the phone saw
    ];
    const laptop = [{ at: T0 + 2 * DAY, rating: 4 as Grade, id: 'l1' }];
    const onPhone = gradeInOrder('c', phone);
    const onLaptop = gradeInOrder('c', laptop);
    expect(onPhone.schedule).not.toEqual(onLaptop.schedule);

    const merged = [...onPhone.log, ...onLaptop.log];
    const fromScratch = gradeInOrder('c', [...phone, ...laptop]).schedule;
    const rebuiltOnPhone = replaySchedule('c', merged, {});
    const rebuiltOnLaptop = replaySchedule('c', [...onLaptop.log, ...onPhone.log].reverse(), {});
    expect(rebuiltOnPhone).toEqual(fromScratch);
    expect(rebuiltOnLaptop).toEqual(fromScratch);
    expect(rebuiltOnPhone!.lapses).toBe(1); // the lapse is not lost to the newer write
    expect(rebuiltOnPhone!.reps).toBe(3);
  });

  it('makes a card new again when its log is empty', () => {
    expect(replaySchedule('c', [], {})).toBeNull();
  });
});
