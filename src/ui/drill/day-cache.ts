import type { DayTotals } from '../../lib/srs/index.ts';

/**
 * The review history before today, summed per study day, kept in localStorage so the stats
 * screen reads a few hundred numbers instead of the whole log (100k entries take over a
 * second to read from IndexedDB on a phone). The entry count it covers is checked against
 * storage (`countLog`) before it is trusted, so any change to old history rebuilds it.
 * Not in backups (it is derived data) and not used for the in-memory fallback.
 */
const KEY = 'deckhand.stats.days';

export interface DayCache {
  /** Local hour the study day starts: other settings give other days. */
  dayStartHour: number;
  /** The time zone the days were counted in. */
  zone: string;
  /** Covers log entries reviewed before this instant (the start of a study day). */
  until: number;
  /** How many entries that is. */
  count: number;
  days: DayTotals[];
}

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || `UTC${-new Date().getTimezoneOffset()}`;

export function readDayCache(dayStartHour: number): DayCache | null {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { v?: number; h?: number; z?: string; until?: number; count?: number; days?: number[][] } | null;
    if (!raw || raw.v !== 1 || raw.h !== dayStartHour || raw.z !== zone() || typeof raw.until !== 'number' || typeof raw.count !== 'number' || !Array.isArray(raw.days)) return null;
    const days = raw.days.map(([day, reviews, reviewTotal, reviewPassed]) => ({ day: day!, reviews: reviews!, reviewTotal: reviewTotal!, reviewPassed: reviewPassed! }));
    return { dayStartHour, zone: raw.z, until: raw.until, count: raw.count, days };
  } catch {
    return null;
  }
}

export function writeDayCache(cache: Omit<DayCache, 'zone'>): void {
  try {
    const days = cache.days.map((t) => [t.day, t.reviews, t.reviewTotal, t.reviewPassed]);
    localStorage.setItem(KEY, JSON.stringify({ v: 1, h: cache.dayStartHour, z: zone(), until: cache.until, count: cache.count, days }));
  } catch {
    // Full or refused: the next visit just reads the log again.
  }
}

export function clearDayCache(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
