/**
 * The order new cards are introduced in.
 *
 * Topics take turns (a first session is not one file's worth of a single topic). Confusable
 * pairs come as a group: a compare card together with the cards of its sides ("docker run -p",
 * "docker run -P", then "-p vs -P"), one group per round, so the pair people mix up is drilled
 * while both halves are fresh — not weeks later after its whole topic. A compare card whose
 * sides are not cards of their own stays at the end of its topic. Stable otherwise: content
 * order decides, and the order depends only on the cards, so a reload never reshuffles it.
 */
import type { Card } from '../notes/card.ts';

export function introductionOrder(cards: readonly Card[]): Card[] {
  const byKey = new Map<string, Card>();
  for (const card of cards) {
    if (card.kind === 'compare') continue;
    for (const key of [card.key, ...(card.aliases ?? [])]) {
      const k = keyOf(card.deck, key);
      if (!byKey.has(k)) byKey.set(k, card);
    }
  }

  /** Card id → the group that introduces it. */
  const claimed = new Map<string, number>();
  const groups: Card[][] = [];
  // The pairs a note marks as confusable (`- tags: compare`) come before the other comparisons
  // (and claim their sides first): a deck's curated pitfalls (-p/-P, rm/rmi) are what the first
  // days should drill.
  const compares = cards.filter((c) => c.kind === 'compare');
  for (const card of [...compares.filter(curated), ...compares.filter((c) => !curated(c))]) {
    const sides = (card.items ?? []).map((item) => byKey.get(keyOf(card.deck, item))).filter((c): c is Card => !!c);
    if (sides.length === 0) continue;
    const group = [...new Set(sides)].filter((side) => !claimed.has(side.id));
    if (group.length === 0) {
      // Both sides already come with other pairs: this one follows the later of them.
      const at = Math.max(...sides.map((side) => claimed.get(side.id)!));
      groups[at]!.push(card);
      claimed.set(card.id, at);
      continue;
    }
    for (const c of [...group, card]) claimed.set(c.id, groups.length);
    groups.push([...group, card]);
  }

  const byTopic = new Map<string, Card[]>();
  for (const card of cards) {
    if (claimed.has(card.id)) continue;
    const topic = card.tags[0] ?? '';
    const list = byTopic.get(topic) ?? [];
    list.push(card);
    byTopic.set(topic, list);
  }
  const lanes = [...byTopic.values()].map((list) => [...list.filter((c) => c.kind !== 'compare'), ...list.filter((c) => c.kind === 'compare')]);

  const out: Card[] = [];
  for (let round = 0; out.length < cards.length; round++) {
    out.push(...(groups[round] ?? []));
    for (const lane of lanes) {
      const card = lane[round];
      if (card) out.push(card);
    }
  }
  return out;
}

const curated = (compare: Card) => compare.tags.includes('compare');
const keyOf = (deck: string, key: string) => `${deck}\u0000${key.trim()}`;
