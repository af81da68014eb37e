import type { Card } from '../notes/card.ts';
import { CLS_BITS as BITS, CLS_MASK as MASK, Cls, visitFields } from './fields.ts';
import { TOK_CJK, TOK_COMPOUND, TOK_FLAG, type TokKind, fold, scan } from './text.ts';
import { TypoIndex } from './typo.ts';

/**
 * The candidate pre-filter: an inverted index of flags, words and CJK n-grams, so a query
 * touches only the cards that share a token with it — never the whole deck.
 *
 * Two tiers. The short fields (key, flag, items, titles, commands, tags) are indexed when the
 * index is built; bodies — most of the text — on first use or on `warm()`, so a big deck
 * is searchable by key and title at once and a worker can finish the rest before the first
 * keystroke.
 *
 * Built for speed at 30,000 cards: each token occurrence is appended as (hash, hash2 · posting)
 * to flat typed arrays and one radix sort groups them — no per-token hash-table probe, no
 * per-token string. A token is known by two independent 30-bit hashes of its kind and text
 * (a false match needs both to collide).
 *
 * A posting is `ord << CLS_BITS | cls`: the card's position and the best field class the token
 * occurs in for that card (one posting per card, token and tier, in card order).
 */
const CLS_BITS = BITS; // module-local copies: read per token
const CLS_MASK = MASK;
const TAGS: number = Cls.Tags;
const BODY: number = Cls.Body;

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
      if ((c === BODY) !== body) return;
      cls = c;
      text = t;
      scan(t, sink);
    };
    for (; ord < cards.length; ord++) {
      seen.clear();
      visitFields(cards[ord]!, visit);
    }

    // Radix-sorted on the low 20 bits of h1 (stable, so card order is kept within a token).
    // A bucket holds ~1 token; the rare bucket with several is ordered by (h1, h2) in place.
    const n = raw.length;
    const { h1: sh1, h2: sh2, p: sp } = raw.sorted();
    const h1 = new Int32Array(n);
    const h2 = new Int32Array(n);
    const offset = new Int32Array(n + 1);
    const post = sp.slice(0, n);
    let tokens = 0;
    let i = 0;
    while (i < n) {
      const bucket = sh1[i]! & LOW20;
      let j = i + 1;
      while (j < n && (sh1[j]! & LOW20) === bucket) j++;
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
    const key = a & LOW20;
    let lo = 0;
    let hi = h1.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((h1[mid]! & LOW20) < key) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < h1.length && (h1[lo]! & LOW20) === key; lo++) if (h1[lo] === a && this.#h2[lo] === b) return lo;
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
}

const LOW20 = (1 << 20) - 1;

/** Orders entries [i, j) by (h1, h2), stable: a bucket shared by several tokens (rare, tiny). */
function sortRun(h1: Int32Array, h2: Int32Array, p: Int32Array, i: number, j: number): void {
  const idx = Array.from({ length: j - i }, (_, k) => i + k).sort((x, y) => h1[x]! - h1[y]! || h2[x]! - h2[y]! || x - y);
  const a = idx.map((x) => h1[x]!);
  const b = idx.map((x) => h2[x]!);
  const c = idx.map((x) => p[x]!);
  h1.set(a, i);
  h2.set(b, i);
  p.set(c, i);
}

/**
 * Growable (hash1, hash2, posting) triples, sorted on the low 20 bits of hash1 by a stable
 * two-pass radix sort that moves the data (so grouping reads memory in order). The buffers
 * are kept for the next build (builds run one at a time): big typed arrays allocated afresh
 * each time cost more in garbage collection than the sort itself.
 */
class Entries {
  h1: Int32Array;
  h2: Int32Array;
  p: Int32Array;
  #b1: Int32Array;
  #b2: Int32Array;
  #bp: Int32Array;
  length = 0;
  static #spare: Entries | undefined;

  static scratch(): Entries {
    const e = Entries.#spare ?? new Entries(1 << 16);
    Entries.#spare = undefined;
    e.length = 0;
    return e;
  }

  release(): void {
    Entries.#spare = this;
  }

  constructor(capacity: number) {
    this.h1 = new Int32Array(capacity);
    this.h2 = new Int32Array(capacity);
    this.p = new Int32Array(capacity);
    this.#b1 = new Int32Array(capacity);
    this.#b2 = new Int32Array(capacity);
    this.#bp = new Int32Array(capacity);
  }

