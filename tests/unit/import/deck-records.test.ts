import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, type UserDeck } from '../../../src/lib/srs/index.ts';
import { idbRepository, memoryRepository, openDeckhandDB, type Repository } from '../../../src/lib/store/index.ts';
import { countReviewed, deckHistoryIds, deleteDeckWithHistory, rememberRetired, retiredKey, saveDecks } from '../../../src/ui/import/deck-records.ts';
import { cards } from './sample-cards.ts';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const now = new Date('2025-05-01T09:00:00Z');

function userDeck(id: string, cardIds: string[], name = id): UserDeck {
  return {
    id,
    name,
    file: `${id}.md`,
    sourceText: `# ${name}\n`,
    importedAt: now.getTime(),
    cards: cardIds.map((cardId, i) => ({ ...cards[i % cards.length]!, id: cardId, deck: id })),
  };
}

async function review(repo: Repository, cardId: string) {
  const result = createScheduler().grade({ cardId, schedule: null, rating: 3, now, newId: uuid });
  await repo.saveReview(result);
}

const repositories: Array<[string, () => Promise<Repository>]> = [
  ['IndexedDB', async () => idbRepository(await openDeckhandDB())],
  ['memory', async () => memoryRepository()],
];

describe.each(repositories)('saved decks in %s', (_name, open) => {
  let repo: Repository;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    repo = await open();
  });

  it('saves several decks of one import together', async () => {
    await saveDecks(repo, [userDeck('a', ['a1']), userDeck('b', ['b1', 'b2'])]);
    expect((await repo.getDecks()).map((d) => d.id).sort()).toEqual(['a', 'b']);
  });

  it('saves nothing when one deck of the import cannot be stored', async () => {
    const before = userDeck('a', ['a1'], 'version one');
    await repo.saveDeck(before);
    const broken = userDeck('c', ['c1']);
    // A function cannot be stored (DataCloneError), as a quota error would fail the write.
    (broken.cards[0] as unknown as { bad: () => void }).bad = () => {};
    const attempt = saveDecks(repo, [userDeck('a', ['a1', 'a2'], 'version two'), userDeck('b', ['b1']), broken]);
    await expect(attempt).rejects.toThrow();
    expect(await repo.getDecks()).toEqual([before]);
  });

  it('deletes a deck with its review history, leaving other decks and progress alone', async () => {
    await saveDecks(repo, [userDeck('a', ['a1', 'a2']), userDeck('b', ['b1'])]);
    for (const id of ['a1', 'a2', 'b1', 'docker~command~docker-ps']) await review(repo, id);
    expect(await countReviewed(repo, ['a1', 'a2', 'a3'])).toBe(2);

    await deleteDeckWithHistory(repo, 'a', ['a1', 'a2'], now);

    expect((await repo.getDecks()).map((d) => d.id)).toEqual(['b']);
    expect((await repo.getSchedules()).map((s) => s.cardId).sort()).toEqual(['b1', 'docker~command~docker-ps']);
    expect((await repo.getLog()).map((e) => e.cardId).sort()).toEqual(['b1', 'docker~command~docker-ps']);
  });

  it('remembers ids a re-import retired, and deletes their history with the deck', async () => {
    await saveDecks(repo, [userDeck('a', ['a1', 'a2'])]);
    for (const id of ['a1', 'a2']) await review(repo, id);
    // Version two of the note: a2's key changed, so a2 retired and a3 arrived.
    const v2 = userDeck('a', ['a1', 'a3']);
    await saveDecks(repo, [v2]);
    await rememberRetired(repo, 'a', ['a2']);
    await rememberRetired(repo, 'a', ['a2']);
    expect(await repo.getPreference(retiredKey('a'))).toEqual(['a2']);
    expect((await deckHistoryIds(repo, v2)).sort()).toEqual(['a1', 'a2', 'a3']);

    await deleteDeckWithHistory(repo, 'a', await deckHistoryIds(repo, v2), now);
    expect(await repo.getSchedules()).toEqual([]);
    expect(await repo.getPreference(retiredKey('a'))).toBeUndefined();
  });

  it('keeps review history when only the deck is deleted, so a re-import brings it back', async () => {
    await saveDecks(repo, [userDeck('a', ['a1'])]);
    await review(repo, 'a1');
    await repo.deleteDeck('a');
    expect(await repo.getDecks()).toEqual([]);
    expect(await countReviewed(repo, ['a1'])).toBe(1);
    expect(await repo.getLog({ cardId: 'a1' })).toHaveLength(1);
  });
});
