import type { Card } from '../notes/card.ts';
import { type CardInfo, cardInfo, familyOf } from './card-info.ts';
import { CLS_BITS as BITS, CLS_MASK as MASK, CLS_WEIGHT as WEIGHT } from './fields.ts';
import { FuseRanker } from './fuse-rank.ts';
import { highlight } from './highlight.ts';
import type { SearchHit, SearchIndex, SearchOptions } from './index.ts';
import { KIND_FLAG, KIND_GRAM, KIND_WORD, Postings, type Range, type TokenKind, completions } from './postings.ts';
import { type Term, parseQuery } from './query.ts';
import { type Expanded, type Expansion, bonus, evenOutRuns, rankContext } from './rank.ts';
import { synonymsInRun, synonymsOf } from './synonyms.ts';
import { bigrams, compoundParts } from './text.ts';
import { topOrds } from './top-ords.ts';

// Module-local copies: read per posting in the hot loop.
const CLS_BITS = BITS;
const CLS_MASK = MASK;
const CLS_WEIGHT = Float64Array.from(WEIGHT);

const DEFAULT_LIMIT = 20;
/** Candidates handed to the precise ranker and fuse.js: the bound that keeps latency flat. */
const MIN_POOL = 48;
/** Candidates fuse.js ranks (its Bitap scan is the costliest step per candidate), and its weight. */
const FUSE_POOL = 10;
const FUSE_WEIGHT = 12;
/** Hits scoring under this share of the best are noise, not answers. */
const CUTOFF = 0.06;

export class Engine implements SearchIndex {
  readonly #cards: readonly Card[];
  readonly #postings: Postings;
  readonly #fuse: FuseRanker;
  readonly #info: Array<CardInfo | undefined>;
  readonly #deckOf: Int32Array;
  readonly #decks = new Map<string, number>();
  /** Tiny prior so equal scores prefer short keys the same way every time. */
  readonly #prior: Float64Array;
  // Scratch arrays reused by every query (search is synchronous, so never shared).
  readonly #best: Float64Array;
  readonly #total: Float64Array;
  readonly #hitTerms: Uint16Array;
  readonly #touched: Int32Array;
  readonly #all: Int32Array;

  constructor(cards: readonly Card[]) {
    this.#cards = cards;
    const n = cards.length;
    this.#postings = new Postings(cards);
    this.#fuse = new FuseRanker(cards);
    this.#info = new Array<CardInfo | undefined>(n);
    this.#deckOf = new Int32Array(n);
    this.#prior = new Float64Array(n);
    cards.forEach((card, ord) => {
      let d = this.#decks.get(card.deck);
      if (d === undefined) this.#decks.set(card.deck, (d = this.#decks.size));
      this.#deckOf[ord] = d;
      this.#prior[ord] = 1e-6 / (1 + card.key.length);
    });
    this.#best = new Float64Array(n);
    this.#total = new Float64Array(n);
    this.#hitTerms = new Uint16Array(n);
    this.#touched = new Int32Array(n);
    this.#all = new Int32Array(n);
  }

  get size(): number {
    return this.#cards.length;
  }

  /**
   * Finishes the index now: bodies, typo vocabulary, and what ranking needs of every card
   * (otherwise made by the first search, or when a card first ranks). Call it where a pause
   * does no harm — the search worker does, right after loading the cards.
   */
  warm(): void {
    this.#postings.warmAll();
    this.#familyWeight('');
    // What ranking needs of each card, so no keystroke pays for a card's first appearance.
    this.#cards.forEach((card, ord) => (this.#info[ord] ??= cardInfo(card)));
    this.#fuse.warm();
  }

  search(query: string, opts: SearchOptions = {}): SearchHit[] {
    return this.#run(query, opts.limit ?? DEFAULT_LIMIT, opts.deck, false);
  }

