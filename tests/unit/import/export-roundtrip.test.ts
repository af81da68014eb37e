import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { deckToMarkdown } from '../../../src/lib/notes/export-markdown.ts';
import { indexNote } from '../../../src/lib/notes/index.ts';

/** What a user relies on surviving export → import: identity, what to type, and what it means. */
const essence = (card: Card) => ({
  id: card.id,
  kind: card.kind,
  key: card.key,
  command: card.command,
  flag: card.flag,
  items: card.items,
  text: card.text,
  topic: card.tags[0],
});

describe.each(['ops-notes.md', 'ops-notes-v2.md', 'zh-note.md', 'shell-snippets.txt', 'xss-note.md', '../../../content/images.md', '../../../content/dockerfile.md'])('exporting %s as Markdown and importing it again', (name) => {
  const original = indexNote(readFileSync(`tests/fixtures/import/${name}`, 'utf8'), name);
  const exported = deckToMarkdown({ id: original.meta.deck, name: original.meta.title ?? name, cards: original.cards });
  const again = indexNote(exported, `${original.meta.deck}.md`);

  it('lands on the same deck with the same card ids', () => {
    expect(original.cards.length).toBeGreaterThan(0);
    expect(again.meta.deck).toBe(original.meta.deck);
    expect(again.cards.map((c) => c.id).sort()).toEqual(original.cards.map((c) => c.id).sort());
  });

  it('keeps each card\'s kind, key, command, flag, items, text and topic', () => {
    const byId = new Map(again.cards.map((c) => [c.id, c]));
    for (const card of original.cards) expect(essence(byId.get(card.id)!)).toEqual(essence(card));
  });

  it('reads back without warnings', () => {
    expect(again.warnings).toEqual([]);
  });
});
