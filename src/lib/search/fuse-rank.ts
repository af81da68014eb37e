import Fuse, { type FuseIndex, type FuseOptionKey, type IFuseOptions } from 'fuse.js';
import type { Card } from '../notes/card.ts';
import { flagSpans } from './text.ts';

/**
 * fuse.js scores how closely the whole query resembles a candidate's short fields — fuzzy,
 * typo-tolerant and order-aware. It only ever sees the few best candidates the pre-filter and
 * the structural scores chose, never the deck, and only their key, titles and compared items:
 * Bitap's cost grows with text length, and long text says little about what was looked up.
 */
const FUSE_KEYS: Array<FuseOptionKey<Card>> = [
  // The key as written and with each alias for its flag ("docker logs --tail" for "docker logs -n").
  { name: 'key', weight: 3, getFn: keyVariants },
  { name: 'title', weight: 2, getFn: (c) => Object.values(c.text).map((t) => t.title) },
  { name: 'items', weight: 1.5 },
];

export const FUSE_OPTIONS: Readonly<IFuseOptions<Card>> = Object.freeze({
  keys: FUSE_KEYS,
  includeScore: true,
  ignoreLocation: true, // a match late in a title is as good as an early one
  threshold: 0.35,
  shouldSort: false,
});

function keyVariants(card: Card): string[] {
  const out = [card.key];
  const flag = card.flag && flagSpans(card.key).find((f) => f.text === card.flag);
  if (flag) {
    const end = flag.start + flag.text.length;
    for (const alias of card.aliases ?? []) out.push(card.key.slice(0, flag.start) + alias + card.key.slice(end));
  }
  return out;
}

type Records = FuseIndex<Card>['records'];
type Entry = NonNullable<Records[number]['$']>;

export class FuseRanker {
  readonly #cards: readonly Card[];
  /** fuse.js index records per card, made on first use (keeps the index build cheap). */
  readonly #entries: Array<Entry | undefined>;
  readonly #keys = Fuse.createIndex(FUSE_KEYS, []).keys;

  constructor(cards: readonly Card[]) {
    this.#cards = cards;
    this.#entries = new Array<Entry | undefined>(cards.length);
  }

  /** Makes the records of every card now (else each is made when the card is first ranked). */
  warm(): void {
    this.#prepare(this.#cards.map((_, ord) => ord));
  }

  #prepare(ords: readonly number[]): void {
    const missing = ords.filter((ord) => !this.#entries[ord]);
    if (!missing.length) return;
    const made = Fuse.createIndex(FUSE_KEYS, missing.map((ord) => this.#cards[ord]!));
    for (const r of made.records) this.#entries[missing[r.i]!] = r.$;
  }

  /** fuse.js score per candidate (0 = perfect, 1 = no match), aligned with `ords`. */
  scores(ords: readonly number[], query: string): Float64Array {
    const out = new Float64Array(ords.length).fill(1);
    if (ords.length === 0 || !query.trim()) return out;
    this.#prepare(ords);
    const records = ords.map((ord, i) => ({ i, $: this.#entries[ord] }));
    const index = Fuse.parseIndex<Card>({ keys: this.#keys, records });
    const fuse = new Fuse(ords.map((ord) => this.#cards[ord]!), FUSE_OPTIONS, index);
    for (const r of fuse.search(query)) out[r.refIndex] = r.score ?? 1;
    return out;
  }
}
