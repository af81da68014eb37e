import type { GradeResult } from '../../lib/srs/index.ts';
import { forgetPending, readPending } from '../drill/pending-grades.ts';
import { getDb, storage } from './db.svelte.ts';

/**
 * Writing the drill's grades to IndexedDB, in the order they were made. A write that fails
 * (storage full, connection closed) keeps its grade in `unsaved` — the banner offers a backup
 * that includes it — and it is written first on the next grade or retry. Grades a fast reload
 * left uncommitted (drill/pending-grades.ts) join `unsaved` on `restore()`.
 */
export class GradeWrites {
  #unsaved = $state.raw<GradeResult[]>([]);
  /** The last write queued (never rejects: failures become `unsaved`). */
  #writes: Promise<boolean> = Promise.resolve(true);
  /** Flushes of unsaved grades run one at a time (start-up replay and the drill may both ask). */
  #flushes: Promise<void> = Promise.resolve();

  /** Grades made but not stored yet, oldest first. */
  get unsaved(): readonly GradeResult[] {
    return this.#unsaved;
  }

  /** Settles once every write queued so far has (false: the last one was kept unsaved). */
  settled(): Promise<boolean> {
    return this.#writes;
  }

  /** Queues a grade's write behind earlier ones (their order is the log's order). */
  write(result: GradeResult): Promise<boolean> {
    const done = this.#writes.then(() => this.#save(result));
    this.#writes = done;
    return done;
  }

  /** Grades a previous visit (or another tab) left uncommitted, to be written now. */
  restore() {
    const known = new Set(this.#unsaved.map((r) => r.log.id));
    const kept = readPending().filter((r) => !known.has(r.log.id));
    if (kept.length) this.#unsaved = [...this.#unsaved, ...kept].sort((x, y) => x.log.reviewedAt - y.log.reviewedAt);
  }

  /** Takes back a grade that was never stored; false when it is not an unsaved one. */
  drop(logId: string): boolean {
    if (!this.#unsaved.some((r) => r.log.id === logId)) return false;
    forgetPending([logId]);
    this.#unsaved = this.#unsaved.filter((r) => r.log.id !== logId);
    return true;
  }

  /** Stored data was replaced: grades made before that are not written any more. */
  clear() {
    forgetPending(this.#unsaved.map((r) => r.log.id));
    this.#unsaved = [];
  }

  /**
   * Writes grades kept from earlier failures (or left by a fast reload), oldest first. One
   * already stored is skipped; one overtaken by a later grade of the same card (another tab)
   * still joins the log, and the store keeps the newer grade's schedule (saveReview).
   */
  flush(): Promise<void> {
    const run = this.#flushes.then(() => this.#flushNow());
    this.#flushes = run.catch(() => undefined);
    return run;
  }

  /** Writes earlier unsaved grades, then this one. False when it could not be written (kept unsaved). */
  async #save(result: GradeResult): Promise<boolean> {
    try {
      await this.flush();
      const repo = await getDb();
      try {
        await repo.saveReview(result);
      } catch (error) {
        // Already stored: a start-up replay (here or in another tab) wrote it first.
        if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
      }
      forgetPending([result.log.id]);
      if (storage.full) storage.clearFull();
      // For bench:drills: when the last grade was committed (same clock as event timestamps).
      document.documentElement.dataset.gradeSavedAt = performance.now().toFixed(1);
      return true;
    } catch (error) {
      storage.report(error);
      console.warn('A grade could not be saved; kept in memory until it can be.', error);
      // Still kept in localStorage (pending-grades.ts); a start-up replay may already list it.
      if (!this.#unsaved.some((r) => r.log.id === result.log.id)) this.#unsaved = [...this.#unsaved, result];
      return false;
    }
  }

  async #flushNow(): Promise<void> {
    if (!this.#unsaved.length) return;
    const repo = await getDb();
    while (this.#unsaved.length) {
      const first = this.#unsaved[0] as GradeResult;
      try {
        await repo.saveReview(first);
        storage.announce({ type: 'review', cardId: first.log.cardId });
      } catch (error) {
        if ((error as { name?: string } | null)?.name !== 'ConstraintError') throw error;
      }
      forgetPending([first.log.id]);
      this.#unsaved = this.#unsaved.filter((r) => r !== first);
    }
  }
}
