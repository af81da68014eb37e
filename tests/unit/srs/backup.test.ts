import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createScheduler,
  DEFAULT_SETTINGS,
  diffBackup,
  toBackupFile,
  validateBackup,
  type ProgressData,
  type Schedule,
} from '../../../src/lib/srs/index.ts';
import { saveImage } from './fixtures.ts';

const fixture = () => JSON.parse(readFileSync(new URL('../../fixtures/store/backup-v1.json', import.meta.url), 'utf8')) as Record<string, any>;
const exportedAt = new Date('2025-02-05T10:00:00.000Z');

function sampleData(): ProgressData {
  const s = createScheduler();
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const a = s.grade({ cardId: 'docker-a', schedule: null, rating: 3, now: new Date('2025-02-01T08:00:00Z'), newId, prompt: 'typed-command' });
  const a2 = s.grade({ cardId: 'docker-a', schedule: a.schedule, rating: 4, now: new Date('2025-02-02T08:00:00Z'), newId, durationMs: 1234 });
  const b = s.grade({ cardId: 'docker-b', schedule: null, rating: 1, now: new Date('2025-02-03T08:00:00Z'), newId });
  return {
    schedules: [a2.schedule, b.schedule],
    log: [a.log, a2.log, b.log],
    settings: { srs: { ...DEFAULT_SETTINGS, newPerDay: 10 }, theme: 'dark' },
    decks: [{ id: 'mine', name: 'Mine', file: 'mine.md', sourceText: '# Images\n', importedAt: Date.parse('2025-01-31T08:00:00Z'), cards: [saveImage] }],
  };
}

function errorsOf(doc: unknown) {
  const r = validateBackup(doc);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.errors;
}

describe('backup file', () => {
  it('round-trips through JSON text to identical data', () => {
    const data = sampleData();
    const text = JSON.stringify(toBackupFile(data, exportedAt));
    const back = validateBackup(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.data).toStrictEqual(data);
    expect(back.exportedAt).toBe(exportedAt.getTime());
  });

  it('writes times exactly as toISOString does', () => {
    const base = sampleData().log[0]!;
    const times = [Date.parse('2025-01-02T03:04:05.006Z'), Date.parse('2025-12-31T23:59:59.999Z'), Date.parse('2030-06-15T10:20:30.040Z'), Date.parse('2000-01-01T00:00:00.000Z')];
    const file = toBackupFile({ schedules: [], log: times.map((t, i) => ({ ...base, id: `${base.id.slice(0, -1)}${i}`, reviewedAt: t, due: t + 1 })), settings: {}, decks: [] }, exportedAt);
    expect(file.log.map((e) => e.reviewedAt)).toEqual(times.map((t) => new Date(t).toISOString()));
    expect(file.log.map((e) => e.due)).toEqual(times.map((t) => new Date(t + 1).toISOString()));
  });

  it('reads a version-1 file made earlier', () => {
    const r = validateBackup(fixture());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.schedules.map((s) => s.cardId).sort()).toEqual(['docker-command-docker-save', 'docker-flag-docker-run-P']);
    expect(r.data.log).toHaveLength(5);
    expect(r.data.log[0]!.reviewedAt).toBe(Date.parse('2025-02-01T09:15:00.000Z'));
    expect(r.data.decks[0]!.cards[0]!.key).toBe('docker volume ls');
    expect(r.hasDecks).toBe(true);
  });

  it('refuses what is not a Deckhand backup, or one from a newer app', () => {
    expect(errorsOf('{not json')[0]!.message).toMatch(/not valid JSON/);
    expect(errorsOf({ format: 'anki', version: 1 })[0]).toMatchObject({ path: 'format' });
    expect(errorsOf({ ...fixture(), version: 2 })[0]!.message).toMatch(/newer Deckhand/);
    expect(errorsOf([])[0]!.path).toBe('');
  });

  it('points at each bad field precisely', () => {
    const doc = fixture();
    doc.log[1].rating = 5;
    doc.log[2].reviewedAt = 'yesterday';
    doc.log[3].id = 'not-a-uuid';
    doc.schedules[0].lapses = 9;
    doc.schedules[1].cardId = 'has space';
    doc.settings.srs.newPerDay = -1;
    doc.decks[0].cards[0].kind = 'recipe';
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['log[1].rating', 'log[2].reviewedAt', 'log[3].id', 'schedules[0].lapses', 'schedules[1].cardId', 'settings.srs.newPerDay', 'decks[0].cards[0].kind']),
    );
    expect(errorsOf(doc).find((e) => e.path === 'log[1].rating')!.message).toMatch(/got 5/);
  });

  it('refuses duplicates and reviews dated after the export', () => {
    const doc = fixture();
    doc.log[4].id = doc.log[0].id;
    doc.schedules[1].cardId = doc.schedules[0].cardId;
    doc.log[2].reviewedAt = '2025-03-01T00:00:00.000Z';
    const errors = errorsOf(doc);
    expect(errors).toContainEqual({ path: 'log[4].id', message: expect.stringMatching(/duplicate/) });
    expect(errors).toContainEqual({ path: 'schedules[1].cardId', message: expect.stringMatching(/duplicate/) });
    expect(errors).toContainEqual({ path: 'log[2].reviewedAt', message: expect.stringMatching(/after the backup/) });
  });

  it('caps a flood of errors with a count of the rest', () => {
    const doc = fixture();
    doc.log = Array.from({ length: 80 }, () => ({ ...doc.log[0], rating: 0 }));
    const errors = errorsOf(doc);
    expect(errors.length).toBeLessThanOrEqual(51);
    expect(errors.at(-1)!.message).toMatch(/more problems/);
  });

  it('treats decks as optional (progress-only backup)', () => {
    const { decks: _d, ...doc } = fixture();
    const r = validateBackup(doc);
    expect(r.ok && r.hasDecks).toBe(false);
  });
});

describe('diffBackup', () => {
  it('says which cards, log entries, settings and decks an import would change', () => {
    const current = sampleData();
    const incoming = structuredClone(current);
    const changed: Schedule = { ...incoming.schedules[0]!, reps: 9 };
    incoming.schedules = [changed, { ...changed, cardId: 'docker-new' }]; // docker-b dropped
    incoming.log = [...incoming.log.slice(1), { ...incoming.log[0]!, id: '00000000-0000-4000-8000-0000000000ff' }];
    incoming.settings = { srs: current.settings.srs, theme: 'light', lang: 'en' };
    const d = diffBackup(current, incoming);
    expect(d.schedules).toEqual({ added: ['docker-new'], changed: ['docker-a'], removed: ['docker-b'], unchanged: 0 });
    expect(d.log).toEqual({ added: 1, removed: 1, unchanged: 2 });
    expect(d.settingsChanged).toEqual(['lang', 'theme']);
    expect(d.decks).toEqual({ added: [], changed: [], removed: [], unchanged: 1 });
    expect(diffBackup(current, incoming, false).decks).toBeNull();
  });

  it('sees no change when the same data is imported again (key order does not matter)', () => {
    const current = sampleData();
    const reordered = structuredClone(current);
    reordered.schedules = reordered.schedules.map((s) => Object.fromEntries(Object.entries(s).reverse()) as unknown as Schedule);
    const d = diffBackup(current, reordered);
    expect(d.schedules.unchanged).toBe(2);
    expect(d.schedules.changed).toEqual([]);
    expect(d.settingsChanged).toEqual([]);
  });
});
