import { CLS_MASK as MASK } from './fields.ts';

/**
 * Flat, reusable buffers the inverted index is built with (postings.ts): typed arrays and
 * open-addressing tables over integer hashes, so building allocates almost nothing per token.
 */
const CLS_MASK = MASK;

/** Tokens are bucketed (sorted, looked up) by the low 22 bits of their first hash. */
export const LOW_BITS = (1 << 22) - 1;
const DIGIT = 11; // two radix passes of 11 bits: 2,048 buckets, small enough to stay in cache

/** Orders entries [i, j) by (h1, h2), stable: a bucket shared by several tokens (rare, tiny). */
export function sortRun(h1: Int32Array, h2: Int32Array, p: Int32Array, i: number, j: number): void {
  const idx = Array.from({ length: j - i }, (_, k) => i + k).sort((x, y) => h1[x]! - h1[y]! || h2[x]! - h2[y]! || x - y);
  const a = idx.map((x) => h1[x]!);
  const b = idx.map((x) => h2[x]!);
  const c = idx.map((x) => p[x]!);
  h1.set(a, i);
  h2.set(b, i);
  p.set(c, i);
}

/**
 * Growable (hash1, hash2, posting) triples, sorted on the low 22 bits of hash1 by a stable
 * two-pass radix sort that moves the data (so grouping reads memory in order). The buffers
 * are kept for the next build (builds run one at a time): big typed arrays allocated afresh
 * each time cost more in garbage collection than the sort itself.
 */
export class Entries {
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

  #t1 = new Int32Array(0);
  #t2 = new Int32Array(0);
  #toff = new Int32Array(0);

  /** Reusable arrays for grouping `n` sorted entries into tokens. */
  tokenScratch(n: number): { h1: Int32Array; h2: Int32Array; offset: Int32Array } {
    if (this.#t1.length < n) {
      this.#t1 = new Int32Array(n);
      this.#t2 = new Int32Array(n);
      this.#toff = new Int32Array(n + 1);
    }
    return { h1: this.#t1, h2: this.#t2, offset: this.#toff };
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
    const mask = (1 << DIGIT) - 1;
    const count = new Int32Array(1 << DIGIT);
    for (let shift = 0; shift < 2 * DIGIT; shift += DIGIT) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[(s1[i]! >>> shift) & mask]!++;
      let sum = 0;
      for (let b = 0; b < count.length; b++) {
        const c = count[b]!;
        count[b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const at = count[(s1[i]! >>> shift) & mask]!++;
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
export class CardTokens {
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
export class IntSet {
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

