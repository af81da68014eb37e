import { describe, expect, it } from 'vitest';
import { cardId, deckSlug, indexNote } from '../../../src/lib/notes/index.ts';

describe('cardId', () => {
  it('is URL-safe and readable', () => {
    const id = cardId('docker', 'flag', 'docker run -p');
    expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(id).toMatch(/^docker-flag-docker-run-p-[a-z0-9]{6}$/);
  });

  it('tells flags apart by case', () => {
    expect(cardId('docker', 'flag', 'docker run -p')).not.toBe(cardId('docker', 'flag', 'docker run -P'));
  });

  it('depends on deck, kind and key only, deterministically', () => {
    const a = cardId('docker', 'command', 'docker ps');
    expect(cardId('docker', 'command', 'docker ps')).toBe(a);
    expect(cardId('docker', 'concept', 'docker ps')).not.toBe(a);
    expect(cardId('my-notes', 'command', 'docker ps')).not.toBe(a);
  });

  it('stays URL-safe for Chinese and symbol-only keys', () => {
    for (const key of ['数据卷', '$(docker ps -q)', '--', '   ']) {
      expect(cardId('笔记', 'concept', key)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(cardId('docker', 'concept', '数据卷')).not.toBe(cardId('docker', 'concept', '存储卷'));
  });
});

describe('deckSlug', () => {
  it('slugs a file or title', () => {
    expect(deckSlug('My Docker Notes.md')).toBe('my-docker-notes');
    expect(deckSlug('notes/sub/compose-tips.markdown')).toBe('compose-tips');
  });

  it('gives CJK names a non-empty slug, different per name', () => {
    const a = deckSlug('容器笔记');
    const b = deckSlug('镜像笔记');
    expect(a).toMatch(/^[a-z0-9-]+$/);
    expect(a).not.toBe(b);
    expect(deckSlug('Docker 基础知识')).toMatch(/^docker-[a-z0-9]+$/);
    expect(deckSlug('Docker 基础知识')).not.toBe(deckSlug('docker'));
  });
});

describe('deck id of an imported note', () => {
  const withDeck = (deck: string) => indexNote(`---\ndeck: ${deck}\n---\n\n# Notes\n\n\`\`\`sh\n# list containers\ndocker ps\n\`\`\`\n`, 'n.md');

  it('is a slug even when front matter names the deck in words; the words stay as its title', () => {
    const { meta } = withDeck('my docker notes');
    expect(meta.deck).toBe('my-docker-notes');
    expect(withDeck('Docker\tcheat sheet').meta.deck).toMatch(/^[a-z0-9-]+$/);
  });

  it('stays short and URL-safe for a very long name', () => {
    const { meta, cards } = withDeck('x'.repeat(150) + ' y'.repeat(60));
    expect(meta.deck).toMatch(/^[a-z0-9-]{1,60}$/);
    for (const c of cards) expect(c.deck).toBe(meta.deck);
  });

  it('keeps an already-slugged deck, such as the bundled one, unchanged', () => {
    expect(withDeck('docker').meta.deck).toBe('docker');
  });
});
