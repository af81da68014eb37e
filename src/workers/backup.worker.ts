/// <reference lib="webworker" />
/**
 * Reads, checks and restores a backup off the main thread: a 50 MB backup's JSON parse,
 * validation, diff and write froze the page for seconds. Same store code as the page; this
 * worker opens its own connection for one request and closes it.
 */
import { importBackup, openDeckhandDB, previewImport } from '../lib/store/index.ts';
import type { BackupRequest, BackupResponse } from '../ui/drill/backup-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<BackupRequest>) => {
  const request = event.data;
  const reply = (message: BackupResponse) => self.postMessage(message);
  try {
    const text = await request.file.text();
    const db = await openDeckhandDB();
    try {
      if (request.op === 'preview') reply({ ok: true, op: 'preview', result: await previewImport(db, text) });
      else reply({ ok: true, op: 'import', result: await importBackup(db, text, new Date(request.now)) });
    } finally {
      db.close();
    }
  } catch (error) {
    reply({ ok: false, name: (error as { name?: string } | null)?.name ?? 'Error', message: error instanceof Error ? error.message : String(error) });
  }
};
