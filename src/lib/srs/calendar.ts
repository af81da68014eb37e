/**
 * Study days. A study day runs from `dayStartHour` local time to the same hour the next day,
 * so a review at 1 a.m. still counts for "yesterday" (default 4:00, as in Anki).
 *
 * Days are plain integers (days since 1970-01-01 in the user's local calendar) so stats can
 * bucket 100k log entries with arithmetic. The local zone comes in as a function — the
 * runtime's by default, a fixed offset in tests — so nothing depends on the machine's TZ.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Minutes east of UTC at an instant (UTC+8 → 480). */
export type UtcOffset = (epochMs: number) => number;

/** The runtime's local zone, DST included. */
export const localOffset: UtcOffset = (ms) => -new Date(ms).getTimezoneOffset();

export interface StudyCalendar {
  readonly dayStartHour: number;
  /** The study day an instant belongs to. */
  dayOf(epochMs: number): number;
  /** The instant a study day starts. */
  startOf(day: number): number;
  /** "2025-03-14": the local date the study day starts on. */
  key(day: number): string;
  /** 0 = Sunday … 6 = Saturday, of the date the study day starts on. */
  weekday(day: number): number;
}

/**
 * @param dayStartHour local hour (0–23) the study day starts
 * @param offset a fixed offset in minutes east of UTC, or a function of time; default: local zone
 */
export function studyCalendar(dayStartHour: number, offset: number | UtcOffset = localOffset): StudyCalendar {
  const shift = dayStartHour * HOUR;
  const offsetAt: UtcOffset = typeof offset === 'number' ? () => offset : cachedByHour(offset);
  return {
    dayStartHour,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms) * MINUTE - shift) / DAY),
    startOf(day) {
      // Guess with the offset at the nominal time, then correct once for a DST change in between.
      const nominal = day * DAY + shift;
      const guess = nominal - offsetAt(nominal) * MINUTE;
      return nominal - offsetAt(guess) * MINUTE;
    },
    key: (day) => new Date(day * DAY).toISOString().slice(0, 10),
    weekday: (day) => (((day + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  };
}

/** Offsets only change at DST switches: remember the last hour asked (log entries come in order). */
function cachedByHour(fn: UtcOffset): UtcOffset {
  let lastHour = NaN;
  let last = 0;
  return (ms) => {
    const h = Math.floor(ms / HOUR);
    if (h !== lastHour) {
      lastHour = h;
      last = fn(ms);
    }
    return last;
  };
}
