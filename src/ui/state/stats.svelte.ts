import { computeStatsFromDays, mergeDayTotals, studyCalendar, totalsByDay, type DayTotals, type Stats } from '../../lib/srs/index.ts';
import { clearDayCache, readDayCache, writeDayCache } from '../drill/day-cache.ts';
import { deck } from './deck.svelte.ts';
import { getDb, storage } from './db.svelte.ts';

/**
 * The stats screen's figures (lib/srs computeStatsFromDays). History before today comes from
 * a per-day cache (drill/day-cache.ts) checked against the stored entry count; only entries
 * since the cache's end are read. Recomputed whenever the screen opens or storage changes
 * while it is open.
 */
class StatsState {
  #stats = $state.raw<Stats | null>(null);
  #retired = $state(0);
  #status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  #partial = $state(false);
  #error = $state('');
  #loading: Promise<void> | null = null;
  #again = false;
  #open = 0;

  constructor() {
    storage.onChange((change) => {
      if (change.type === 'replaced') clearDayCache();
      if (this.#open > 0) void this.load();
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
  /** Only today and the forecast are known yet: the history is still being read (first visit). */
  get partial(): boolean {
    return this.#partial;
  }
  get error(): string {
    return this.#error;
  }

  /** The stats screen is showing: compute now and keep up with changes until the returned cleanup. */
  watch(): () => void {
    this.#open++;
    void this.load();
    return () => {
      this.#open--;
    };
  }

  /** Computes the figures; a call while one runs makes it run once more afterwards. */
  load(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = (async () => {
      do {
        this.#again = false;
        await this.#load();
      } while (this.#again);
    })().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #load(): Promise<void> {
    if (this.#status !== 'ready') this.#status = 'loading';
    try {
      const repo = await getDb();
      const settings = await repo.getSettings();
      const calendar = studyCalendar(settings.dayStartHour);
      const now = new Date();
      const todayStart = calendar.startOf(calendar.dayOf(now.getTime()));
      const useCache = storage.mode === 'disk';

      let cached = useCache ? readDayCache(settings.dayStartHour) : null;
      if (cached && (cached.until > todayStart || (await repo.countLog({ until: cached.until })) !== cached.count)) cached = null;
      if (!cached && this.#status !== 'ready') {
        // Reading the whole history can take seconds: show today and the forecast meanwhile.
        const [today, progress] = await Promise.all([repo.getLog({ since: todayStart }), repo.getProgress(deck.byId.keys())]);
        this.#stats = computeStatsFromDays({ days: [], log: today, schedules: progress.active, now, calendar });
        this.#partial = true;
        this.#status = 'ready';
      }
      const [recent, progress] = await Promise.all([
        repo.getLog(cached ? { since: cached.until } : {}),
        repo.getProgress(deck.byId.keys()),
      ]);

      // Fold the days that ended since the cache was made into it; today stays in the log.
      const firstToday = lowerBound(recent, todayStart);
      let days: DayTotals[] = cached?.days ?? [];
      if (firstToday > 0) days = mergeDayTotals(days, totalsByDay(recent.slice(0, firstToday), calendar));
      if (useCache && (!cached || firstToday > 0 || cached.until !== todayStart)) {
        writeDayCache({ dayStartHour: settings.dayStartHour, until: todayStart, count: (cached?.count ?? 0) + firstToday, days });
      }

      this.#stats = computeStatsFromDays({ days, log: recent.slice(firstToday), schedules: progress.active, now, calendar });
      this.#retired = progress.retired.length;
      this.#partial = false;
      this.#status = 'ready';
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
      this.#status = 'error';
    }
  }
}

/** Index of the first entry reviewed at or after `t` (the log comes oldest first). */
function lowerBound(log: readonly { reviewedAt: number }[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]!.reviewedAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const stats = new StatsState();
