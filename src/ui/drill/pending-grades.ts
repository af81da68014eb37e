import type { GradeResult } from '../../lib/srs/index.ts';
import { local } from '../state/web-storage.ts';

/**
 * Grades not yet committed to IndexedDB, kept in localStorage (one list every tab shares).
 * A grade is added the moment the user makes it — before its transaction opens — and removed
 * once IndexedDB has committed it, so a reload, a crash or a closed tab a few milliseconds
 * later loses nothing: the next start writes what is left (a grade that did commit is then
 * refused as a duplicate and simply dropped from the list).
 *
 * Tabs share the list, so every change re-reads it and changes only its own entries:
 * merge, never overwrite.
 */
const KEY = 'deckhand.drill.unsaved';

export function readPending(): GradeResult[] {
  try {
    const list = JSON.parse(local.get(KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter(
        (r): r is GradeResult =>
          typeof r === 'object' && r !== null && typeof r.log?.id === 'string' && typeof r.log?.reviewedAt === 'number' && typeof r.schedule?.cardId === 'string',
      )
      .sort((x, y) => x.log.reviewedAt - y.log.reviewedAt);
  } catch {
    return []; // a damaged entry: nothing readable to replay
  }
}

/** Keeps grades until they are committed (already kept ones are not doubled). */
export function keepPending(results: readonly GradeResult[]): void {
  if (!results.length) return;
  const list = readPending();
  const known = new Set(list.map((r) => r.log.id));
  write([...list, ...results.filter((r) => !known.has(r.log.id))]);
}

/** Forgets grades that are now committed (or deliberately dropped). */
export function forgetPending(logIds: Iterable<string>): void {
  const gone = new Set(logIds);
  if (!gone.size) return;
  const list = readPending();
  const left = list.filter((r) => !gone.has(r.log.id));
  if (left.length !== list.length) write(left);
}

function write(list: GradeResult[]): void {
  if (list.length) local.set(KEY, JSON.stringify(list));
  else local.remove(KEY);
}
