/**
 * Stats over the review log and schedules, in one pass each (100k log entries in a few ms):
 * today's count, streak, true retention, a due forecast and a heatmap of reviews per study day.
 */
import type { StudyCalendar } from './calendar.ts';
import { summarizeDay, type DaySummary } from './today.ts';
import type { ReviewLogEntry, Schedule } from './types.ts';

export interface StatsInput {
  /** The whole log (any order). */
  log: readonly ReviewLogEntry[];
  /** Current schedules (pass only cards still in the content to leave retired ones out). */
  schedules: readonly Schedule[];
  now: Date;
  calendar: StudyCalendar;
  /** Days in the due forecast, today first. Default 30. */
  forecastDays?: number;
  /** Weeks in the heatmap, ending with the current week. Default 26. */
  heatmapWeeks?: number;
  /** 0 = weeks start on Sunday, 1 = Monday (default). */
  weekStartsOn?: 0 | 1;
  /** Retention over the last N study days; omit for all time. */
  retentionDays?: number;
}

export interface Stats {
  /** What was done today (see today.ts: graded = new cards' first grades + learning + reviews). */
  today: DaySummary & {
    /** "2025-03-14": the date the current study day started on. */
    day: string;
  };
  /** Consecutive study days with at least one review, ending today (or yesterday when today has none yet). */
  streak: { current: number; longest: number; studiedToday: boolean };
  /** Share of review-state cards remembered (graded Hard or better). `rate` is null with no reviews. */
  retention: { passed: number; total: number; rate: number | null };
  /** Cards due per study day; [0] is today including everything overdue. */
  forecast: { day: string; due: number }[];
  /** Reviews per study day from `firstDay` (a week start) to today, one number per day. */
  heatmap: { firstDay: string; firstWeekday: number; counts: number[]; max: number };
  totals: { reviews: number; cards: number; learning: number; review: number; relearning: number };
}

export function computeStats(input: StatsInput): Stats {
  const { log, schedules, calendar } = input;
  const nowMs = input.now.getTime();
  const today = calendar.dayOf(nowMs);
  const forecastDays = input.forecastDays ?? 30;
  const weeks = input.heatmapWeeks ?? 26;
  const weekStartsOn = input.weekStartsOn ?? 1;

  // Heatmap window: whole weeks ending with the one containing today.
  const back = (calendar.weekday(today) - weekStartsOn + 7) % 7;
  const firstDay = today - back - (weeks - 1) * 7;
  const counts = new Array<number>(today - firstDay + 1).fill(0);
  const retentionFrom = input.retentionDays === undefined ? -Infinity : today - input.retentionDays + 1;

  const days = new Set<number>();
  let passed = 0;
  let total = 0;
  for (let i = 0; i < log.length; i++) {
    const e = log[i] as ReviewLogEntry;
    const d = calendar.dayOf(e.reviewedAt);
    days.add(d);
    if (d >= firstDay && d <= today) counts[d - firstDay]!++;
    if (e.state === 'review' && d >= retentionFrom) {
      total++;
      if (e.rating >= 2) passed++;
    }
  }

  const forecast = Array.from({ length: forecastDays }, (_, i) => ({ day: calendar.key(today + i), due: 0 }));
  const totals = { reviews: log.length, cards: schedules.length, learning: 0, review: 0, relearning: 0 };
  for (const s of schedules) {
    if (s.state === 'new') continue;
    totals[s.state]++;
    const offset = Math.max(0, calendar.dayOf(s.due) - today);
    if (offset < forecastDays) forecast[offset]!.due++;
  }

  return {
    today: { day: calendar.key(today), ...summarizeDay(log, input.now, calendar) },
    streak: streakOf(days, today),
    retention: { passed, total, rate: total ? passed / total : null },
    forecast,
    heatmap: { firstDay: calendar.key(firstDay), firstWeekday: calendar.weekday(firstDay), counts, max: Math.max(0, ...counts) },
    totals,
  };
}

