/**
 * Regression (issue 19, defect 3): the app's own backup must always restore. A note with
 * front matter `deck: my docker notes` (or a deck name over 200 characters, or with a tab)
 * used to be saved under that raw id, and restore then refused the whole backup — all
 * review history — with `decks[0].id expected a card id`.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexNote } from '../../../src/lib/notes/index.ts';
import { createScheduler, toBackupFile, validateBackup, type ProgressData, type UserDeck } from '../../../src/lib/srs/index.ts';
import { openRepository } from '../../../src/lib/store/index.ts';

const importedAt = Date.parse('2025-04-01T08:00:00Z');
const exportedAt = new Date('2025-04-03T08:00:00Z');

/** A small note in the shapes people write, named by front matter. */
function note(deck: string, title: string): string {
  return [
    '---',
    `deck: ${JSON.stringify(deck)}`,
    '---',
    `# ${title}`,
    '',
    '## docker ps',
    '',
    'List running containers.',
    '',
    '```sh',
    'docker ps -a',
    '```',
    '',
    '## docker logs -f',
    '',
    'Follow the log output.',
    '',
    '| | docker save | docker export |',
    '|---|---|---|',
    '| what | an image | a container |',
  ].join('\n');
}

/**
 * What the app stores for an imported note, with every card graded once. `earlier` indexes
 * the note the way versions before the fix did: the front-matter deck used as typed.
 */
function progressFor(text: string, file: string, rawDeck: string | undefined): { data: ProgressData; deck: UserDeck } {
  const r = indexNote(text, file, rawDeck === undefined ? {} : { deck: rawDeck });
  const deck: UserDeck = { id: r.meta.deck, name: r.meta.title ?? file, file, sourceText: text, importedAt, cards: r.cards };
  const s = createScheduler();
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const graded = r.cards.map((c, i) => s.grade({ cardId: c.id, schedule: null, rating: 3, now: new Date(importedAt + 3_600_000 * (i + 1)), newId }));
  return {
    data: { schedules: graded.map((g) => g.schedule), log: graded.map((g) => g.log), settings: { [`imports.retired.${deck.id}`]: [] }, decks: [deck] },
    deck,
  };
}

/** Deck names as people type them: spaces, tabs, CJK, punctuation, and names far too long. */
const deckName = fc.oneof(
  fc.constantFrom('my docker notes', 'ops\tnotes', 'Docker 笔记', ' padded ', 'a'.repeat(260), 'x y '.repeat(80), 'notes: 2024 / work', '   '),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 250 }),
);
const title = fc.constantFrom('Docker', 'Container notes', '容器笔记');

describe('any imported note\'s backup restores', () => {
  it('as the app imports notes now', () => {
    fc.assert(
      fc.property(deckName, title, (name, t) => {
        const { data } = progressFor(note(name, t), 'notes.md', undefined);
        const v = validateBackup(JSON.stringify(toBackupFile(data, exportedAt)));
        expect(v.ok ? [] : v.errors).toEqual([]);
        if (v.ok) expect(v.repairs).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('as earlier versions saved them: repaired, with history still on its cards', () => {
    fc.assert(
      fc.property(deckName, title, (name, t) => {
        const text = note(name, t);
        const { data } = progressFor(text, 'notes.md', name);
        const v = validateBackup(JSON.stringify(toBackupFile(data, exportedAt)));
        expect(v.ok ? [] : v.errors).toEqual([]);
        if (!v.ok) return;
        const [deck] = v.data.decks;
        const repaired = v.repairs.length > 0;
        // An id of the right shape was restorable all along and stays as it was.
        expect(deck!.id).toMatch(repaired ? /^[a-z0-9-]{1,60}$/ : /^\S{1,200}$/);
        const ids = new Set(deck!.cards.map((c) => c.id));
        expect(deck!.cards.every((c) => c.deck === deck!.id)).toBe(true);
        // Every graded card keeps its schedule and log, under the id re-indexing gives it.
        expect(v.data.schedules.every((s) => ids.has(s.cardId))).toBe(true);
        expect(v.data.log.every((e) => ids.has(e.cardId))).toBe(true);
        expect(v.data.log).toHaveLength(data.log.length);
        const again = indexNote(deck!.sourceText, deck!.file, { deck: deck!.id });
        expect(new Set(again.cards.map((c) => c.id))).toEqual(ids);
        expect(Object.keys(v.data.settings)).toEqual([`imports.retired.${deck!.id}`]);
        // …the id today's indexer gives the same note.
        if (repaired && name.trim()) expect(deck!.id).toBe(indexNote(text, 'notes.md').meta.deck);
      }),
      { numRuns: 120 },
    );
  });

  it('restores into storage a backup whose deck id has spaces, and says what it repaired', async () => {
    globalThis.indexedDB = new IDBFactory();
    const repo = await openRepository({ name: 'restore-repair' });
    const { data } = progressFor(note('my docker notes', 'Docker'), 'notes.md', 'my docker notes');
    const file = JSON.stringify(toBackupFile(data, exportedAt));
    const preview = await repo.previewImport(file);
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.repairs).toEqual([{ path: 'decks[0].id', message: 'deck id "my docker notes" repaired to "my-docker-notes"' }]);
    const result = await repo.importBackup(file, new Date());
    expect(result.ok).toBe(true);
    const [deck] = await repo.getDecks();
    expect(deck!.id).toBe('my-docker-notes');
    expect((await repo.getSchedules()).map((s) => s.cardId).sort()).toEqual(deck!.cards.map((c) => c.id).sort());
  });
});

describe('the app\'s own preference keys', () => {
  it('are refused with the exact path when they hold what the app cannot read back', () => {
    const { data } = progressFor(note('notes', 'Docker'), 'notes.md', undefined);
    const file = toBackupFile({ ...data, settings: { 'imports.retired.notes': 'oops', 'imports.indexedBy': 42, theme: 'dark' } }, exportedAt);
    const v = validateBackup(file);
    expect(v.ok ? [] : v.errors.map((e) => e.path).sort()).toEqual(['settings.imports.indexedBy', 'settings.imports.retired.notes']);
  });
});
