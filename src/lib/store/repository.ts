/**
 * The repository the UI talks to: the same interface whether progress lives in IndexedDB
 * or — when IndexedDB is unavailable — in this tab's memory (then `persistent` is false and
 * the UI shows a banner). Every method rejects with a typed error from errors.ts on failure.
 */
import * as backup from './backup.ts';
import * as decks from './decks.ts';
import * as progress from './progress.ts';
import * as reviews from './reviews.ts';
import * as settings from './settings.ts';
import type { DeckhandDB, Snapshot } from './schema.ts';
import type { BackupFile } from '../srs/backup.ts';
import type { SrsSettings } from '../srs/settings.ts';
import type { ReviewLogEntry, Schedule, UserDeck } from '../srs/types.ts';
import { splitRetired } from '../srs/retired.ts';

/** Why progress is only in memory. */
export type FallbackReason =
  /** No IndexedDB at all (some private modes, old embedded browsers). */
  | 'unavailable'
  /** IndexedDB exists but refused to open (private mode, disk error, storage disabled). */
  | 'open-failed'
  /** An upgrade step failed; the saved data is intact at its old version. */
  | 'upgrade-failed'
  /** The saved data was written by a newer version of the app: reload to get it. */
  | 'newer-version';

export interface Repository {
  readonly kind: 'indexeddb' | 'memory';
  /** False: progress is lost when the tab closes (show a banner with `fallback`). */
  readonly persistent: boolean;
  readonly fallback: { reason: FallbackReason; error?: unknown } | null;

  getSchedules(): Promise<Schedule[]>;
  getSchedule(cardId: string): Promise<Schedule | undefined>;
  /** Schedules split by whether their card is in the current content (retired ones are kept). */
  getProgress(liveCardIds: Iterable<string>): Promise<{ active: Schedule[]; retired: Schedule[] }>;
  /** The cards are new again (their schedules deleted); their review log stays. */
  resetSchedules(cardIds: readonly string[]): Promise<void>;
  /** One transaction: the new schedule and its log entry, both or neither. */
  saveReview(review: { schedule: Schedule; log: ReviewLogEntry }): Promise<void>;
  /** Undoes a card's latest grade; resolves to the restored schedule (null = new again). */
  undoReview(logId: string): Promise<Schedule | null>;
  /** Oldest first. */
  getLog(query?: reviews.LogQuery): Promise<ReviewLogEntry[]>;
  /** How many entries `getLog(query)` would return, without reading them. */
  countLog(query?: reviews.LogQuery): Promise<number>;

  getSettings(): Promise<SrsSettings>;
  saveSettings(settings: Partial<SrsSettings>): Promise<SrsSettings>;
  getPreference<T = unknown>(key: string): Promise<T | undefined>;
  setPreference(key: string, value: unknown): Promise<void>;

  getDecks(): Promise<UserDeck[]>;
  getDeck(id: string): Promise<UserDeck | undefined>;
  saveDeck(deck: UserDeck): Promise<void>;
  deleteDeck(id: string): Promise<void>;

  exportBackup(now: Date): Promise<BackupFile>;
  /** Validates and diffs a backup (parsed JSON or file text); writes nothing. */
  previewImport(input: unknown): Promise<backup.ImportPreview>;
  /** Validates, snapshots the current data and replaces it — or refuses with errors, changing nothing. */
  importBackup(input: unknown, now: Date): Promise<backup.ImportResult>;
  listSnapshots(): Promise<backup.SnapshotInfo[]>;
  restoreSnapshot(id: number, now: Date): Promise<backup.ImportResult>;
  /** Deletes progress, settings and decks (snapshots stay). */
  clearAll(): Promise<void>;
  close(): void;
}

/** The repository over an open IndexedDB connection: the plain functions, bound. */
export function idbRepository(db: DeckhandDB): Repository {
  return {
    kind: 'indexeddb',
    persistent: true,
    fallback: null,
    getSchedules: () => reviews.getSchedules(db),
    getSchedule: (id) => reviews.getSchedule(db, id),
    getProgress: async (live) => splitRetired(await reviews.getSchedules(db), live),
    resetSchedules: (ids) => progress.resetSchedules(db, ids),
    saveReview: (r) => reviews.saveReview(db, r),
    undoReview: (id) => reviews.undoReview(db, id),
    getLog: (q) => reviews.getLog(db, q),
    countLog: (q) => reviews.countLog(db, q),
    getSettings: () => settings.getSettings(db),
    saveSettings: (s) => settings.saveSettings(db, s),
    getPreference: <T>(key: string) => settings.getPreference<T>(db, key),
    setPreference: (key, value) => settings.setPreference(db, key, value),
    getDecks: () => decks.getDecks(db),
    getDeck: (id) => decks.getDeck(db, id),
    saveDeck: (d) => decks.saveDeck(db, d),
    deleteDeck: (id) => decks.deleteDeck(db, id),
    exportBackup: (now) => backup.exportBackup(db, now),
    previewImport: (input) => backup.previewImport(db, input),
    importBackup: (input, now) => backup.importBackup(db, input, now),
    listSnapshots: () => backup.listSnapshots(db),
    restoreSnapshot: (id, now) => backup.restoreSnapshot(db, id, now),
    clearAll: () => backup.clearAll(db),
    close: () => db.close(),
  };
}

export type { Snapshot };