  push(a: number, b: number, posting: number): number {
    if (this.length === this.h1.length) {
      const grow = (x: Int32Array) => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.h1 = grow(this.h1);
      this.h2 = grow(this.h2);
      this.p = grow(this.p);
      this.#b1 = new Int32Array(this.h1.length);
      this.#b2 = new Int32Array(this.h1.length);
      this.#bp = new Int32Array(this.h1.length);
    }
    const i = this.length++;
    this.h1[i] = a;
    this.h2[i] = b;
    this.p[i] = posting;
    return i;
  }

  cls(i: number): number {
    return this.p[i]! & CLS_MASK;
  }

  setCls(i: number, cls: number): void {
    this.p[i] = (this.p[i]! & ~CLS_MASK) | cls;
  }

  sorted(): { h1: Int32Array; h2: Int32Array; p: Int32Array } {
    const n = this.length;
    let [s1, s2, sp] = [this.h1, this.h2, this.p];
    let [d1, d2, dp] = [this.#b1, this.#b2, this.#bp];
    const count = new Int32Array(1024);
    for (let shift = 0; shift < 20; shift += 10) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[(s1[i]! >>> shift) & 1023]!++;
      let sum = 0;
      for (let b = 0; b < 1024; b++) {
        const c = count[b]!;
        count[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const at = count[(s1[i]! >>> shift) & 1023]!++;
        d1[at] = s1[i]!;
        d2[at] = s2[i]!;
        dp[at] = sp[i]!;
      }
      [s1, s2, sp, d1, d2, dp] = [d1, d2, dp, s1, s2, sp];
    }
    return { h1: s1, h2: s2, p: sp };
  }
}

/** The tokens of one card so far: a small open-addressing map (hash pair → entry), cleared per card. */
class CardTokens {
  #keys = new Int32Array(1024);
  #h2 = new Int32Array(1024);
  #at = new Int32Array(1024);
  #used: number[] = [];

  clear(): void {
    for (const slot of this.#used) this.#keys[slot] = 0;
    this.#used.length = 0;
  }

  /** Entry index of (a, b) in this card, or -1. */
  lookup(a: number, b: number): number {
    const mask = this.#keys.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const k = this.#keys[slot]!;
      if (k === 0) return -1;
      if (k === a + 1 && this.#h2[slot] === b) return this.#at[slot]!;
    }
  }

  add(a: number, b: number, at: number): void {
    if ((this.#used.length + 1) * 2 > this.#keys.length) this.#grow();
    const mask = this.#keys.length - 1;
    let slot = a & mask;
    while (this.#keys[slot] !== 0) slot = (slot + 1) & mask;
    this.#keys[slot] = a + 1;
    this.#h2[slot] = b;
    this.#at[slot] = at;
    this.#used.push(slot);
  }

  #grow(): void {
    const old = { keys: this.#keys, h2: this.#h2, at: this.#at, used: this.#used };
    const size = old.keys.length * 2;
    this.#keys = new Int32Array(size);
    this.#h2 = new Int32Array(size);
    this.#at = new Int32Array(size);
    this.#used = [];
    for (const slot of old.used) this.add(old.keys[slot]! - 1, old.h2[slot]!, old.at[slot]!);
  }
}

/** A set of 30-bit integers (open addressing); `add` says whether the value was new. */
class IntSet {
  #keys = new Int32Array(1 << 12);
  #size = 0;

  add(v: number): boolean {
    const keys = this.#keys;
    const mask = keys.length - 1;
    let slot = v & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === 0) break;
      if (k === v + 1) return false;
      slot = (slot + 1) & mask;
    }
    keys[slot] = v + 1;
    if (++this.#size * 2 > keys.length) this.#grow();
    return true;
  }

  #grow(): void {
    const old = this.#keys;
    this.#keys = new Int32Array(old.length * 2);
    const mask = this.#keys.length - 1;
    for (const k of old) {
      if (k === 0) continue;
      let slot = (k - 1) & mask;
      while (this.#keys[slot] !== 0) slot = (slot + 1) & mask;
      this.#keys[slot] = k;
    }
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
