/**
 * The pieces together, as the review screen uses them: queue → grade → save, a "reload"
 * (a new connection) mid-session, undo — and the due counts stay right throughout.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { afterGrade, afterUndo, buildQueue, createScheduler, DEFAULT_SETTINGS, nextItem, remaining, studyCalendar } from '../../../src/lib/srs/index.ts';
import { openRepository } from '../../../src/lib/store/index.ts';
import { manyCards } from '../srs/fixtures.ts';
import { freshIndexedDB, uuid } from './helpers.ts';

const calendar = studyCalendar(4, 0);
const settings = { ...DEFAULT_SETTINGS, newPerDay: 4 };
const scheduler = createScheduler(settings);
const cards = manyCards(10);
const t0 = Date.parse('2025-03-10T09:00:00Z');

async function queueFrom(repo: Awaited<ReturnType<typeof openRepository>>, now: Date) {
  const since = calendar.startOf(calendar.dayOf(now.getTime()));
  return buildQueue({ cards, schedules: await repo.getSchedules(), log: await repo.getLog({ since }), settings, now, calendar });
}

beforeEach(freshIndexedDB);

describe('a study session with storage', () => {
  it('survives a reload mid-session with the right counts, and undo puts a card back', async () => {
    let repo = await openRepository({ name: 'session' });
    let now = new Date(t0);
    let q = await queueFrom(repo, now);
    expect(remaining(q)).toEqual({ new: 4, learning: 0, review: 0 });

    // Grade two new cards: one Good (10-minute step), one Easy (days away).
    for (const rating of [3, 4] as const) {
      const item = nextItem(q, now)!;
      const result = scheduler.grade({ cardId: item.card.id, schedule: item.schedule, rating, now, newId: uuid });
      await repo.saveReview(result);
      q = afterGrade(q, result.schedule);
      now = new Date(now.getTime() + 30_000);
    }
    expect(remaining(q)).toEqual({ new: 2, learning: 1, review: 0 });

    // Reload: a fresh connection and a queue rebuilt from storage agree with the session.
    repo.close();
    repo = await openRepository({ name: 'session' });
    const rebuilt = await queueFrom(repo, now);
    expect(remaining(rebuilt)).toEqual(remaining(q));
    expect(rebuilt.doneToday).toEqual({ newCards: 2, reviews: 0 });
    q = rebuilt;

    // Grade one more, then undo it: storage and queue are back where they were.
    const item = nextItem(q, now)!;
    expect(item.state).toBe('new');
    const result = scheduler.grade({ cardId: item.card.id, schedule: item.schedule, rating: 1, now, newId: uuid });
    await repo.saveReview(result);
    q = afterGrade(q, result.schedule);
    expect(await repo.undoReview(result.log.id)).toBeNull();
    q = afterUndo(q, item);
    expect(nextItem(q, now)).toEqual(item);
    expect(remaining(q)).toEqual(remaining(await queueFrom(repo, now)));
    expect(await repo.getLog()).toHaveLength(2);

    // Next study day: the daily new-card allowance is back.
    const tomorrow = new Date(t0 + 86_400_000);
    expect(remaining(await queueFrom(repo, tomorrow)).new).toBe(4);
    repo.close();
  });
});
