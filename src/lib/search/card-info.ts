import type { Card } from '../notes/card.ts';
import { type CardField, Cls, cardFields } from './fields.ts';
import { STOP_WORDS, parseQuery } from './query.ts';
import { TOK_COMPOUND, TOK_WORD, flagSpans, fold, scan, wordSpans } from './text.ts';

/**
 * What final ranking and highlighting need to know about one card. Computed on first use and
 * cached, so building an index stays cheap and only cards that reach the ranker pay for it.
 */
export interface CardInfo {
  fields: CardField[];
  /** Folded text of each field (same offsets as the original). */
  folded: string[];
  /** The key, flag, items and titles: where a whole phrase counts. */
  short: CardField[];
  /**
   * Ways a query can name this card exactly, read the way a query is read: the key; without
   * "docker " (and "docker compose ", worth less); with an alias for the flag; a flag card's
   * flag part ("--mount" for "docker run --mount"); a compare card's items without "docker".
   */
  keyCanon: Array<{ text: string; worth: number }>;
  /** Flags this card is about: its flag and aliases (case kept). */
  ownFlags: Set<string>;
  /** Flags written in the key: a compare card "docker run -p | docker run -P" has both. */
  keyFlags: Set<string>;
  /** Compare cards: per item, the tokens that tell it apart from the other items. */
  itemSigs: Array<Set<string>>;
  /** The command a flag card belongs to ("docker run" for "docker run -p 8080:80"); else the key. */
  family: string;
  /** The card's command and examples, read the way a query is read. */
  commandCanons: string[];
  /** Words of each spaced-script title, stop words left out ("Remove an image" → remove, image). */
  titleWords: Array<Set<string>>;
}

export function cardInfo(card: Card): CardInfo {
  const fields = cardFields(card);
  const keyCanon: CardInfo['keyCanon'] = [];
  const add = (key: string, worth: number) => {
    const canon = parseQuery(key).canonical;
    keyCanon.push({ text: canon, worth });
    if (canon.startsWith('docker ')) keyCanon.push({ text: canon.slice(7), worth });
    if (canon.startsWith('docker compose ')) keyCanon.push({ text: canon.slice(15), worth: worth * 0.75 });
  };
  add(card.key, 1);
  if (card.flag) {
    const at = flagSpans(card.key).find((f) => f.text === card.flag)?.start ?? -1;
    if (at > 0) {
      keyCanon.push({ text: parseQuery(card.key.slice(at)).canonical, worth: 0.9 });
      for (const alias of card.aliases ?? []) add(card.key.slice(0, at) + alias + card.key.slice(at + card.flag.length), 1);
    }
  }
  if (card.items && card.items.length > 1) {
    keyCanon.push({ text: card.items.map((i) => parseQuery(i.replace(/^docker (compose )?/, '')).canonical).join(' '), worth: 1 });
  }
  return {
    fields,
    folded: fields.map((f) => fold(f.text)),
    short: fields.filter((f) => f.cls <= Cls.Title),
    keyCanon,
    ownFlags: new Set([card.flag, ...(card.aliases ?? [])].filter((f): f is string => !!f)),
    keyFlags: new Set(flagSpans(card.key).map((f) => f.text)),
    itemSigs: itemSignatures(card.items ?? []),
    family: familyOf(card.key),
    commandCanons: [card.command, ...(card.examples ?? [])].filter((c): c is string => !!c).map((c) => parseQuery(c).canonical),
    titleWords: Object.values(card.text)
      .map((t) => new Set(wholeWords(t.title).filter((w) => !STOP_WORDS.has(w))))
      .filter((set) => set.size > 0),
  };
}

/** Folded whole words of a text (compounds unsplit), as a query reads them. */
function wholeWords(text: string): string[] {
  const folded = fold(text);
  const out: Array<{ w: string; start: number }> = [];
  scan(text, (kind, start, end) => {
    if (kind === TOK_COMPOUND) while (out.length && out[out.length - 1]!.start >= start) out.pop();
    if (kind === TOK_WORD || kind === TOK_COMPOUND) out.push({ w: folded.slice(start, end), start });
  });
  return out.map((x) => x.w);
}

export function familyOf(key: string): string {
  const flag = flagSpans(key)[0];
  return (flag ? key.slice(0, flag.start) : key).trim();
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
