// Regression (issue 17): after Again then Good on a new card, Good and Easy both read "1d" —
// two buttons that look the same. Every reachable card shows four different, increasing labels.
import { describe, expect, it } from 'vitest';
import { createScheduler, formatInterval, type Grade, type Schedule } from '../../../../src/lib/srs/index.ts';

const t0 = new Date('2025-03-10T08:00:00.000Z');
const newId = () => 'id';

/** Every card reached by grading a new card along every path of `depth` grades, each graded when due. */
function cardsAlongPaths(depth: number): { schedule: Schedule | null; now: Date }[] {
  const s = createScheduler();
  const out: { schedule: Schedule | null; now: Date }[] = [{ schedule: null, now: t0 }];
  let frontier = out.slice();
  for (let d = 0; d < depth; d++) {
    const next: typeof out = [];
    for (const { schedule, now } of frontier) {
      for (const rating of [1, 2, 3, 4] as Grade[]) {
        const graded = s.grade({ cardId: 'a', schedule, rating, now, newId }).schedule;
        next.push({ schedule: graded, now: new Date(Math.max(graded.due, now.getTime())) });
      }
    }
    out.push(...next);
    frontier = next;
  }
  return out;
}

describe('the four grade buttons', () => {
  const scheduler = createScheduler();

  it('show four different, increasing intervals for every card state reached in four grades', () => {
    for (const { schedule, now } of cardsAlongPaths(4)) {
      const p = scheduler.preview(schedule, now);
      for (let i = 1; i < 4; i++) expect(p[i]!.intervalMs).toBeGreaterThan(p[i - 1]!.intervalMs);
      for (const lang of ['en', 'zh']) expect(new Set(p.map((x) => formatInterval(x.intervalMs, lang))).size).toBe(4);
    }
  });

  it('tell the truth: a grade schedules exactly what its button showed', () => {
    for (const { schedule, now } of cardsAlongPaths(3)) {
      const p = scheduler.preview(schedule, now);
      for (const rating of [1, 2, 3, 4] as Grade[]) {
        expect(scheduler.grade({ cardId: 'a', schedule, rating, now, newId }).schedule.due).toBe(p[rating - 1]!.due);
      }
    }
  });

  it('keep Good at one day and move Easy to two when FSRS gives both one day (Again, then Good)', () => {
    const again = scheduler.grade({ cardId: 'a', schedule: null, rating: 1, now: t0, newId }).schedule;
    const good = scheduler.grade({ cardId: 'a', schedule: again, rating: 3, now: new Date(again.due), newId }).schedule;
    const p = scheduler.preview(good, new Date(good.due));
    expect(p.map((x) => x.label)).toEqual(['1m', '6m', '1d', '2d']);
  });
});
