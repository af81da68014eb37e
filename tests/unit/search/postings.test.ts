import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { Cls, visitFields } from '../../../src/lib/search/fields.ts';
import { KIND_FLAG, KIND_GRAM, KIND_WORD, Postings, type TokenKind } from '../../../src/lib/search/postings.ts';
import { TOK_CJK, TOK_FLAG, bigrams, fold, scan } from '../../../src/lib/search/text.ts';
import { syntheticDeck } from '../../fixtures/search/synthetic.ts';

/** What the index should hold, computed the slow, obvious way: token → card → best class. */
function expected(cards: readonly Card[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const note = (kind: TokenKind, token: string, ord: number, cls: number) => {
    const key = `${kind}:${token}`;
    const byCard = out.get(key) ?? new Map<number, number>();
    byCard.set(ord, Math.min(cls, byCard.get(ord) ?? 99));
    out.set(key, byCard);
  };
  cards.forEach((card, ord) => {
    visitFields(card, (cls, _f, text) => {
      if (cls === Cls.Items) return; // items repeat the key (the index skips them)
      const folded = fold(text);
      scan(text, (kind, start, end) => {
        const t = text.slice(start, end);
        if (kind === TOK_FLAG) note(KIND_FLAG, t, ord, cls);
        else if (kind === TOK_CJK) {
          for (const g of bigrams(t)) note(KIND_GRAM, g, ord, cls);
          if (cls <= Cls.Tags || t.length === 1) for (const ch of t) note(KIND_GRAM, ch, ord, cls);
        } else if (end - start > 1) {
          const w = folded.slice(start, end);
          note(KIND_WORD, w, ord, cls);
          if (w.includes('-')) note(KIND_WORD, w.replace(/-/g, ''), ord, cls);
        }
      });
    });
  });
  return out;
}

function actual(p: Postings, kind: TokenKind, token: string): Map<number, number> {
  const byCard = new Map<number, number>();
  for (const r of p.find(kind, token)) {
    for (let i = r.start; i < r.end; i++) {
      const ord = r.post[i]! >>> 3;
      byCard.set(ord, Math.min(r.post[i]! & 7, byCard.get(ord) ?? 99));
    }
  }
  return byCard;
}

describe('the inverted index', () => {
  it('finds every token of every card, in exactly the cards that have it, with the best field', () => {
    const cards = syntheticDeck(400, 3);
    const p = new Postings(cards);
    const want = expected(cards);
    expect(want.size).toBeGreaterThan(1000);
    for (const [key, byCard] of want) {
      const [kind, ...rest] = key.split(':');
      expect(actual(p, Number(kind) as TokenKind, rest.join(':')), key).toEqual(byCard);
    }
  });

  it('finds nothing for tokens no card has', () => {
    const p = new Postings(syntheticDeck(200, 5));
    fc.assert(
      fc.property(fc.stringMatching(/^[qxz]{3,8}[0-9]{2}$/), (token) => {
        expect(p.find(KIND_WORD, token)).toEqual([]);
      }),
    );
  });

  it('keeps -p and -P apart', () => {
    const cards = syntheticDeck(300, 9);
    const p = new Postings(cards);
    for (const flag of ['-p', '-P']) {
      for (const [ord] of actual(p, KIND_FLAG, flag)) {
        let has = false;
        visitFields(cards[ord]!, (_c, _f, text) => scan(text, (k, s, e) => (has ||= k === TOK_FLAG && text.slice(s, e) === flag)));
        expect(has).toBe(true);
      }
    }
  });
});
