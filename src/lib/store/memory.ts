/**
 * The in-memory fallback: the Repository interface over Maps, for when IndexedDB cannot be
 * used. Same rules as the IndexedDB version (append-only log, undo only the latest grade,
 * validated imports with a snapshot first); records are copied in and out, as IndexedDB does.
 */
import { SNAPSHOTS_KEPT, type ImportResult } from './backup.ts';
import { StoreClosedError, UndoError } from './errors.ts';
import type { FallbackReason, Repository } from './repository.ts';
import type { LogQuery } from './reviews.ts';
import type { Snapshot } from './schema.ts';
import { SRS_SETTINGS_KEY } from './settings.ts';
import { diffBackup, toBackupFile, validateBackup } from '../srs/backup.ts';
import { splitRetired } from '../srs/retired.ts';
import { normalizeSettings } from '../srs/settings.ts';
import type { ProgressData, ReviewLogEntry, Schedule, UserDeck } from '../srs/types.ts';

const copy = <T>(v: T): T => structuredClone(v);

export function memoryRepository(fallback: Repository['fallback'] = null): Repository {
  const schedules = new Map<string, Schedule>();
  const log = new Map<string, ReviewLogEntry>();
  const settings = new Map<string, unknown>();
  const decks = new Map<string, UserDeck>();
  const snapshots = new Map<number, Snapshot>();
  let nextSnapshot = 1;
  let closed = false;

  /** Async like the real thing, and refusing work after close(). */
  const op = async <T>(fn: () => T): Promise<T> => {
    await Promise.resolve();
    if (closed) throw new StoreClosedError();
    return fn();
  };
  const sortedLog = () => [...log.values()].sort((a, b) => a.reviewedAt - b.reviewedAt);
  /** The entries `getLog(q)` returns (used by countLog). */
  const matching = (q: LogQuery) =>
    sortedLog().filter(
      (e) =>
        (q.cardId === undefined || e.cardId === q.cardId) &&
        (q.since === undefined || e.reviewedAt >= q.since) &&
        (q.until === undefined || e.reviewedAt < q.until),
    );
  const current = (): ProgressData => ({
    schedules: copy([...schedules.values()]),
    log: copy(sortedLog()),
    settings: copy(Object.fromEntries(settings)),
    decks: copy([...decks.values()]),
  });
  const reserved = (key: string) => {
    if (key === SRS_SETTINGS_KEY) throw new Error(`"${key}" is reserved for study settings`);
  };

  const repo: Repository = {
    kind: 'memory',
    persistent: false,
    fallback,
    getSchedules: () => op(() => copy([...schedules.values()])),
    getSchedule: (id) => op(() => copy(schedules.get(id))),
    getProgress: (live) => op(() => splitRetired(copy([...schedules.values()]), live)),
    resetSchedules: (ids) => op(() => void ids.forEach((id) => schedules.delete(id))),
    saveReview: ({ schedule, log: entry }) =>
      op(() => {
        if (schedule.cardId !== entry.cardId) throw new Error('schedule and log entry are for different cards');
        if (log.has(entry.id)) throw new DOMException(`log entry ${entry.id} already exists`, 'ConstraintError');
        const stored = schedules.get(schedule.cardId);
        const last = stored?.lastReview ?? null;
        const tie = () => [...log.values()].every((e) => e.cardId !== entry.cardId || e.reviewedAt !== entry.reviewedAt || e.id <= entry.id);
        // Same rule as IndexedDB (reviews.ts isNewest): the schedule follows the newest grade.
        if (last === null || last < entry.reviewedAt || (last === entry.reviewedAt && tie())) schedules.set(schedule.cardId, copy(schedule));
        log.set(entry.id, copy(entry));
      }),
    undoReview: (id) =>
      op(() => {
        const entry = log.get(id);
        if (!entry) throw new UndoError('not-found', id);
        for (const e of log.values()) if (e.cardId === entry.cardId && e.reviewedAt > entry.reviewedAt) throw new UndoError('not-latest', id);
        const previous = entry.before ? { cardId: entry.cardId, ...copy(entry.before) } : null;
        if (previous) schedules.set(entry.cardId, previous);
        else schedules.delete(entry.cardId);
        log.delete(id);
        return copy(previous);
      }),
    getLog: (q = {}) =>
      op(() =>
        copy(
          sortedLog().filter(
            (e) =>
              (q.cardId === undefined || e.cardId === q.cardId) &&
              (q.since === undefined || e.reviewedAt >= q.since) &&
              (q.until === undefined || e.reviewedAt < q.until),
          ),
        ),
      ),
    countLog: (q = {}) => op(() => matching(q).length),
    getSettings: () => op(() => normalizeSettings(settings.get(SRS_SETTINGS_KEY))),
    saveSettings: (s) =>
      op(() => {
        const value = normalizeSettings(s);
        settings.set(SRS_SETTINGS_KEY, copy(value));
        return value;
      }),
    getPreference: <T>(key: string) =>
      op(() => {
        reserved(key);
        return copy(settings.get(key)) as T | undefined;
      }),
    setPreference: (key, value) =>
      op(() => {
        reserved(key);
        settings.set(key, copy(value));
      }),
    getDecks: () => op(() => copy([...decks.values()])),
    getDeck: (id) => op(() => copy(decks.get(id))),
    saveDeck: (d) => op(() => void decks.set(d.id, copy(d))),
    deleteDeck: (id) => op(() => void decks.delete(id)),
    exportBackup: (now) => op(() => toBackupFile(current(), now)),
    previewImport: (input) =>
      op(() => {
        const v = validateBackup(input);
        if (!v.ok) return v;
        return {
          ok: true as const,
          diff: diffBackup(current(), v.data, v.hasDecks),
          exportedAt: v.exportedAt,
          counts: { schedules: v.data.schedules.length, log: v.data.log.length, decks: v.hasDecks ? v.data.decks.length : null },
          repairs: v.repairs,
        };
      }),
    importBackup: (input, now) => op(() => importNow(input, now)),
    listSnapshots: () =>
      op(() =>
        [...snapshots.values()]
          .sort((a, b) => b.takenAt - a.takenAt || (b.id as number) - (a.id as number))
          .map((s) => ({ id: s.id as number, takenAt: s.takenAt, reason: s.reason, counts: { schedules: s.backup.schedules.length, log: s.backup.log.length } })),
      ),
    restoreSnapshot: (id, now) =>
      op(() => {
        const snap = snapshots.get(id);
        return snap ? importNow(copy(snap.backup), now) : { ok: false as const, errors: [{ path: '', message: `no snapshot ${id}` }] };
      }),
    clearAll: () =>
      op(() => {
        schedules.clear();
        log.clear();
        settings.clear();
        decks.clear();
      }),
    close: () => {
      closed = true;
    },
  };

  function importNow(input: unknown, now: Date): ImportResult {
    const v = validateBackup(input);
    if (!v.ok) return v;
    const before = current();
    const snapshotId = nextSnapshot++;
    snapshots.set(snapshotId, { id: snapshotId, takenAt: now.getTime(), reason: 'pre-import', backup: toBackupFile(before, now) });
    for (const id of [...snapshots.keys()].sort((a, b) => a - b).slice(0, Math.max(0, snapshots.size - SNAPSHOTS_KEPT))) snapshots.delete(id);
    schedules.clear();
    log.clear();
    settings.clear();
    for (const s of v.data.schedules) schedules.set(s.cardId, s);
    for (const e of v.data.log) log.set(e.id, e);
    for (const [k, val] of Object.entries(v.data.settings)) settings.set(k, val);
    if (v.hasDecks) {
      decks.clear();
      for (const d of v.data.decks) decks.set(d.id, d);
    }
    return { ok: true, diff: diffBackup(before, v.data, v.hasDecks), snapshotId };
  }

  return repo;
}

export type { FallbackReason };
