/** countLog must agree with getLog for every kind of query, in both repository implementations. */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepository, openRepository, type Repository } from '../../../src/lib/store/index.ts';
import { freshIndexedDB, twoReviews } from './helpers.ts';

const implementations: [string, () => Promise<Repository>][] = [
  ['indexeddb', () => openRepository({ name: 'count-test' })],
  ['memory', async () => memoryRepository()],
];

describe.each(implementations)('%s countLog', (_kind, open) => {
  let repo: Repository;
  beforeEach(async () => {
    freshIndexedDB();
    repo = await open();
  });

  it('counts what getLog returns, by card, by time range, and all', async () => {
    const a = twoReviews('card-a', Date.parse('2025-03-01T08:00:00Z'));
    const b = twoReviews('card-b', Date.parse('2025-03-01T09:00:00Z'));
    for (const r of [a.first, b.first, a.second, b.second]) await repo.saveReview(r);
    const queries = [
      {},
      { cardId: 'card-a' },
      { cardId: 'card-b', since: Date.parse('2025-03-02T00:00:00Z') },
      { since: Date.parse('2025-03-01T08:30:00Z') },
      { until: Date.parse('2025-03-01T09:00:00Z') }, // exclusive: b's first grade is not counted
      { since: Date.parse('2025-03-01T08:00:00Z'), until: Date.parse('2025-03-02T08:00:00Z') },
      { cardId: 'nothing' },
    ];
    const counts = [];
    for (const q of queries) {
      const n = await repo.countLog(q);
      expect(n).toBe((await repo.getLog(q)).length);
      counts.push(n);
    }
    expect(counts).toEqual([4, 2, 1, 3, 1, 2, 0]);
  });
});