  suggest(query: string, limit = 5): string[] {
    const pq = parseQuery(query, this.#renamable);
    const hits = this.#run(query, limit * 4, undefined, true);
    const wantsZh = pq.cjk.length > 0;
    const seen = new Set<string>([query.trim()]);
    const out: string[] = [];
    for (const h of hits) {
      const label = (wantsZh && h.card.text['zh']?.title) || h.card.key;
      if (seen.has(label)) continue;
      seen.add(label);
      out.push(label);
      if (out.length === limit) break;
    }
    return out;
  }

  correct(query: string): string | undefined {
    const pq = parseQuery(query);
    if (pq.terms.length === 0 || this.#cards.length === 0) return undefined;
    const { canon, corrected } = rankContext(pq, pq.terms.map((t) => this.#expand(t, false, pq.cjk)), () => 0);
    // "images" read as "image" is not a correction worth telling
    const typed = canon.split(' ');
    const fixed = corrected.split(' ');
    const changed = fixed.some((w, i) => w !== typed[i] && w !== typed[i]?.replace(/s$/, '') && `${w}s` !== typed[i] && w !== `${typed[i]}s`);
    return changed ? corrected : undefined;
  }

  #run(query: string, limit: number, deck: string | undefined, loose: boolean): SearchHit[] {
    if (limit <= 0 || this.#cards.length === 0) return [];
    const pq = parseQuery(query, this.#renamable);
    if (pq.terms.length === 0) return [];
    let deckNo = -1;
    if (deck !== undefined) {
      const d = this.#decks.get(deck);
      if (d === undefined) return [];
      deckNo = d;
    }
    const expanded = pq.terms.map((t) => this.#expand(t, loose, pq.cjk));
    evenOutRuns(expanded);
    const { pool, totals } = this.#gather(expanded, deckNo, Math.max(MIN_POOL, limit * 2));
    if (pool.length === 0) return [];
    const sumImp = expanded.reduce((s, e) => s + e.imp, 0) || 1;

    const ctx = rankContext(pq, expanded, (f) => this.#familyWeight(f));
    const scored = pool.map((ord, i) => {
      const info = (this.#info[ord] ??= cardInfo(this.#cards[ord]!));
      const rel = totals[i]! / (10 * sumImp);
      return { ord, score: 100 * rel + bonus(this.#cards[ord]!, info, ctx) + this.#prior[ord]! };
    });
    // fuse.js settles the order at the top: whole-query fuzzy resemblance of key, titles, items.
    scored.sort((a, b) => b.score - a.score || a.ord - b.ord);
    const head = scored.slice(0, FUSE_POOL);
    const fuseScores = this.#fuse.scores(
      head.map((s) => s.ord),
      ctx.fuzzyText,
    );
    head.forEach((s, i) => (s.score += FUSE_WEIGHT * (1 - fuseScores[i]!)));
    scored.sort((a, b) => b.score - a.score || a.ord - b.ord);
    const floor = (scored[0]?.score ?? 0) * CUTOFF;
    return scored
      .filter((s) => s.score >= floor)
      .slice(0, limit)
      .map(({ ord, score }) => ({
        card: this.#cards[ord]!,
        score: Math.round(score * 1000) / 1000,
        matches: highlight(this.#info[ord]!, ctx.marks),
      }));
  }

  /** A command name the query may read another way: unless this deck has cards under that very name. */
  readonly #renamable = (typed: string): boolean => {
    this.#familyWeight('');
    return !this.#families!.size.has(typed);
  };

  /** Family sizes (cards per command), counted on first use. */
  #families: { size: Map<string, number>; max: number } | undefined;
  #familyWeight(family: string): number {
    if (!this.#families) {
      const size = new Map<string, number>();
      for (const c of this.#cards) {
        const f = familyOf(c.key);
        size.set(f, (size.get(f) ?? 0) + 1);
      }
      this.#families = { size, max: Math.max(1, ...size.values()) };
    }
    const { size, max } = this.#families;
    return Math.log1p(size.get(family) ?? 0) / Math.log1p(max);
  }

  /** The ways each term can be found: exactly, as a typed prefix, corrected, by its parts, or by a synonym. */
  #expand(term: Term, loose: boolean, runs: readonly string[]): Expanded {
    const P = this.#postings;
    const n = this.#cards.length;
    const exps: Expansion[] = [];
    const kind: TokenKind = term.kind === 'flag' ? KIND_FLAG : term.kind === 'cjk' ? KIND_GRAM : KIND_WORD;
    const add = (token: string, factor: number, how: Expansion['how']): boolean => {
      const ranges = P.find(kind, token);
      if (ranges.length) exps.push({ token, ranges, factor, how });
      return ranges.length > 0;
    };
    const df = (token: string) => P.df(kind, token);
    if (term.kind === 'flag') {
      const exact = add(term.text, 1, 'exact');
      let completed = 0;
      if (term.last && term.text.startsWith('--')) {
        for (const f of completions(P.vocab.flags, df, term.text, 6)) {
          if (add(f, 0.9 * (0.5 + (0.5 * term.text.length) / f.length), 'prefix')) completed++;
        }
      }
      if (!exact && !completed && term.text.startsWith('--') && term.text.length >= 6) {
        for (const c of P.flagTypo.corrections(term.text, loose ? 1 : 0)) add(c.word, c.distance === 1 ? 0.75 : 0.55, 'typo');
      }
    } else if (term.kind === 'cjk') {
      if (!add(term.text, 1, 'exact') && loose) for (const ch of term.text) add(ch, 0.5, 'part');
      // A bigram inside a synonym-table word ("移除" of 移除镜像) is also found as the other words.
      if (term.run !== undefined && term.at !== undefined) {
        for (const s of synonymsInRun(runs[term.run]!)) {
          if (term.at < s.at || term.at + 2 > s.at + s.length) continue;
          for (const other of s.others) for (const g of other.length > 1 ? bigrams(other) : [other]) add(g, 0.75, 'synonym');
        }
      }
    } else {
      const w = term.text;
      const exact = add(w, 1, 'exact');
      const prefixes = term.last || w.length >= 3 ? completions(P.vocab.words, df, w, term.last ? 10 : 4) : [];
      for (const p of prefixes) add(p, (term.last ? 0.9 : 0.7) * (0.5 + (0.5 * w.length) / p.length), 'prefix');
      // Plurals: "images" finds "image" and the other way round.
      if (w.length > 3 && /[a-z]$/.test(w)) add(w.endsWith('s') ? w.slice(0, -1) : `${w}s`, 0.95, 'typo');
      // A word still being typed ("del" of delete) has no synonyms yet: only whole words look them up.
      if (!(term.last && prefixes.length > 0)) for (const s of synonymsOf(w)) add(s, 0.7, 'synonym');
      if (!exact) {
        for (const part of compoundParts(w)) add(part, 0.8, 'part');
        // A last word with completions is probably still being typed, not misspelt.
        if (loose || !(term.last && prefixes.length > 0)) {
          for (const c of P.typo.corrections(w, loose ? 1 : 0)) add(c.word, c.distance === 1 ? 0.75 : 0.55, 'typo');
        }
      }
    }
    const first = exps[0];
    let imp = Math.log(1 + n / Math.max(1, first ? df(first.token) : 0));
    if (term.weak) imp *= 0.3;
    return { term, kind, exps, imp };
  }

  /** Scores every card that shares a token with the query; returns the best `poolSize` of them. */
  #gather(expanded: Expanded[], deckNo: number, poolSize: number): { pool: number[]; totals: number[] } {
    const best = this.#best;
    const total = this.#total;
    const hitTerms = this.#hitTerms;
    const deckOf = this.#deckOf;
    const touched = this.#touched;
    const all = this.#all;
    let nAll = 0;
    // Selective terms find the candidates; a term in most cards ("docker") only scores the
    // candidates, by binary search in its postings, when that is cheaper than reading them all.
    const cost = (e: Expanded) => e.exps.reduce((s, x) => s + x.ranges.reduce((t, r) => t + r.end - r.start, 0), 0);
    const costs = expanded.map(cost);
    const probes = (e: Expanded) => e.exps.reduce((s, x) => s + x.ranges.length, 0);
    const wide = poolSize * 4;
    const cheapest = Math.min(...costs);
    const late = expanded.map((e, i) => costs[i]! > cheapest && costs[i]! > wide * probes(e) * 20);

    expanded.forEach((e, ti) => {
      if (late[ti]) return;
      let nTouched = 0;
      for (const x of e.exps) {
        for (const { post, start, end } of x.ranges) {
          for (let i = start; i < end; i++) {
            const p = post[i]!;
            const ord = p >>> CLS_BITS;
            if (deckNo >= 0 && deckOf[ord] !== deckNo) continue;
            const s = CLS_WEIGHT[p & CLS_MASK]! * x.factor;
            if (best[ord] === 0) touched[nTouched++] = ord;
            if (s > best[ord]!) best[ord] = s;
          }
        }
      }
      for (let i = 0; i < nTouched; i++) {
        const ord = touched[i]!;
        if (hitTerms[ord] === 0) all[nAll++] = ord;
        hitTerms[ord]!++;
        total[ord]! += best[ord]! * e.imp;
        best[ord] = 0;
      }
    });
    let candidates = all.subarray(0, nAll);
    if (late.some(Boolean)) {
      candidates = Int32Array.from(topOrds(all, nAll, total, wide));
      expanded.forEach((e, ti) => {
        if (!late[ti]) return;
        for (const ord of candidates) {
          let s = 0;
          for (const x of e.exps) {
            for (const r of x.ranges) {
              const p = findPosting(r, ord);
              if (p >= 0) s = Math.max(s, CLS_WEIGHT[p & CLS_MASK]! * x.factor);
            }
          }
          total[ord]! += s * e.imp;
        }
      });
    }
    for (let i = 0; i < nAll; i++) {
      const ord = all[i]!;
      hitTerms[ord] = 0;
      total[ord]! += this.#prior[ord]!;
    }
    const pool = topOrds(candidates, candidates.length, total, poolSize);
    const totals = pool.map((ord) => total[ord]!);
    for (let i = 0; i < nAll; i++) total[all[i]!] = 0;
    return { pool, totals };
  }
}

/** The posting of card `ord` in a token's postings (sorted by card), or -1. */
function findPosting(r: Range, ord: number): number {
  let lo = r.start;
  let hi = r.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const o = r.post[mid]! >>> CLS_BITS;
    if (o < ord) lo = mid + 1;
    else if (o > ord) hi = mid;
    else return r.post[mid]!;
  }
  return -1;
}
