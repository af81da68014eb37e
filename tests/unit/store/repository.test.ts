/**
 * One behaviour suite, run against both implementations of Repository: IndexedDB (through
 * fake-indexeddb) and the in-memory fallback. The UI must not be able to tell them apart.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRepository, openRepository, StoreClosedError, UndoError, type Repository } from '../../../src/lib/store/index.ts';
import { DEFAULT_SETTINGS, validateBackup } from '../../../src/lib/srs/index.ts';
import { freshIndexedDB, twoReviews } from './helpers.ts';
import { saveImage } from '../srs/fixtures.ts';

const now = new Date('2025-03-05T12:00:00.000Z');
const deck = { id: 'my-notes', name: 'My notes', file: 'my-notes.md', sourceText: '# Images\n', importedAt: Date.parse('2025-03-01T00:00:00Z'), cards: [saveImage] };

const implementations: [string, () => Promise<Repository>][] = [
  ['indexeddb', () => openRepository({ name: 'test' })],
  ['memory', async () => memoryRepository()],
];

describe.each(implementations)('%s repository', (kind, open) => {
  let repo: Repository;
  beforeEach(async () => {
    freshIndexedDB();
    repo = await open();
    expect(repo.kind).toBe(kind);
  });

  it('saves a grade as schedule + log entry', async () => {
    const { first, second } = twoReviews('docker-save');
    await repo.saveReview(first);
    await repo.saveReview(second);
    expect(await repo.getSchedule('docker-save')).toEqual(second.schedule);
    expect(await repo.getSchedules()).toEqual([second.schedule]);
    expect(await repo.getLog()).toEqual([first.log, second.log]);
    expect(await repo.getLog({ cardId: 'docker-save' })).toEqual([first.log, second.log]);
  });

  it('writes neither the schedule nor the log entry when one of them fails', async () => {
    const { first, second } = twoReviews('docker-save');
    await repo.saveReview(first);
    const clash = { schedule: second.schedule, log: { ...second.log, id: first.log.id } }; // log keys are append-only
    await expect(repo.saveReview(clash)).rejects.toThrow();
    expect(await repo.getSchedule('docker-save')).toEqual(first.schedule);
    expect(await repo.getLog()).toEqual([first.log]);
  });

  it('refuses a schedule and log entry for different cards', async () => {
    const { first } = twoReviews('a');
    await expect(repo.saveReview({ schedule: first.schedule, log: { ...first.log, cardId: 'b' } })).rejects.toThrow(/different cards/);
  });

  it('undoes the latest grade exactly, and a first grade back to new', async () => {
    const { first, second } = twoReviews('docker-save');
    await repo.saveReview(first);
    await repo.saveReview(second);
    expect(await repo.undoReview(second.log.id)).toEqual(first.schedule);
    expect(await repo.getSchedule('docker-save')).toEqual(first.schedule);
    expect(await repo.undoReview(first.log.id)).toBeNull();
    expect(await repo.getSchedule('docker-save')).toBeUndefined();
    expect(await repo.getLog()).toEqual([]);
  });

  it('only undoes the latest grade of a card', async () => {
    const { first, second } = twoReviews('docker-save');
    await repo.saveReview(first);
    await repo.saveReview(second);
    await expect(repo.undoReview(first.log.id)).rejects.toMatchObject({ reason: 'not-latest' });
    await expect(repo.undoReview('00000000-0000-4000-8000-999999999999')).rejects.toBeInstanceOf(UndoError);
    expect(await repo.getLog()).toHaveLength(2);
    expect(await repo.getSchedule('docker-save')).toEqual(second.schedule);
  });

  it('reads the log by time range, oldest first', async () => {
    const a = twoReviews('a', Date.parse('2025-03-01T08:00:00Z'));
    const b = twoReviews('b', Date.parse('2025-03-01T09:00:00Z'));
    for (const r of [b.second, a.first, b.first, a.second]) await repo.saveReview(r);
    const all = await repo.getLog();
    expect(all.map((e) => e.reviewedAt)).toEqual([...all.map((e) => e.reviewedAt)].sort((x, y) => x - y));
    const day2 = await repo.getLog({ since: Date.parse('2025-03-02T00:00:00Z'), until: Date.parse('2025-03-02T08:30:00Z') });
    expect(day2).toEqual([a.second.log]);
    expect(await repo.getLog({ cardId: 'b', since: Date.parse('2025-03-02T00:00:00Z') })).toEqual([b.second.log]);
  });

  it('keeps progress of cards that left the content, and brings it back when they return', async () => {
    const { first } = twoReviews('old-card');
    const other = twoReviews('kept-card').first;
    await repo.saveReview(first);
    await repo.saveReview(other);
    const without = await repo.getProgress(['kept-card', 'brand-new']);
    expect(without.active.map((s) => s.cardId)).toEqual(['kept-card']);
    expect(without.retired).toEqual([first.schedule]);
    const back = await repo.getProgress(new Set(['kept-card', 'old-card']));
    expect(back.retired).toEqual([]);
    expect(back.active).toContainEqual(first.schedule);
    expect(await repo.getLog({ cardId: 'old-card' })).toEqual([first.log]);
  });

  it('stores study settings normalised, and UI preferences beside them', async () => {
    expect(await repo.getSettings()).toEqual(DEFAULT_SETTINGS);
    const saved = await repo.saveSettings({ ...DEFAULT_SETTINGS, newPerDay: 7, dayStartHour: 99 });
    expect(saved.newPerDay).toBe(7);
    expect(saved.dayStartHour).toBe(DEFAULT_SETTINGS.dayStartHour);
    expect(await repo.getSettings()).toEqual(saved);
    await repo.setPreference('lang', 'zh');
    expect(await repo.getPreference('lang')).toBe('zh');
    expect(await repo.getPreference('theme')).toBeUndefined();
    await expect(repo.setPreference('srs', {})).rejects.toThrow(/reserved/);
  });

  it('adds, replaces and deletes user decks without touching progress', async () => {
    await repo.saveDeck(deck);
    expect(await repo.getDecks()).toEqual([deck]);
    await repo.saveDeck({ ...deck, name: 'Renamed' });
    expect((await repo.getDeck('my-notes'))?.name).toBe('Renamed');
    await repo.saveReview(twoReviews(saveImage.id).first);
    await repo.deleteDeck('my-notes');
    expect(await repo.getDecks()).toEqual([]);
    expect(await repo.getSchedules()).toHaveLength(1);
  });

  it('round-trips export → wipe → import to identical data', async () => {
    const a = twoReviews('a');
    await repo.saveReview(a.first);
    await repo.saveReview(a.second);
    await repo.saveReview(twoReviews('b').first);
    await repo.saveSettings({ newPerDay: 12 });
    await repo.setPreference('lang', 'zh');
    await repo.saveDeck(deck);
    const before = { s: await repo.getSchedules(), l: await repo.getLog(), set: await repo.getSettings(), lang: await repo.getPreference('lang'), d: await repo.getDecks() };

    const file = await repo.exportBackup(now);
    const text = JSON.stringify(file);
    await repo.clearAll();
    expect(await repo.getSchedules()).toEqual([]);
    const result = await repo.importBackup(text, now);
    expect(result.ok).toBe(true);

    const after = { s: await repo.getSchedules(), l: await repo.getLog(), set: await repo.getSettings(), lang: await repo.getPreference('lang'), d: await repo.getDecks() };
    expect(after).toStrictEqual(before);
    expect(JSON.stringify(await repo.exportBackup(now))).toBe(text);
  });

  it('shows what an import would change before changing anything', async () => {
    await repo.saveReview(twoReviews('a').first);
    const incoming = await repo.exportBackup(now);
    await repo.saveReview(twoReviews('b').first);
    const preview = await repo.previewImport(incoming);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.diff.schedules.removed).toEqual(['b']);
    expect(preview.diff.log).toEqual({ added: 0, removed: 1, unchanged: 1 });
    expect(await repo.getSchedules()).toHaveLength(2); // preview wrote nothing
  });

  it('refuses a bad file before anything is overwritten', async () => {
    const { first } = twoReviews('a');
    await repo.saveReview(first);
    const file = await repo.exportBackup(now);
    const bad = { ...file, schedules: [], log: [{ ...file.log[0], rating: 7 }] };
    const result = await repo.importBackup(bad, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('log[0].rating');
    expect(await repo.getSchedules()).toEqual([first.schedule]);
    expect(await repo.listSnapshots()).toEqual([]);
  });

  it('snapshots the data an import replaces, and can put it back', async () => {
    const { first } = twoReviews('mine');
    await repo.saveReview(first);
    const other = memoryRepository();
    await other.saveReview(twoReviews('theirs').first);
    const result = await repo.importBackup(await other.exportBackup(now), now);
    expect(result.ok).toBe(true);
    expect((await repo.getSchedules()).map((s) => s.cardId)).toEqual(['theirs']);

    const [snap] = await repo.listSnapshots();
    expect(snap).toMatchObject({ reason: 'pre-import', takenAt: now.getTime(), counts: { schedules: 1, log: 1 } });
    expect(result.ok && result.snapshotId).toBe(snap!.id);
    expect((await repo.restoreSnapshot(snap!.id, now)).ok).toBe(true);
    expect(await repo.getSchedules()).toEqual([first.schedule]);
    expect(await repo.getLog()).toEqual([first.log]);
  });

  it('keeps only the newest few snapshots', async () => {
    const file = await repo.exportBackup(now);
    for (let i = 0; i < 5; i++) await repo.importBackup(file, new Date(now.getTime() + i * 1000));
    const snaps = await repo.listSnapshots();
    expect(snaps).toHaveLength(3);
    expect(snaps.map((s) => s.takenAt)).toEqual([4, 3, 2].map((i) => now.getTime() + i * 1000));
  });

  it('leaves decks alone when a backup has none', async () => {
    await repo.saveDeck(deck);
    const { decks: _d, ...progressOnly } = await repo.exportBackup(now);
    expect(validateBackup(progressOnly).ok).toBe(true);
    await repo.clearAll();
    await repo.saveDeck(deck);
    const result = await repo.importBackup(progressOnly, now);
    expect(result.ok && result.diff.decks).toBeNull();
    expect(await repo.getDecks()).toEqual([deck]);
  });

  it('rejects with StoreClosedError once closed', async () => {
    repo.close();
    await expect(repo.getSchedules()).rejects.toBeInstanceOf(StoreClosedError);
  });
});
