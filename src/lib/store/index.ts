/**
 * Deckhand's storage — the only code that imports `idb`.
 *
 *   const repo = await openRepository({ onVersionChange: askToReload, onBlocked: askToCloseTabs });
 *   if (!repo.persistent) showBanner(repo.fallback);      // in-memory: progress ends with the tab
 *   await repo.saveReview(result);                         // StorageFullError → offer a backup
 *   if (first review) setPersistence(await requestPersistence());
 */
export { openRepository } from './connect.ts';
export { idbRepository, type FallbackReason, type Repository } from './repository.ts';
export { memoryRepository } from './memory.ts';
export { openDeckhandDB, type OpenOptions } from './open.ts';
export { DB_NAME, DB_VERSION, MIGRATIONS, type DeckhandDB, type DeckhandSchema, type Migration, type Snapshot } from './schema.ts';
export { StorageFullError, StoreClosedError, UndoError, UpgradeFailedError, toStoreError } from './errors.ts';
export { countLog, getLog, getSchedule, getSchedules, saveReview, undoReview, type LogQuery } from './reviews.ts';
export { getAllSettings, getPreference, getSettings, saveSettings, setPreference, SRS_SETTINGS_KEY } from './settings.ts';
export { deleteDeck, getDeck, getDecks, saveDeck } from './decks.ts';
export {
  clearAll,
  exportBackup,
  importBackup,
  listSnapshots,
  previewImport,
  restoreSnapshot,
  SNAPSHOTS_KEPT,
  type ImportPreview,
  type ImportResult,
  type SnapshotInfo,
} from './backup.ts';
export { estimateStorage, getPersistence, requestPersistence, type PersistenceState, type StorageLike } from './persistence.ts';
