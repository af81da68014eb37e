import { computeStats, studyCalendar, type ReviewLogEntry, type Stats } from '../../lib/srs/index.ts';
import { deck } from './deck.svelte.ts';
import { getDb, storage } from './db.svelte.ts';

/**
 * The stats screen's figures (lib/srs computeStats over the whole log and the live schedules).
 * The log is read once and kept while nothing changes; any stored change marks it stale.
 */
class StatsState {
  #stats = $state.raw<Stats | null>(null);
  #retired = $state(0);
  #status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  #error = $state('');
  #log: ReviewLogEntry[] | null = null;
  #loading: Promise<void> | null = null;
  #stale = true;

  constructor() {
    storage.onChange(() => {
      this.#stale = true;
      this.#log = null;
      if (this.#status === 'ready') void this.load();
    });
  }

  get stats(): Stats | null {
    return this.#stats;
  }
  /** Schedules whose card is no longer in the content: kept, shown as retired. */
  get retired(): number {
    return this.#retired;
  }
  get status() {
    return this.#status;
  }
  get error(): string {
    return this.#error;
  }

  /** Computes the figures (again, if anything changed since). */
  load(): Promise<void> {
    this.#loading ??= this.#load().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (this.#status === 'idle' || this.#status === 'error') this.#status = 'loading';
    try {
      const repo = await getDb();
      this.#stale = false;
      const [log, progress, settings] = await Promise.all([
        this.#log ?? repo.getLog(),
        repo.getProgress(deck.byId.keys()),
        repo.getSettings(),
      ]);
      this.#log = log;
      this.#stats = computeStats({ log, schedules: progress.active, now: new Date(), calendar: studyCalendar(settings.dayStartHour) });
      this.#retired = progress.retired.length;
      this.#status = 'ready';
      if (this.#stale) await this.#load(); // changed while reading
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
      this.#status = 'error';
    }
  }
}

export const stats = new StatsState();
