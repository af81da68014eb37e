/**
 * The indexer's working shape (a card without deck and id yet), how two of them merge, and how
 * one becomes a `Card`. Merging is what keeps ids honest: one (deck, kind, key) is one card, and
 * every explanation the notes give for it survives.
 */
import type { Card, CardKind } from './card.ts';
import { cardId } from './id.ts';
import { LIMITS } from './limits.ts';
import { clip, joinBody } from './text.ts';

/** A card's content, before it has a deck, an id and a file: those come when a CardSet makes it a Card. */
export interface Entry extends Omit<Card, 'id' | 'deck' | 'source'> {
  line: number;
  /** Written in the house format (explicit heading): duplicates are reported, not just merged. */
  house?: boolean;
  /** The text is a stand-in (the section heading), not something the note says about this entry. */
  weak?: boolean;
}

/** Trimmed, non-empty, first occurrence kept. (Lists here are a handful long: `includes` beats a Set.) */
function uniq(xs: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of xs) {
    const t = x.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Fold `b` into `a` (same deck, kind and key). `a` came first and keeps its title and source. */
export function mergeInto(a: Entry, b: Entry): void {
  if (a.weak && !b.weak) {
    a.text = {};
    a.weak = false;
  }
  for (const [lang, t] of Object.entries(b.weak && Object.keys(a.text).length ? {} : b.text)) {
    const mine = a.text[lang];
    if (!mine) {
      a.text[lang] = { ...t };
      continue;
    }
    if (mine.title === t.title) mine.body = joinBody(mine.body, t.body);
    else mine.body = joinBody(mine.body, [t.title, t.body].filter(Boolean).join('\n'));
  }
  if (!a.command && b.command) a.command = b.command;
  const ex = a.examples ?? [];
  if (ex.length < LIMITS.maxExamples) {
    const more = [...(b.command ? [b.command] : []), ...(b.examples ?? [])].filter((x) => x !== a.command && !ex.includes(x));
    if (more.length) a.examples = uniq([...ex, ...more]).slice(0, LIMITS.maxExamples);
  }
  if (b.aliases?.length) a.aliases = uniq([...(a.aliases ?? []), ...b.aliases]);
  if (!a.flag && b.flag) a.flag = b.flag;
  if (b.ask?.length) a.ask = uniq([...(a.ask ?? []), ...b.ask]).slice(0, LIMITS.maxAsk);
  if (!a.items && b.items) a.items = b.items;
  if (b.sides && a.items) {
    const sides = (a.sides ??= {});
    for (const [lang, list] of Object.entries(b.sides)) {
      const mine = (sides[lang] ??= a.items.map(() => ''));
      list.forEach((s, i) => {
        if (i < mine.length) mine[i] = clip(joinBody(mine[i] ?? '', s).replace(/\n+/g, ' '), LIMITS.maxSide);
      });
    }
  }
  if (a.tags.length < LIMITS.maxTags) {
    for (const t of b.tags) if (!a.tags.includes(t) && a.tags.length < LIMITS.maxTags) a.tags.push(t);
  }
}

export function toCard(e: Entry, deck: string, file: string): Card {
  const card: Card = {
    id: cardId(deck, e.kind, e.key),
    deck,
    kind: e.kind,
    key: e.key,
    text: e.text,
    tags: uniq(e.tags).slice(0, LIMITS.maxTags),
    source: { file, line: e.line },
  };
  if (e.command) card.command = e.command;
  const examples = uniq(e.examples ?? []).filter((x) => x !== e.command);
  if (examples.length) card.examples = examples.slice(0, LIMITS.maxExamples);
  if (e.flag) card.flag = e.flag;
  if (e.aliases?.length) card.aliases = uniq(e.aliases);
  if (e.items?.length) card.items = e.items;
  if (e.ask?.length) card.ask = e.ask;
  if (e.sides && Object.values(e.sides).some((s) => s.some(Boolean))) card.sides = e.sides;
  return card;
}

/** Cards keyed by id, in order of first appearance; later duplicates merge into the first. */
export class CardSet {
  #byKey = new Map<string, { entry: Entry; deck: string; file: string }>();
  duplicates: { key: string; kind: CardKind; first: { file: string; line: number }; again: { file: string; line: number } }[] = [];

  add(e: Entry, deck: string, file: string): void {
    const k = `${deck}\u0000${e.kind}\u0000${e.key}`;
    const have = this.#byKey.get(k);
    if (!have) {
      this.#byKey.set(k, { entry: e, deck, file });
      return;
    }
    if (e.house && have.entry.house) {
      this.duplicates.push({ key: e.key, kind: e.kind, first: { file: have.file, line: have.entry.line }, again: { file, line: e.line } });
    }
    mergeInto(have.entry, e);
  }

  get size(): number {
    return this.#byKey.size;
  }

  cards(): Card[] {
    return [...this.#byKey.values()].map(({ entry, deck, file }) => toCard(entry, deck, file));
  }
}
