/**
 * The backup file's format: a versioned JSON document with every schedule, the whole review
 * log, settings and the user's imported decks. Times are ISO 8601 strings in the file and epoch
 * ms in memory; both directions are lossless, so export → import gives identical data.
 */
import type { ProgressData, ReviewLogEntry, ScheduleFields, UserDeck } from './types.ts';

export const BACKUP_FORMAT = 'deckhand-backup';
export const BACKUP_VERSION = 1;

export interface ScheduleFieldsJson extends Omit<ScheduleFields, 'due' | 'lastReview'> {
  due: string;
  lastReview: string | null;
}
export interface ScheduleJson extends ScheduleFieldsJson {
  cardId: string;
}
export interface ReviewLogJson extends Omit<ReviewLogEntry, 'reviewedAt' | 'due' | 'before'> {
  reviewedAt: string;
  due: string;
  before: ScheduleFieldsJson | null;
}
export interface UserDeckJson extends Omit<UserDeck, 'importedAt'> {
  importedAt: string;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  schedules: ScheduleJson[];
  log: ReviewLogJson[];
  settings: Record<string, unknown>;
  /** Absent in a progress-only backup: importing it leaves decks as they are. */
  decks?: UserDeckJson[];
}

/** One problem, located: `path` like "log[12].rating". */
export interface BackupIssue {
  path: string;
  message: string;
}

export type BackupValidation =
  | { ok: true; data: ProgressData; exportedAt: number; hasDecks: boolean; repairs: BackupIssue[] }
  | { ok: false; errors: BackupIssue[] };

export function toBackupFile(data: ProgressData, exportedAt: Date): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    schedules: data.schedules.map((s) => ({ cardId: s.cardId, ...fieldsToJson(s) })),
    log: data.log.map(logToJson),
    settings: data.settings,
    decks: data.decks.map((d) => ({ ...d, importedAt: iso(d.importedAt) })),
  };
}

/** Field by field rather than with spreads: this runs 100k times for a big log. */
function logToJson(e: ReviewLogEntry): ReviewLogJson {
  const out: ReviewLogJson = {
    id: e.id,
    cardId: e.cardId,
    reviewedAt: iso(e.reviewedAt),
    rating: e.rating,
    state: e.state,
    elapsedDays: e.elapsedDays,
    due: iso(e.due),
    before: e.before ? fieldsToJson(e.before) : null,
  };
  if (e.durationMs !== undefined) out.durationMs = e.durationMs;
  if (e.prompt !== undefined) out.prompt = e.prompt;
  return out;
}

function fieldsToJson(f: ScheduleFields): ScheduleFieldsJson {
  return {
    state: f.state,
    due: iso(f.due),
    stability: f.stability,
    difficulty: f.difficulty,
    scheduledDays: f.scheduledDays,
    learningSteps: f.learningSteps,
    reps: f.reps,
    lapses: f.lapses,
    lastReview: f.lastReview === null ? null : iso(f.lastReview),
  };
}

/**
 * Same output as `new Date(ms).toISOString()` for years 0–9999, several times faster: the
 * date part is cached per day, which matters for 400k timestamps in a 100k-entry log.
 */
let isoDay = NaN;
let isoPrefix = '';
function iso(ms: number): string {
  const t = Math.trunc(ms);
  const day = Math.floor(t / 86_400_000);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  let r = t - day * 86_400_000;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  return `${isoPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}
