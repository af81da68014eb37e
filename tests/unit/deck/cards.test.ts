/**
 * Every bundled card is complete in both languages, indexes without a warning, and has an id
 * no other card shares. Command, flag and compare cards carry what their kind promises.
 */
import { describe, expect, it } from 'vitest';
import { loadDeck, where } from './deck.ts';

const { cards, warnings } = loadDeck();

describe('bundled deck: shape of every card', () => {
  it('indexes content/ without a single warning', () => {
    expect(warnings).toEqual([]);
  });

  it('every card has a zh and an en title and body', () => {
    const problems: string[] = [];
    for (const card of cards) {
      for (const lang of ['zh', 'en']) {
        const t = card.text[lang];
        if (!t?.title.trim()) problems.push(`${where(card)}: no ${lang} title`);
        if (!t?.body.trim()) problems.push(`${where(card)}: no ${lang} body`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('zh text is Chinese and en text is not', () => {
    const han = /\p{Script=Han}/u;
    const problems = cards.flatMap((card) => {
      const zh = card.text.zh, en = card.text.en;
      const out: string[] = [];
      if (zh && !han.test(zh.title + zh.body)) out.push(`${where(card)}: zh text has no Chinese`);
      if (en && han.test(en.title + en.body)) out.push(`${where(card)}: en text contains Chinese`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('ids are unique', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const card of cards) {
      const other = seen.get(card.id);
      if (other) clashes.push(`${card.id}: ${other} and ${where(card)}`);
      seen.set(card.id, where(card));
    }
    expect(clashes).toEqual([]);
  });

  it('every card belongs to the docker deck and has a topic', () => {
    const problems = cards
      .filter((c) => c.deck !== 'docker' || !c.tags[0])
      .map((c) => `${where(c)}: deck=${c.deck} topic=${c.tags[0] ?? '(none)'}`);
    expect(problems).toEqual([]);
  });

  it('command and flag cards have a runnable example', () => {
    const problems = cards
      .filter((c) => (c.kind === 'command' || c.kind === 'flag') && !c.command?.trim())
      .map(where);
    expect(problems).toEqual([]);
  });

  it('compare cards name two or more items and say what each side is in zh and en', () => {
    const problems: string[] = [];
    for (const card of cards.filter((c) => c.kind === 'compare')) {
      const items = card.items ?? [];
      if (items.length < 2) problems.push(`${where(card)}: ${items.length} items`);
      for (const lang of ['zh', 'en']) {
        const sides = card.sides?.[lang] ?? [];
        if (sides.length !== items.length || sides.some((s) => !s.trim())) {
          problems.push(`${where(card)}: ${lang} sides ${JSON.stringify(sides)} for items ${JSON.stringify(items)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // "docker run -v mydata:/data" is typed as an answer: its example must show that same value, or
  // the card asks for one thing and shows another.
  it('a flag card whose key names a value shows that value in its main example', () => {
    const problems = cards
      .filter((c) => c.kind === 'flag' && c.flag)
      .flatMap((c) => {
        const words = c.key.split(' ');
        const value = words.slice(words.indexOf(c.flag!) + 1).join(' ');
        return value && !(c.command ?? '').includes(value) ? [`${where(c)}: example "${c.command}" lacks "${value}"`] : [];
      });
    expect(problems).toEqual([]);
  });
});
