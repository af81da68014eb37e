/**
 * No two bundled cards teach the same thing twice: titles (en and zh) differ after normalising, and no
 * two bodies (same language) are near-copies by character-trigram Jaccard similarity.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { loadDeck, where } from './deck.ts';
import { jaccard, normaliseTitle, trigrams } from './similarity.ts';

const MAX_SIMILARITY = 0.8;

/** Pairs of cards whose bodies in `lang` are more alike than the threshold. */
function similarBodies(cards: Card[], lang: string): string[] {
  const grams = cards.map((c) => trigrams(c.text[lang]?.body ?? ''));
  const out: string[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const a = grams[i]!, b = grams[j]!;
      // Jaccard can never exceed min/max of the set sizes: skip pairs that cannot match.
      if (Math.min(a.size, b.size) / Math.max(a.size, b.size, 1) <= MAX_SIMILARITY) continue;
      const sim = jaccard(a, b);
      if (sim > MAX_SIMILARITY) out.push(`${sim.toFixed(2)} ${lang}: ${where(cards[i]!)} ~ ${where(cards[j]!)}`);
    }
  }
  return out;
}

describe('near-duplicate detection', () => {
  it('treats case, spacing and punctuation as the same title but keeps flag case', () => {
    expect(normaliseTitle('Publish  all ports.')).toBe(normaliseTitle('publish all ports'));
    expect(normaliseTitle('列出所有容器（包括已停止的）')).toBe(normaliseTitle('列出所有容器 包括已停止的'));
    expect(normaliseTitle('docker run -p')).not.toBe(normaliseTitle('docker run -P'));
  });

  it('scores identical text 1 and unrelated text near 0', () => {
    const a = trigrams('Removes every stopped container');
    expect(jaccard(a, trigrams('removes every stopped container'))).toBe(1);
    expect(jaccard(a, trigrams('Builds an image from a Dockerfile'))).toBeLessThan(0.2);
  });
});

describe('bundled deck: no near-duplicates', () => {
  const { cards } = loadDeck();

  // "Which command does this?" shows a title and asks for the card: two cards with one title
  // would make that question have two right answers, in whichever language it is asked.
  for (const lang of ['en', 'zh']) {
    it(`no two cards share a normalised ${lang} title`, () => {
      const seen = new Map<string, Card>();
      const clashes: string[] = [];
      for (const card of cards) {
        const t = normaliseTitle(card.text[lang]?.title ?? '');
        const other = seen.get(t);
        if (other) clashes.push(`"${t}": ${where(other)} and ${where(card)}`);
        else seen.set(t, card);
      }
      expect(clashes).toEqual([]);
    });
  }

  it(`no two cards have bodies more than ${MAX_SIMILARITY * 100}% alike (trigram Jaccard)`, () => {
    expect([...similarBodies(cards, 'en'), ...similarBodies(cards, 'zh')]).toEqual([]);
  });
});