function streakOf(days: Set<number>, today: number): Stats['streak'] {
  const studiedToday = days.has(today);
  let current = 0;
  for (let d = studiedToday ? today : today - 1; days.has(d); d--) current++;
  let longest = 0;
  for (const d of days) {
    if (days.has(d - 1)) continue; // not the start of a run
    let len = 1;
    while (days.has(d + len)) len++;
    if (len > longest) longest = len;
  }
  return { current, longest, studiedToday };
}

/** One card's reviews, oldest first, with the interval each grade chose — for the card view. */
export function cardHistory(log: readonly ReviewLogEntry[], cardId: string): (ReviewLogEntry & { intervalMs: number })[] {
  return log
    .filter((e) => e.cardId === cardId)
    .sort((a, b) => a.reviewedAt - b.reviewedAt)
    .map((e) => ({ ...e, intervalMs: e.due - e.reviewedAt }));
}

// ---------------------------------------------------------------- history as day totals

/** What the stats need of one study day of the log: a year of history is ~365 of these. */
export interface DayTotals {
  /** The study day (calendar.dayOf). */
  day: number;
  /** Grades given that day. */
  reviews: number;
  /** Grades of cards in review state (true retention counts only these)… */
  reviewTotal: number;
  /** …and how many of them were Hard or better. */
  reviewPassed: number;
}

/** Sums log entries by study day, oldest day first. */
export function totalsByDay(log: readonly ReviewLogEntry[], calendar: StudyCalendar): DayTotals[] {
  const byDay = new Map<number, DayTotals>();
  for (let i = 0; i < log.length; i++) {
    const e = log[i] as ReviewLogEntry;
    const day = calendar.dayOf(e.reviewedAt);
    let t = byDay.get(day);
    if (!t) byDay.set(day, (t = { day, reviews: 0, reviewTotal: 0, reviewPassed: 0 }));
    t.reviews++;
    if (e.state === 'review') {
      t.reviewTotal++;
      if (e.rating >= 2) t.reviewPassed++;
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** Adds two lists of day totals (made with the same calendar), oldest day first. */
export function mergeDayTotals(a: readonly DayTotals[], b: readonly DayTotals[]): DayTotals[] {
  const byDay = new Map<number, DayTotals>();
  for (const t of [...a, ...b]) {
    const sum = byDay.get(t.day);
    if (sum) {
      sum.reviews += t.reviews;
      sum.reviewTotal += t.reviewTotal;
      sum.reviewPassed += t.reviewPassed;
    } else byDay.set(t.day, { ...t });
  }
  return [...byDay.values()].sort((x, y) => x.day - y.day);
}

/**
 * computeStats for a long history without reading all of it: `days` sums up the log before
 * some instant (totalsByDay, e.g. kept in a cache), `log` holds every entry from that instant
 * on — which must include all of the current study day. Gives exactly computeStats' result
 * over the whole log (the tests check this on random logs).
 */
export function computeStatsFromDays(input: Omit<StatsInput, 'log'> & { days: readonly DayTotals[]; log: readonly ReviewLogEntry[] }): Stats {
  const { calendar } = input;
  // Today, the forecast and the card totals only need today's entries and the schedules.
  const base = computeStats(input);
  const all = mergeDayTotals(input.days, totalsByDay(input.log, calendar));
  const today = calendar.dayOf(input.now.getTime());
  const firstDay = today - (base.heatmap.counts.length - 1);
  const retentionFrom = input.retentionDays === undefined ? -Infinity : today - input.retentionDays + 1;

  const counts = new Array<number>(base.heatmap.counts.length).fill(0);
  const days = new Set<number>();
  let reviews = 0;
  let passed = 0;
  let total = 0;
  for (const t of all) {
    if (t.reviews > 0) days.add(t.day);
    reviews += t.reviews;
    if (t.day >= firstDay && t.day <= today) counts[t.day - firstDay] = t.reviews;
    if (t.day >= retentionFrom) {
      total += t.reviewTotal;
      passed += t.reviewPassed;
    }
  }
  return {
    ...base,
    streak: streakOf(days, today),
    retention: { passed, total, rate: total ? passed / total : null },
    heatmap: { ...base.heatmap, counts, max: Math.max(0, ...counts) },
    totals: { ...base.totals, reviews },
  };
}
