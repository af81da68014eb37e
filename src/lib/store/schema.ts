/**
 * The one IndexedDB schema, and the upgrade steps that build it. Rules:
 * - A step runs when `oldVersion < step.version`; steps never change once released —
 *   a new need is a new step with the next version (and a test from a fixture of the old one).
 * - A step only uses the upgrade transaction it is given; if it throws (or its promise
 *   rejects) the whole upgrade aborts and the database stays at its old version, data intact.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ReviewLogEntry, Schedule, UserDeck } from '../srs/types.ts';
import type { BackupFile } from '../srs/backup.ts';

export const DB_NAME = 'deckhand';
export const DB_VERSION = 2;

/** A copy of everything, taken before an import replaces it. */
export interface Snapshot {
  /** Auto-incremented. */
  id?: number;
  /** Epoch ms. */
  takenAt: number;
  reason: 'pre-import' | 'manual';
  backup: BackupFile;
}

export interface DeckhandSchema extends DBSchema {
  /** v1. One record per card ever graded, keyed by card id (never by content position). */
  schedules: { key: string; value: Schedule };
  /** v1 (byCard), v2 (byTime). Append-only; UUID keys. */
  reviewLog: { key: string; value: ReviewLogEntry; indexes: { byCard: string; byTime: number } };
  /** v1. Out-of-line keys: 'srs' holds SrsSettings; the UI may add its own keys. */
  settings: { key: string; value: unknown };
  /** v2. Decks imported from the user's own notes. */
  decks: { key: string; value: UserDeck };
  /** v2. Pre-import snapshots, newest kept (see SNAPSHOTS_KEPT). */
  snapshots: { key: number; value: Snapshot; indexes: { byTime: number } };
}

export type DeckhandDB = IDBPDatabase<DeckhandSchema>;
export type UpgradeTx = IDBPTransaction<DeckhandSchema, StoreNames<DeckhandSchema>[], 'versionchange'>;

export interface Migration {
  version: number;
  /** What the step does, for error messages. */
  name: string;
  up(db: DeckhandDB, tx: UpgradeTx): void | Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    name: 'schedules, review log by card, settings',
    up(db) {
      db.createObjectStore('schedules', { keyPath: 'cardId' });
      const log = db.createObjectStore('reviewLog', { keyPath: 'id' });
      log.createIndex('byCard', 'cardId');
      db.createObjectStore('settings');
    },
  },
  {
    version: 2,
    name: 'review log by time, user decks, snapshots',
    up(db, tx) {
      tx.objectStore('reviewLog').createIndex('byTime', 'reviewedAt');
      db.createObjectStore('decks', { keyPath: 'id' });
      const snaps = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
      snaps.createIndex('byTime', 'takenAt');
    },
  },
]);
