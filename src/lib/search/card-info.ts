import type { Card } from '../notes/card.ts';
import { type CardField, Cls, cardFields } from './fields.ts';
import { STOP_WORDS, parseQuery } from './query.ts';
import { TOK_COMPOUND, TOK_WORD, cjkSpans, flagSpans, fold, scan, wordSpans } from './text.ts';

/**
 * What final ranking and highlighting need to know about one card. Made when the card first
 * reaches the ranker, and kept; the parts only some queries need are made on first use, so a
 * keystroke that brings many new candidates stays cheap.
 */
export class CardInfo {
  /**
   * Ways a query can name this card exactly, read the way a query is read: the key; without
   * "docker " (and "docker compose ", worth less); with an alias for the flag; a flag card's
   * flag part ("--mount" for "docker run --mount"); a compare card's items without "docker".
   */
  readonly keyCanon: Array<{ text: string; worth: number }> = [];
  /** Flags this card is about: its flag and aliases (case kept). */
  readonly ownFlags: Set<string>;
  /** Flags written in the key: a compare card "docker run -p | docker run -P" has both. */
  readonly keyFlags: Set<string>;
  readonly #card: Card;

  constructor(card: Card) {
    this.#card = card;
    const add = (canon: string, worth: number) => {
      this.keyCanon.push({ text: canon, worth });
      if (canon.startsWith('docker ')) this.keyCanon.push({ text: canon.slice(7), worth });
      if (canon.startsWith('docker compose ')) this.keyCanon.push({ text: canon.slice(15), worth: worth * 0.75 });
    };
    const canon = parseQuery(card.key).canonical;
    add(canon, 1);
    // Flags stay whole tokens of the canonical key, so its variants are token edits, not re-parses.
    const tokens = canon.split(' ');
    const at = card.flag ? tokens.indexOf(card.flag) : -1;
    if (at > 0) {
      this.keyCanon.push({ text: tokens.slice(at).join(' '), worth: 0.9 });
      for (const alias of card.aliases ?? []) add([...tokens.slice(0, at), alias, ...tokens.slice(at + 1)].join(' '), 1);
    }
    const keyFlags = flagSpans(card.key);
    if (card.items && card.items.length > 1) {
      this.keyCanon.push({ text: card.items.map((i) => parseQuery(i.replace(/^docker (compose )?/, '')).canonical).join(' '), worth: 1 });
    }
    this.ownFlags = new Set([card.flag, ...(card.aliases ?? [])].filter((f): f is string => !!f));
    this.keyFlags = new Set(keyFlags.map((f) => f.text));
  }

  #fields: CardField[] | undefined;
  get fields(): CardField[] {
    return (this.#fields ??= cardFields(this.#card));
  }

  #folded: string[] | undefined;
  /** Folded text of each field (same offsets as the original). */
  get folded(): string[] {
    return (this.#folded ??= this.fields.map((f) => fold(f.text)));
  }

  #short: CardField[] | undefined;
  /** The key, flag, items and titles: where a whole phrase counts. */
  get short(): CardField[] {
    return (this.#short ??= this.fields.filter((f) => f.cls <= Cls.Title));
  }

  #shortFolded: string[] | undefined;
  get shortFolded(): string[] {
    return (this.#shortFolded ??= this.short.map((f) => fold(f.text)));
  }

  #itemSigs: Array<Set<string>> | undefined;
  /** Compare cards: per item, the tokens that tell it apart from the other items. */
  get itemSigs(): Array<Set<string>> {
    return (this.#itemSigs ??= itemSignatures(this.#card.items ?? []));
  }

  #family: string | undefined;
  /** The command a flag card belongs to ("docker run" for "docker run -p 8080:80"); else the key. */
  get family(): string {
    return (this.#family ??= familyOf(this.#card.key));
  }

  #commandCanons: string[] | undefined;
  /** The card's command and examples, read the way a query is read. */
  get commandCanons(): string[] {
    const c = this.#card;
    return (this.#commandCanons ??= [c.command, ...(c.examples ?? [])].filter((x): x is string => !!x).map((x) => parseQuery(x).canonical));
  }

  #asks: AskPhrase[] | undefined;
  /** The ways people ask for this card, read the way a query is read. */
  get asks(): AskPhrase[] {
    return (this.#asks ??= (this.#card.ask ?? []).map((a) => {
      const cjkChars = cjkSpans(a).reduce((n, s) => n + s.text.length, 0);
      return { text: fold(a), words: new Set(wholeWords(a).filter((w) => !STOP_WORDS.has(w))), cjk: cjkChars > 0, cjkChars };
    }));
  }

  #titleWords: Array<Set<string>> | undefined;
  /** Words of each spaced-script title, stop words left out ("Remove an image" → remove, image). */
  get titleWords(): Array<Set<string>> {
    return (this.#titleWords ??= Object.values(this.#card.text)
      .map((t) => new Set(wholeWords(t.title).filter((w) => !STOP_WORDS.has(w))))
      .filter((set) => set.size > 0));
  }
}

/** One `ask` phrase: folded text, its words without stop words, and how much Chinese it has. */
export interface AskPhrase {
  text: string;
  words: Set<string>;
  cjk: boolean;
  cjkChars: number;
}

export function cardInfo(card: Card): CardInfo {
  return new CardInfo(card);
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
    // "docker" names the program, never one side: "docker build" does not ask for "docker context vs build context".
    if (set.size > 1) set.delete('docker');
    return set;
  });
  return tokenSets.map((set) => {
    const own = new Set<string>();
    for (const t of set) if (!tokenSets.every((other) => other.has(t))) own.add(t);
    return own;
  });
}
