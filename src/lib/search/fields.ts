import type { Card } from '../notes/card.ts';

/** Where in a card a match was found. */
export type MatchField = 'key' | 'command' | 'flag' | 'title' | 'body' | 'tags' | 'items';

/**
 * Field classes, best first. The pre-filter stores the class with each posting and ranking
 * weighs them, so an exact key beats a title, and a title beats a body.
 */
export const Cls = { Key: 0, Flag: 1, Items: 2, Title: 3, Command: 4, Tags: 5, Ask: 6, Body: 7 } as const;
export type Cls = (typeof Cls)[keyof typeof Cls];
/** Postings pack `ord << CLS_BITS | cls` into one number. */
export const CLS_BITS = 3;
export const CLS_MASK = (1 << CLS_BITS) - 1;

/**
 * Weight of a match by field class (index = Cls). The ways people ask for a card (`ask`) weigh
 * nearly as much as a title — they are written to be found — but never as much as key or flag.
 */
export const CLS_WEIGHT: readonly number[] = [10, 10, 7, 6, 4, 3, 5, 1.5];
/** Classes from here on are indexed lazily with the bodies (they are long, and not typo vocabulary). */
export const LATE_CLS = Cls.Ask;


export interface CardField {
  cls: Cls;
  /** Reported field; undefined for searchable text that is never highlighted (compare sides). */
  field: MatchField | undefined;
  lang?: string;
  /** Array fields (tags, items, examples): which element. */
  index?: number;
  text: string;
}

type Visit = (cls: Cls, field: MatchField | undefined, text: string, lang?: string, index?: number) => void;

/** Calls `visit` for every searchable string of a card, best class first (no allocation). */
export function visitFields(card: Card, visit: Visit): void {
  visit(Cls.Key, 'key', card.key);
  if (card.flag) visit(Cls.Flag, 'flag', card.flag);
  // Aliases are the same flag spelled differently: matched as the flag, never highlighted apart.
  if (card.aliases) for (const alias of card.aliases) visit(Cls.Flag, undefined, alias);
  if (card.items) for (let i = 0; i < card.items.length; i++) visit(Cls.Items, 'items', card.items[i]!, undefined, i);
  for (const lang in card.text) {
    const t = card.text[lang]!;
    if (t.title) visit(Cls.Title, 'title', t.title, lang);
  }
  if (card.command) visit(Cls.Command, 'command', card.command);
  if (card.examples) for (let i = 0; i < card.examples.length; i++) visit(Cls.Command, 'command', card.examples[i]!, undefined, i);
  for (let i = 0; i < card.tags.length; i++) visit(Cls.Tags, 'tags', card.tags[i]!, undefined, i);
  // Never highlighted: they are not shown.
  if (card.ask) for (const phrase of card.ask) visit(Cls.Ask, undefined, phrase);
  for (const lang in card.text) {
    const t = card.text[lang]!;
    if (t.body) visit(Cls.Body, 'body', t.body, lang);
  }
  if (card.sides) for (const lang in card.sides) for (const text of card.sides[lang]!) if (text) visit(Cls.Body, undefined, text);
}

/** Every searchable string of a card, with its class. Order: best class first. */
export function cardFields(card: Card): CardField[] {
  const out: CardField[] = [];
  visitFields(card, (cls, field, text, lang, index) => {
    const f: CardField = { cls, field, text };
    if (lang !== undefined) f.lang = lang;
    if (index !== undefined) f.index = index;
    out.push(f);
  });
  return out;
}
