/**
 * A backup taken from the "storage full" banner must hold the grades that could not be
 * written yet — and still be a file that validates and restores.
 */
import { describe, expect, it } from 'vitest';
import { createScheduler, validateBackup } from '../../../src/lib/srs/index.ts';
import { memoryRepository } from '../../../src/lib/store/index.ts';
import { backupFileName, buildBackup } from '../../../src/ui/drill/backup-file.ts';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const t0 = Date.parse('2025-03-01T08:00:00Z');

describe('backup file with unsaved grades', () => {
  it('adds unsaved grades to what is stored: their log entries, and the newest schedule per card', async () => {
    const s = createScheduler();
    const repo = memoryRepository();
    const stored = s.grade({ cardId: 'a', schedule: null, rating: 3, now: new Date(t0), newId: uuid });
    await repo.saveReview(stored);
    // Not written (storage full): a second grade of "a" and a first of "b".
    const again = s.grade({ cardId: 'a', schedule: stored.schedule, rating: 3, now: new Date(t0 + 600_000), newId: uuid });
    const other = s.grade({ cardId: 'b', schedule: null, rating: 1, now: new Date(t0 + 700_000), newId: uuid });

    const file = await buildBackup(repo, [again, other], new Date(t0 + 800_000));
    const checked = validateBackup(JSON.parse(JSON.stringify(file)));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.log.map((e) => e.id)).toEqual([stored.log.id, again.log.id, other.log.id]);
    expect(checked.data.schedules.sort((x, y) => x.cardId.localeCompare(y.cardId))).toEqual([again.schedule, other.schedule]);

    // Restoring it elsewhere gives the progress as if every grade had been written.
    const elsewhere = memoryRepository();
    expect((await elsewhere.importBackup(file, new Date(t0 + 900_000))).ok).toBe(true);
    expect(await elsewhere.getSchedule('a')).toEqual(again.schedule);
    expect(await elsewhere.getLog()).toHaveLength(3);
  });

  it('is the stored backup unchanged when nothing is pending, named by local date and time', async () => {
    const repo = memoryRepository();
    const at = new Date(2025, 2, 4, 9, 5);
    expect(await buildBackup(repo, [], at)).toEqual(await repo.exportBackup(at));
    expect(backupFileName(at)).toBe('deckhand-backup-2025-03-04-0905.json');
  });
});
