import type { Card } from '../notes/card.ts';
import { CLS_BITS as BITS, Cls, LATE_CLS, visitFields } from './fields.ts';
import { TOK_CJK, TOK_COMPOUND, TOK_FLAG, type TokKind, fold, scan } from './text.ts';
import { CardTokens, Entries, IntSet, LOW_BITS, sortRun } from './postings-build.ts';
import { TypoIndex } from './typo.ts';

/**
 * The candidate pre-filter: an inverted index of flags, words and CJK n-grams, so a query
 * touches only the cards that share a token with it — never the whole deck.
 *
 * Two tiers. The short fields (key, flag, items, titles, commands, tags) are indexed when the
 * index is built; bodies (and the ways people ask for a card) — most of the text — on first use or on `warm()`, so a big deck
 * is searchable by key and title at once and a worker can finish the rest before the first
 * keystroke.
 *
 * Built for speed at 30,000 cards: each token occurrence is appended as (hash, hash2, posting)
 * to flat typed arrays and one radix sort groups them — no per-token hash-table probe, no
 * per-token string. A token is known by two independent 30-bit hashes of its kind and text
 * (a false match needs both to collide).
 *
 * A posting is `ord << CLS_BITS | cls`: the card's position and the best field class the token
 * occurs in for that card (one posting per card, token and tier, in card order).
 */
const CLS_BITS = BITS; // module-local copies: read per token
const TAGS: number = Cls.Tags;
const LATE: number = LATE_CLS;
const ITEMS: number = Cls.Items;

export const KIND_WORD = 1;
export const KIND_FLAG = 2;
export const KIND_GRAM = 3;
export type TokenKind = typeof KIND_WORD | typeof KIND_FLAG | typeof KIND_GRAM;

/** Most cards one index holds: a posting packs ord and class into 21 bits. */
export const MAX_CARDS = (1 << (21 - BITS)) - 1;

let H2 = 0; // second hash of the last `hash` call (avoids allocating a pair)

/** Two hashes of a token: returns the first, leaves the second in H2. Words are folded like text.ts `foldCode`. */
function hash(kind: TokenKind, text: string, start: number, end: number, skipHyphens = false): number {
  let a = 0x811c9dc5 ^ kind;
  let b = 0x9e3779b9 + kind;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (kind === KIND_WORD) {
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 0xc0 && c <= 0xde && c !== 0xd7) c += 32;
      else if (c === 45 && skipHyphens) continue;
    }
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b + c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  H2 = (b ^ (b >>> 15)) & 0x3fffffff;
  return (a ^ (a >>> 17)) & 0x3fffffff;
}

/** A token's postings: `post[start, end)`. */
export interface Range {
  post: Int32Array;
  start: number;
  end: number;
}

/** The words and flags of the short fields, for prefix completion and typo correction. */
export interface Vocab {
  words: string[];
  flags: string[];
}

/** One tier of the index. */
class Tier {
  readonly post: Int32Array;
  // Tokens sorted by (hash1, hash2); token i's postings are post[offset[i], offset[i + 1]).
  readonly #h1: Int32Array;
  readonly #h2: Int32Array;
  readonly #offset: Int32Array;

  constructor(cards: readonly Card[], body: boolean, vocab?: Vocab) {
    const raw = Entries.scratch();
    const seen = new CardTokens();
    const seenWords = vocab && new IntSet();
    const seenFlags = vocab && new IntSet();
    let ord = 0;
    let cls = 0;
    let text = '';
    const emit = (a: number) => {
      // One entry per card and token, with its best class: a repeat costs one cheap probe.
      const at = seen.lookup(a, H2);
      if (at >= 0) {
        if (cls < raw.cls(at)) raw.setCls(at, cls);
      } else seen.add(a, H2, raw.push(a, H2, (ord << CLS_BITS) | cls));
    };
    const sink = (kind: TokKind, start: number, end: number) => {
      if (kind === TOK_CJK) {
        // Bigrams everywhere; single characters only in short fields (and lone characters).
        const single = cls <= TAGS || end - start === 1;
        for (let k = start; k < end; k++) {
          if (single) emit(hash(KIND_GRAM, text, k, k + 1));
          if (k + 1 < end) emit(hash(KIND_GRAM, text, k, k + 2));
        }
      } else if (kind === TOK_FLAG) {
        const a = hash(KIND_FLAG, text, start, end);
        if (seenFlags?.add(a)) vocab!.flags.push(text.slice(start, end));
        emit(a);
      } else if (end - start > 1) {
        // Single letters are noise (the "p" of "-p"): flags are matched as flags.
        const a = hash(KIND_WORD, text, start, end);
        if (seenWords?.add(a)) vocab!.words.push(fold(text.slice(start, end)));
        emit(a);
        const dash = kind === TOK_COMPOUND ? text.indexOf('-', start) : -1;
        if (dash >= 0 && dash < end) {
          // "read-only" is also found as "readonly".
          const j = hash(KIND_WORD, text, start, end, true);
          if (seenWords?.add(j)) vocab!.words.push(fold(text.slice(start, end)).replace(/-/g, ''));
          emit(j);
        }
      }
    };
    const visit = (c: Cls, _field: unknown, t: string) => {
      // A compare card's items are its key ("A | B"): same tokens, and the key's class is better.
      if ((c >= LATE) !== body || c === ITEMS) return;
      cls = c;
      text = t;
      scan(t, sink);
    };
    for (; ord < cards.length; ord++) {
      seen.clear();
      visitFields(cards[ord]!, visit);
    }

    // Radix-sorted on the low 22 bits of h1 (stable, so card order is kept within a token).
    // A bucket holds ~1 token; the rare bucket with several is ordered by (h1, h2) in place.
    const n = raw.length;
    const { h1: sh1, h2: sh2, p: sp } = raw.sorted();
    // Token arrays are built in scratch space sized for the worst case (a token per posting),
    // then copied out at their real size: no n-sized garbage per build.
    const { h1, h2, offset } = raw.tokenScratch(n);
    const post = sp.slice(0, n);
    let tokens = 0;
    let i = 0;
    while (i < n) {
      const bucket = sh1[i]! & LOW_BITS;
      let j = i + 1;
      while (j < n && (sh1[j]! & LOW_BITS) === bucket) j++;
      let mixed = false;
      for (let k = i + 1; k < j && !mixed; k++) mixed = sh1[k] !== sh1[i] || sh2[k] !== sh2[i];
      if (mixed) sortRun(sh1, sh2, post, i, j);
      let k = i;
      while (k < j) {
        const a = sh1[k]!;
        const b = sh2[k]!;
        h1[tokens] = a;
        h2[tokens] = b;
        offset[tokens] = k;
        tokens++;
        while (k < j && sh1[k] === a && sh2[k] === b) k++;
      }
      i = j;
    }
    offset[tokens] = n;
    this.#h1 = h1.slice(0, tokens);
    this.#h2 = h2.slice(0, tokens);
    this.#offset = offset.slice(0, tokens + 1);
    this.post = post;
    raw.release();
  }

