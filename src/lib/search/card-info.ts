import type { Card } from '../notes/card.ts';
import { type CardField, cardFields } from './fields.ts';
import { parseQuery } from './query.ts';
import { flagSpans, fold, wordSpans } from './text.ts';

/**
 * What final ranking and highlighting need to know about one card. Computed on first use and
 * cached, so building an index stays cheap and only cards that reach the ranker pay for it.
 */
export interface CardInfo {
  fields: CardField[];
  /** Folded text of each field (same offsets as the original). */
  folded: string[];
  /** The key read the way a query is read; then without "docker " (and "docker compose ", worth less). */
  keyCanon: Array<{ text: string; worth: number }>;
  /** Flags this card is about: its flag and aliases (case kept). */
  ownFlags: Set<string>;
  /** Flags written in the key: a compare card "docker run -p | docker run -P" has both. */
  keyFlags: Set<string>;
  /** Compare cards: per item, the tokens that tell it apart from the other items. */
  itemSigs: Array<Set<string>>;
}

export function cardInfo(card: Card): CardInfo {
  const fields = cardFields(card);
  const canon = parseQuery(card.key).canonical;
  const keyCanon = [{ text: canon, worth: 1 }];
  if (canon.startsWith('docker ')) keyCanon.push({ text: canon.slice(7), worth: 1 });
  if (canon.startsWith('docker compose ')) keyCanon.push({ text: canon.slice(15), worth: 0.75 });
  return {
    fields,
    folded: fields.map((f) => fold(f.text)),
    keyCanon,
    ownFlags: new Set([card.flag, ...(card.aliases ?? [])].filter((f): f is string => !!f)),
    keyFlags: new Set(flagSpans(card.key).map((f) => f.text)),
    itemSigs: itemSignatures(card.items ?? []),
  };
}

/**
 * "docker save" vs "docker export" → {save}, {export}: words shared by every item don't tell
 * them apart ("docker compose" vs "docker-compose" share docker and compose).
 */
function itemSignatures(items: readonly string[]): Array<Set<string>> {
  const tokenSets = items.map((item) => {
    const set = new Set<string>();
    for (const f of flagSpans(item)) set.add(f.text);
    for (const w of wordSpans(fold(item))) set.add(w.text);
    return set;
  });
  return tokenSets.map((set) => {
    const own = new Set<string>();
    for (const t of set) if (!tokenSets.every((other) => other.has(t))) own.add(t);
    return own;
  });
}
