import { toBackupFile, type BackupFile, type GradeResult } from '../../lib/srs/index.ts';
import { StorageFullError, StoreClosedError, type ImportPreview, type ImportResult, type Repository } from '../../lib/store/index.ts';
import type { BackupRequest, BackupResponse } from './backup-protocol.ts';

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

/** What a backup file would change (nothing is written). IndexedDB work runs in a worker. */
export async function previewBackupFile(repo: Repository, file: Blob): Promise<ImportPreview> {
  if (repo.kind === 'memory') return repo.previewImport(await file.text());
  const reply = await inWorker({ op: 'preview', file });
  if (reply.op !== 'preview') throw new Error('unexpected reply from the backup worker');
  return reply.result;
}

/** Replaces everything with the backup (after a snapshot). IndexedDB work runs in a worker. */
export async function restoreBackupFile(repo: Repository, file: Blob, now: Date): Promise<ImportResult> {
  if (repo.kind === 'memory') return repo.importBackup(await file.text(), now);
  const reply = await inWorker({ op: 'import', file, now: now.getTime() });
  if (reply.op !== 'import') throw new Error('unexpected reply from the backup worker');
  return reply.result;
}

/** One request, one short-lived worker: a 50 MB parse must not freeze the page. */
function inWorker(request: BackupRequest): Promise<Extract<BackupResponse, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/backup.worker.ts', import.meta.url), { type: 'module', name: 'deckhand-backup' });
    worker.onmessage = (event: MessageEvent<BackupResponse>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.ok) resolve(reply);
      else if (reply.name === 'StorageFullError') reject(new StorageFullError());
      else if (reply.name === 'StoreClosedError') reject(new StoreClosedError());
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the backup worker could not start'));
    };
    worker.postMessage(request);
  });
}
