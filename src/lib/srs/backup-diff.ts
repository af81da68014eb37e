/** What importing a backup (replace mode) would change: `diffBackup`. */
import type { ProgressData } from './types.ts';

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);


export interface IdDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
}

/** What importing a backup (replace mode) would do to the current data. */
export interface BackupDiff {
  /** By card id. `removed`: progress that exists now and is not in the backup. */
  schedules: IdDiff;
  /** Counts only (logs are big). `removed`: entries that exist now and are not in the backup. */
  log: { added: number; removed: number; unchanged: number };
  /** Setting keys whose value would change ("srs", UI keys…). */
  settingsChanged: string[];
  /** Null when the backup has no decks (they are left as they are). */
  decks: IdDiff | null;
}

export function diffBackup(current: ProgressData, incoming: ProgressData, incomingHasDecks = true): BackupDiff {
  const logNow = new Set(current.log.map((e) => e.id));
  let added = 0;
  for (const e of incoming.log) if (!logNow.has(e.id)) added++;
  const unchanged = incoming.log.length - added;
  const keys = new Set([...Object.keys(current.settings), ...Object.keys(incoming.settings)]);
  return {
    schedules: diffById(current.schedules, incoming.schedules, (s) => s.cardId),
    log: { added, removed: current.log.length - unchanged, unchanged },
    settingsChanged: [...keys].filter((k) => stable(current.settings[k]) !== stable(incoming.settings[k])).sort(),
    decks: incomingHasDecks ? diffById(current.decks, incoming.decks, (d) => d.id) : null,
  };
}

function diffById<T>(now: readonly T[], next: readonly T[], id: (x: T) => string): IdDiff {
  const before = new Map(now.map((x) => [id(x), x]));
  const out: IdDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const x of next) {
    const k = id(x);
    seen.add(k);
    const old = before.get(k);
    if (old === undefined) out.added.push(k);
    else if (stable(old) !== stable(x)) out.changed.push(k);
    else out.unchanged++;
  }
  for (const k of before.keys()) if (!seen.has(k)) out.removed.push(k);
  return out;
}

/** JSON with sorted keys and undefined dropped, for comparing records regardless of key order. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    isRec(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val,
  ) ?? 'undefined';
}
