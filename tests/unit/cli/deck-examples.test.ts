/**
 * Every example command in the bundled deck (read from content/ at run time, so cards added
 * later are checked too) explains with no unknown part, and the deck's flag cards are the
 * meanings its examples show.
 */
import { describe, expect, it } from 'vitest';
import { explainLine } from '../../../src/lib/cli/explain.ts';
import { Meanings } from '../../../src/lib/cli/meaning.ts';
import { loadDeck, where } from '../deck/deck.ts';
import { cat, summarise } from './summary.ts';

const { cards } = loadDeck();
const examples = cards.flatMap((card) => [card.command, ...(card.examples ?? [])].filter((c): c is string => !!c).map((line) => ({ card, line })));
const meanings = new Meanings(cat, cards);

describe('the bundled deck explained', () => {
  it('has Docker example commands to explain', () => {
    const docker = examples.filter((e) => explainLine(cat, e.line).docker.length > 0);
    expect(docker.length).toBeGreaterThan(300);
  });

  it('every example command explains with no unknown part (legacy flags are only noted)', () => {
    const problems: string[] = [];
    for (const { card, line } of examples) {
      for (const c of explainLine(cat, line).docker) {
        for (const p of c.parts) {
          const bad = (p.problems ?? []).filter((pr) => pr.code !== 'deprecated');
          if (bad.length) problems.push(`${where(card)}: "${line}" → ${summarise(p)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("a flag card's own example shows that card (or a card on the same flag) as the flag's meaning", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const card of cards) {
      if (card.kind !== 'flag' || !card.command || !card.flag || /^-[A-Za-z]{2,}$/.test(card.flag)) continue;
      const spellings = new Set([card.flag, ...(card.aliases ?? [])].map((f) => f.split('=')[0]!));
      for (const c of explainLine(cat, card.command).docker) {
        for (const p of c.parts) {
          if (p.role !== 'option' || !p.flag || !spellings.has(p.flag)) continue;
          checked++;
          const shown = meanings.of(p, 'en')?.card;
          const same = shown && [shown.flag, ...(shown.aliases ?? [])].some((f) => f && spellings.has(f.split('=')[0]!));
          if (!same) problems.push(`${where(card)}: ${p.text} shows ${shown ? where(shown) : 'no card'}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
