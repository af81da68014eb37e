// The card browser's "Reset progress": the card is new again, its review log stays as history.
import { beforeEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../../src/lib/srs/index.ts';
import { memoryRepository, openRepository, type Repository } from '../../../src/lib/store/index.ts';
import { freshIndexedDB, uuid } from './helpers.ts';

beforeEach(freshIndexedDB);

async function check(repo: Repository) {
  const scheduler = createScheduler();
  const now = new Date('2025-03-10T09:00:00Z');
  for (const cardId of ['a', 'b']) await repo.saveReview(scheduler.grade({ cardId, schedule: null, rating: 3, now, newId: uuid }));
  await repo.resetSchedules(['a']);
  expect((await repo.getSchedules()).map((s) => s.cardId)).toEqual(['b']);
  expect((await repo.getLog()).map((e) => e.cardId).sort()).toEqual(['a', 'b']);
}

describe('resetSchedules', () => {
  it('makes the cards new again and keeps their history, in IndexedDB', async () => {
    const repo = await openRepository();
    await check(repo);
    repo.close();
  });

  it('does the same in the in-memory fallback', async () => {
    await check(memoryRepository());
  });
});
