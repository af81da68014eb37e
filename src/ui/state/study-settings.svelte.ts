import { createScheduler, normalizeSettings, studyCalendar, type Scheduler, type SrsSettings } from '../../lib/srs/index.ts';
import { getDb, storage } from './db.svelte.ts';

export type SettingsPatch = Partial<SrsSettings> | ((current: SrsSettings) => Partial<SrsSettings>);

/**
 * The drill's study settings (limits, decks, suspended and buried cards…) and the scheduler
 * made from them: read from storage once, saved one after another.
 */
export class StudySettings {
  #settings = $state.raw<SrsSettings>(normalizeSettings({}));
  #scheduler: Scheduler = createScheduler(this.#settings);
  #loaded: Promise<void> | null = null;
  #saving: Promise<unknown> = Promise.resolve();

  get current(): SrsSettings {
    return this.#settings;
  }
  get scheduler(): Scheduler {
    return this.#scheduler;
  }

  /** The study day `now` falls in (days start at the chosen hour). */
  day(now = Date.now()): number {
    return studyCalendar(this.#settings.dayStartHour).dayOf(now);
  }

  /** Reads them from storage, once (again after `forget`). */
  load(): Promise<void> {
    this.#loaded ??= (async () => {
      const repo = await getDb();
      this.#use(await repo.getSettings());
    })().catch((error: unknown) => {
      this.#loaded = null;
      throw error;
    });
    return this.#loaded;
  }

  /** Stored settings changed elsewhere (another tab, a restored backup): read them again when asked. */
  forget() {
    this.#loaded = null;
  }

  /**
   * Saves a change. Saves run one after another, and a function patch sees the settings the
   * previous save left, so fast taps on several checkboxes all count.
   */
  save(patch: SettingsPatch): Promise<void> {
    const run = this.#saving.then(async () => {
      await this.load();
      const repo = await getDb();
      const next = { ...this.#settings, ...(typeof patch === 'function' ? patch(this.#settings) : patch) };
      try {
        this.#use(await repo.saveSettings(next));
      } catch (error) {
        throw storage.report(error);
      }
    });
    this.#saving = run.catch(() => undefined);
    return run;
  }

  #use(settings: SrsSettings) {
    this.#settings = settings;
    this.#scheduler = createScheduler(settings);
  }
}
