import type { ImportPreview, ImportResult } from '../../lib/store/index.ts';

/** Messages between the page and src/workers/backup.worker.ts. */
export type BackupRequest = { op: 'preview'; file: Blob } | { op: 'import'; file: Blob; now: number };

export type BackupResponse =
  | { ok: true; op: 'preview'; result: ImportPreview }
  | { ok: true; op: 'import'; result: ImportResult }
  | { ok: false; name: string; message: string };

/** The largest backup the app restores (said in the Backup panel); far above a decade of daily reviews. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
