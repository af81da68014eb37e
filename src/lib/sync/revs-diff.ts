/**
 * PouchDB's revsDiff reads each document's revision tree in an IndexedDB transaction of its
 * own: on a fresh device that is 100,000 transactions that each find nothing, one per pulled
 * document. One allDocs({keys}) read (one transaction per batch) answers "missing entirely"
 * for every document the mirror does not have; only the ones it has go through PouchDB's own
 * revsDiff, which still decides which of their revisions are new.
 */
import type { Pouch, RevsDiff } from './pouch-types.ts';

export function batchRevsDiff<T extends object>(db: Pouch<T>): Pouch<T> {
  const perDocument = db.revsDiff.bind(db);
  db.revsDiff = async (request) => {
    const ids = Object.keys(request);
    if (ids.length === 0) return {};
    const found = await db.allDocs({ keys: ids });
    const diff: RevsDiff = {};
    const present: Record<string, string[]> = {};
    found.rows.forEach((row, i) => {
      const id = ids[i]!;
      if ('error' in row) diff[id] = { missing: request[id]! };
      else present[id] = request[id]!;
    });
    return Object.keys(present).length === 0 ? diff : { ...diff, ...(await perDocument(present)) };
  };
  return db;
}
