import { toBackupFile, type BackupFile, type GradeResult } from '../../lib/srs/index.ts';
import type { Repository } from '../../lib/store/index.ts';

/**
 * The backup as a file the user keeps: everything stored, plus grades that could not be
 * written yet (storage full) so that a backup taken from the quota banner loses nothing.
 */
export async function buildBackup(repo: Repository, unsaved: readonly GradeResult[], now = new Date()): Promise<BackupFile> {
  const file = await repo.exportBackup(now);
  if (!unsaved.length) return file;
  const extra = toBackupFile({ schedules: unsaved.map((r) => r.schedule), log: unsaved.map((r) => r.log), settings: {}, decks: [] }, now);
  const latest = new Map(extra.schedules.map((s) => [s.cardId, s]));
  const logIds = new Set(file.log.map((e) => e.id));
  return {
    ...file,
    schedules: [...file.schedules.filter((s) => !latest.has(s.cardId)), ...latest.values()],
    log: [...file.log, ...extra.log.filter((e) => !logIds.has(e.id))],
  };
}

export function backupFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `deckhand-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.json`;
}

/** Hands the file to the browser's download (works offline: a Blob URL, no network). */
export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports and downloads a backup; resolves to the file name. */
export async function downloadBackup(repo: Repository, unsaved: readonly GradeResult[]): Promise<string> {
  const now = new Date();
  const file = await buildBackup(repo, unsaved, now);
  const name = backupFileName(now);
  download(name, JSON.stringify(file, null, 1));
  return name;
}
