/**
 * Regression (issue 19): two tabs grade the same card at the same instant, both from the
 * schedule they had on screen. Whatever order the writes commit in, the stored schedule is
 * the one the newest log entry produced — never the older grade's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, type GradeResult, type Schedule } from '../../../src/lib/srs/index.ts';
import { memoryRepository, openRepository, type Repository } from '../../../src/lib/store/index.ts';
import { freshIndexedDB, uuid } from './helpers.ts';

const implementations: [string, () => Promise<Repository>][] = [
  ['indexeddb', () => openRepository({ name: 'race' })],
  ['memory', async () => memoryRepository()],
];

const t0 = Date.parse('2025-03-01T08:00:00Z');
const s = createScheduler();

/** Two grades of one card made from the same earlier schedule, `gapMs` apart (0 = same instant). */
function twoTabs(base: Schedule, gapMs: number): { older: GradeResult; newer: GradeResult } {
  const at = t0 + 3 * 86_400_000;
  const a = s.grade({ cardId: base.cardId, schedule: base, rating: 1, now: new Date(at), newId: uuid });
  const b = s.grade({ cardId: base.cardId, schedule: base, rating: 4, now: new Date(at + gapMs), newId: uuid });
  if (gapMs > 0) return { older: a, newer: b };
  // Same instant: the log's own order (byTime, then id) says which is newest.
  return a.log.id < b.log.id ? { older: a, newer: b } : { older: b, newer: a };
}

describe.each(implementations)('%s: the same card graded in two tabs at once', (_kind, open) => {
  let repo: Repository;
  let base: Schedule;
  beforeEach(async () => {
    freshIndexedDB();
    repo = await open();
    const first = s.grade({ cardId: 'docker-ps', schedule: null, rating: 3, now: new Date(t0), newId: uuid });
    await repo.saveReview(first);
    base = first.schedule;
  });

  for (const gap of [0, 1]) {
    it(`keeps the newest grade's schedule when the older write lands last (${gap} ms apart)`, async () => {
      const { older, newer } = twoTabs(base, gap);
      await repo.saveReview(newer);
      await repo.saveReview(older);
      expect(await repo.getSchedule('docker-ps')).toEqual(newer.schedule);
      const log = await repo.getLog({ cardId: 'docker-ps' });
      expect(log.map((e) => e.id)).toEqual(expect.arrayContaining([older.log.id, newer.log.id]));
    });

    it(`keeps the newest grade's schedule when the writes land in order (${gap} ms apart)`, async () => {
      const { older, newer } = twoTabs(base, gap);
      await repo.saveReview(older);
      await repo.saveReview(newer);
      expect(await repo.getSchedule('docker-ps')).toEqual(newer.schedule);
    });
  }

  it('writes both grades when they race in one tick', async () => {
    const { older, newer } = twoTabs(base, 0);
    await Promise.all([repo.saveReview(newer), repo.saveReview(older)]);
    expect(await repo.getSchedule('docker-ps')).toEqual(newer.schedule);
    expect(await repo.getLog({ cardId: 'docker-ps' })).toHaveLength(3);
  });
});
