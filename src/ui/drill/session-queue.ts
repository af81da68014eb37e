import type { Card } from '../../lib/notes/card.ts';
import { buildQueue, studyCalendar, type GradeResult, type Queue, type ReviewLogEntry, type Scheduler, type SrsSettings } from '../../lib/srs/index.ts';
import type { Repository } from '../../lib/store/index.ts';

/**
 * A drill session's queue, built from what is stored — with the grades not yet written
 * (`unsaved`) counted as made — and today's review log, which the summary counts.
 */
export interface Session {
  queue: Queue;
  todayLog: ReviewLogEntry[];
  /** The study day it was built for. */
  day: number;
}

interface SessionInput {
  cards: readonly Card[];
  settings: SrsSettings;
  scheduler: Scheduler;
  unsaved: readonly GradeResult[];
  now: Date;
}

export async function loadSession(repo: Repository, { cards, settings, scheduler, unsaved, now }: SessionInput): Promise<Session> {
  const calendar = studyCalendar(settings.dayStartHour);
  const day = calendar.dayOf(now.getTime());
  const [schedules, log] = await Promise.all([repo.getSchedules(), repo.getLog({ since: calendar.startOf(day) })]);
  const byId = new Map(schedules.map((s) => [s.cardId, s]));
  for (const r of unsaved) byId.set(r.schedule.cardId, r.schedule);
  const queue = buildQueue({ cards, schedules: byId, log: [...log, ...unsaved.map((r) => r.log)], settings, now, calendar, scheduler });
  return { queue, todayLog: withUnsaved(log, unsaved), day };
}

/** Today's stored log entries, then the unsaved grades' that are not among them. */
export async function loadTodayLog(repo: Repository, settings: SrsSettings, unsaved: readonly GradeResult[], now = Date.now()): Promise<ReviewLogEntry[]> {
  const calendar = studyCalendar(settings.dayStartHour);
  return withUnsaved(await repo.getLog({ since: calendar.startOf(calendar.dayOf(now)) }), unsaved);
}

function withUnsaved(log: ReviewLogEntry[], unsaved: readonly GradeResult[]): ReviewLogEntry[] {
  const stored = new Set(log.map((e) => e.id));
  return [...log, ...unsaved.map((r) => r.log).filter((e) => !stored.has(e.id))];
}