  find(a: number, b: number): Range | undefined {
    const at = this.#slot(a, b);
    return at < 0 ? undefined : { post: this.post, start: this.#offset[at]!, end: this.#offset[at + 1]! };
  }

  /** How many cards have the token (no allocation: prefix completion asks this a lot). */
  count(a: number, b: number): number {
    const at = this.#slot(a, b);
    return at < 0 ? 0 : this.#offset[at + 1]! - this.#offset[at]!;
  }

  #slot(a: number, b: number): number {
    const h1 = this.#h1;
    const key = a & LOW_BITS;
    let lo = 0;
    let hi = h1.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((h1[mid]! & LOW_BITS) < key) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < h1.length && (h1[lo]! & LOW_BITS) === key; lo++) if (h1[lo] === a && this.#h2[lo] === b) return lo;
    return -1;
  }
}

export class Postings {
  readonly #cards: readonly Card[];
  readonly #short: Tier;
  #body: Tier | undefined;
  readonly #vocab: Vocab = { words: [], flags: [] };
  #sorted = false;
  #typo: TypoIndex | undefined;
  #flagTypo: TypoIndex | undefined;

  constructor(cards: readonly Card[]) {
    if (cards.length > MAX_CARDS) throw new Error(`search: at most ${MAX_CARDS} cards per index`);
    this.#cards = cards;
    this.#short = new Tier(cards, false, this.#vocab);
  }

  /** The short fields' words and flags, sorted (on first use) for prefix completion. */
  get vocab(): Vocab {
    if (!this.#sorted) {
      this.#vocab.words.sort();
      this.#vocab.flags.sort();
      this.#sorted = true;
    }
    return this.#vocab;
  }

  /** Indexes the bodies now rather than on the first search (a worker calls this after loading). */
  warm(): void {
    this.#body ??= new Tier(this.#cards, true);
  }

  /** Also makes the typo vocabulary, so no keystroke pays for it. */
  warmAll(): void {
    this.warm();
    void this.typo; // also sorts the vocabulary
    void this.flagTypo;
  }

  get warmed(): boolean {
    return this.#body !== undefined;
  }

  /** Where a token's postings are: in the short fields, the bodies, or both. */
  find(kind: TokenKind, token: string): Range[] {
    this.warm();
    const a = hash(kind, token, 0, token.length);
    const b = H2;
    const out: Range[] = [];
    const s = this.#short.find(a, b);
    if (s) out.push(s);
    const d = this.#body!.find(a, b);
    if (d) out.push(d);
    return out;
  }

  /** About how many cards contain the token (a card with it in both tiers counts twice). */
  df(kind: TokenKind, token: string): number {
    this.warm();
    const a = hash(kind, token, 0, token.length);
    const b = H2;
    return this.#short.count(a, b) + this.#body!.count(a, b);
  }

  /** Typo vocabulary: short-field words, numbers left out. Made on first use. */
  get typo(): TypoIndex {
    return (this.#typo ??= new TypoIndex(this.vocab.words.filter((w) => !/^\d+$/.test(w))));
  }

  /** Long flags only ("--publsh" → --publish): a short flag with one letter changed is another flag. */
  get flagTypo(): TypoIndex {
    return (this.#flagTypo ??= new TypoIndex(this.vocab.flags.filter((f) => f.startsWith('--'))));
  }
}

/** Up to `limit` entries of `sorted` that start with `prefix` (excluding itself), most frequent first. */
export function completions(
  sorted: readonly string[],
  df: (token: string) => number,
  prefix: string,
  limit: number,
): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  // Keep the `limit` best in one pass: frequent first; among equals the shorter, then A-Z.
  const best: Array<{ w: string; df: number }> = [];
  const better = (a: { w: string; df: number }, b: { w: string; df: number }) =>
    a.df > b.df || (a.df === b.df && (a.w.length < b.w.length || (a.w.length === b.w.length && a.w < b.w)));
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
    const w = sorted[i]!;
    if (w === prefix) continue;
    const c = { w, df: df(w) };
    if (best.length === limit && !better(c, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && better(c, best[at - 1]!)) at--;
    best.splice(at, 0, c);
    if (best.length > limit) best.pop();
  }
  return best.map((b) => b.w);
}
