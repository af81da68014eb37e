/**
 * Export and import of everything (schedules, review log, settings, user decks).
 * Import: validate the whole file first (a bad file changes nothing), then in ONE
 * transaction take a snapshot of the current data and replace it.
 */
import { guard } from './errors.ts';
import { inTx } from './reviews.ts';
import type { DeckhandDB, Snapshot } from './schema.ts';
import { diffBackup, toBackupFile, validateBackup, type BackupDiff, type BackupFile, type BackupIssue } from '../srs/backup.ts';
import type { ProgressData } from '../srs/types.ts';

/** Pre-import snapshots kept; older ones are dropped when a new one is taken. */
export const SNAPSHOTS_KEPT = 3;

export type ImportPreview =
  | {
      ok: true;
      diff: BackupDiff;
      exportedAt: number;
      counts: { schedules: number; log: number; decks: number | null };
      /** What was repaired in a backup from an earlier version (see srs/backup-repair.ts). */
      repairs: BackupIssue[];
    }
  | { ok: false; errors: BackupIssue[] };

export type ImportResult = { ok: true; diff: BackupDiff; snapshotId: number } | { ok: false; errors: BackupIssue[] };

export interface SnapshotInfo {
  id: number;
  takenAt: number;
  reason: Snapshot['reason'];
  counts: { schedules: number; log: number };
}

const DATA_STORES = ['schedules', 'reviewLog', 'settings', 'decks'] as const;

type ReadTx = ReturnType<DeckhandDB['transaction']>;

async function readAll(tx: ReadTx): Promise<ProgressData> {
  const settings = tx.objectStore('settings');
  const [schedules, log, keys, values, decks] = await Promise.all([
    tx.objectStore('schedules').getAll(),
    tx.objectStore('reviewLog').index('byTime').getAll(),
    settings.getAllKeys(),
    settings.getAll(),
    tx.objectStore('decks').getAll(),
  ]);
  return { schedules, log, settings: Object.fromEntries(keys.map((k, i) => [k, values[i]])), decks };
}

/** Everything as a backup file (one consistent read). */
export function exportBackup(db: DeckhandDB, now: Date): Promise<BackupFile> {
  return guard(async () => {
    const tx = db.transaction([...DATA_STORES], 'readonly');
    const [data] = await Promise.all([readAll(tx), tx.done]);
    return toBackupFile(data, now);
  });
}

/** Validates a backup (parsed JSON or the file's text) and says what importing it would change. Writes nothing. */
export function previewImport(db: DeckhandDB, input: unknown): Promise<ImportPreview> {
  return guard(async () => {
    const v = validateBackup(input);
    if (!v.ok) return v;
    const tx = db.transaction([...DATA_STORES], 'readonly');
    const [current] = await Promise.all([readAll(tx), tx.done]);
    return {
      ok: true,
      diff: diffBackup(current, v.data, v.hasDecks),
      exportedAt: v.exportedAt,
      counts: { schedules: v.data.schedules.length, log: v.data.log.length, decks: v.hasDecks ? v.data.decks.length : null },
      repairs: v.repairs,
    };
  });
}

/**
 * Replaces all progress and settings with the backup's (and the decks, when it has them).
 * A file that fails validation is refused before anything is touched. The previous data is
 * saved as a snapshot in the same transaction, so either both happen or neither.
 */
export function importBackup(db: DeckhandDB, input: unknown, now: Date, reason: Snapshot['reason'] = 'pre-import'): Promise<ImportResult> {
  return guard(async () => {
    const v = validateBackup(input);
    if (!v.ok) return v;
    const incoming = v.data;
    const tx = db.transaction([...DATA_STORES, 'snapshots'], 'readwrite');
    const current = await readAll(tx);
    const snapshots = tx.objectStore('snapshots');
    const snapshotId = await snapshots.add({ takenAt: now.getTime(), reason, backup: toBackupFile(current, now) });
    const ids = await snapshots.getAllKeys();
    const stale = ids.slice(0, Math.max(0, ids.length - SNAPSHOTS_KEPT));
    const s = tx.objectStore('schedules');
    const l = tx.objectStore('reviewLog');
    const st = tx.objectStore('settings');
    const d = tx.objectStore('decks');
    await inTx(tx, [
      ...stale.map((id) => () => snapshots.delete(id)),
      () => s.clear(),
      () => l.clear(),
      () => st.clear(),
      ...(v.hasDecks ? [() => d.clear()] : []),
      ...incoming.schedules.map((x) => () => s.put(x)),
      ...incoming.log.map((x) => () => l.put(x)),
      ...Object.entries(incoming.settings).map(([k, val]) => () => st.put(val, k)),
      ...(v.hasDecks ? incoming.decks.map((x) => () => d.put(x)) : []),
    ]);
    return { ok: true, diff: diffBackup(current, incoming, v.hasDecks), snapshotId };
  });
}

export function listSnapshots(db: DeckhandDB): Promise<SnapshotInfo[]> {
  return guard(async () => {
    const all = await db.getAllFromIndex('snapshots', 'byTime');
    return all.reverse().map((s) => ({
      id: s.id as number,
      takenAt: s.takenAt,
      reason: s.reason,
      counts: { schedules: s.backup.schedules.length, log: s.backup.log.length },
    }));
  });
}

/** Puts a snapshot's data back (itself taking a snapshot of the data it replaces). */
export function restoreSnapshot(db: DeckhandDB, id: number, now: Date): Promise<ImportResult> {
  return guard(async () => {
    const snap = await db.get('snapshots', id);
    if (!snap) return { ok: false, errors: [{ path: '', message: `no snapshot ${id}` }] };
    return importBackup(db, snap.backup, now);
  });
}

/** Deletes all progress, settings and decks (snapshots stay). */
export function clearAll(db: DeckhandDB): Promise<void> {
  return guard(async () => {
    const tx = db.transaction([...DATA_STORES], 'readwrite');
    await inTx(tx, DATA_STORES.map((name) => () => tx.objectStore(name).clear()));
  });
}
