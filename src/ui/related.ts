import type { Card } from '../lib/notes/card.ts';

/** The command a card belongs to: "docker run -P" → "docker run"; compare cards → their items. */
export function commandOf(card: Card): string | undefined {
  if (card.kind === 'flag' && card.flag) return card.key.slice(0, card.key.indexOf(card.flag)).trim() || undefined;
  if (card.kind === 'command') return card.key;
  return undefined;
}

/**
 * Related cards: the same command family (its command card, sibling flags) and the compare
 * cards that name this card, each title once. Kept small so the card view stays readable on a phone.
 */
export function relatedCards(card: Card, cards: readonly Card[], limit = 8): Card[] {
  const family = commandOf(card);
  const scored: Array<{ card: Card; score: number }> = [];
  for (const other of cards) {
    if (other.id === card.id || other.deck !== card.deck) continue;
    let score = 0;
    if (other.kind === 'compare' && other.items?.some((item) => item === card.key || item === family)) score = 3;
    else if (card.kind === 'compare' && card.items?.includes(other.key)) score = 3;
    else if (family && other.key === family) score = 2;
    else if (family && commandOf(other) === family) score = 1;
    if (score > 0) scored.push({ card: other, score });
  }
  // Two cards with one title (an alias, a card repeated in a note) would read as the same line twice.
  const titles = new Set(Object.values(card.text).map((t) => t.title));
  const out: Card[] = [];
  for (const { card: other } of scored.sort((a, b) => b.score - a.score)) {
    const own = Object.values(other.text).map((t) => t.title);
    if (own.some((title) => titles.has(title))) continue;
    for (const title of own) titles.add(title);
    out.push(other);
    if (out.length === limit) break;
  }
  return out;
}
