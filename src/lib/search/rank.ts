import type { Card } from '../notes/card.ts';
import type { CardInfo } from './card-info.ts';
import { Cls } from './fields.ts';
import type { MarkSet } from './highlight.ts';
import type { Range, TokenKind } from './postings.ts';
import type { ParsedQuery, Term } from './query.ts';
import { runVariants } from './synonyms.ts';

/**
 * The ranking rules beyond token scores: what a query says about the key, the flag, a
 * comparison, a Chinese phrase or a title, as bonus points on the candidates' scores.
 */

/** One way a query term is found in the index, and how much that way is worth. */
export interface Expansion {
  token: string;
  ranges: Range[];
  factor: number;
  how: 'exact' | 'prefix' | 'typo' | 'part' | 'synonym';
}
export interface Expanded {
  term: Term;
  kind: TokenKind;
  exps: Expansion[];
  /** Importance: inverse document frequency, so "docker" counts for less than "rmi". */
  imp: number;
}

/**
 * The bigrams of one Chinese run share one importance (the mean over those found). Otherwise
 * a rare bigram that straddles two words ("看日" in 查看日志) would outweigh the words.
 */
export function evenOutRuns(expanded: Expanded[]): void {
  const byRun = new Map<number, Expanded[]>();
  for (const e of expanded) if (e.term.run !== undefined) byRun.set(e.term.run, [...(byRun.get(e.term.run) ?? []), e]);
  for (const group of byRun.values()) {
    const found = group.filter((e) => e.exps.length);
    if (!found.length) continue;
    const mean = found.reduce((s, e) => s + e.imp, 0) / found.length;
    for (const e of group) e.imp = mean;
  }
}

/** A title up to its first bracket, colon, comma or space: "多阶段构建" of "多阶段构建（FROM … AS）". */
function titleCore(title: string): string {
  const cut = title.search(/[（(：:，,、\s]/u);
  return cut < 0 ? title : title.slice(0, cut);
}

/** As `runCoverage`, also for the run said in other words (synonym table), those a little less. */
function coverage(run: string, variants: readonly string[], text: string): number {
  let best = runCoverage(run, text);
  for (const v of variants) if (best < 0.9) best = Math.max(best, 0.9 * runCoverage(v, text));
  return best;
}

/** Share of a Chinese run's characters covered by its bigrams (or itself) found in `text`. */
function runCoverage(run: string, text: string): number {
  if (run.length < 2) return text.includes(run) ? 1 : 0;
  if (text.includes(run)) return 1;
  const covered = new Uint8Array(run.length);
  for (let i = 0; i + 1 < run.length; i++) {
    if (text.includes(run.slice(i, i + 2))) covered[i] = covered[i + 1] = 1;
  }
  return covered.reduce((a, b) => a + b, 0) / run.length;
}

/** What the final ranking derives from the query once, not per candidate. */
export interface RankContext {
  pq: ParsedQuery;
  canon: string;
  corrected: string;
  /** Every token the query stands for (flags as typed, words, corrections, completions of the last word) → which term. */
  tokens: Map<string, number>;
  /** Flags a half-typed ("--pu") or misspelt ("--publsh") flag stands for, with their factor. */
  flagPrefixes: Map<string, number>;
  fuzzyText: string;
  marks: MarkSet;
  /** 0..1: how many cards the command family has, relative to the largest family. */
  familyWeight: (family: string) => number;
  /** Each Chinese run said in other words (`runVariants`), by run. */
  variants: string[][];
  /** Words the query says whole: as typed, corrected or a synonym, not completions of a half-typed word. */
  wholeTokens: Set<string>;
}

export function rankContext(pq: ParsedQuery, expanded: Expanded[], familyWeight: (family: string) => number): RankContext {
  const fix = new Map<string, string>();
  const tokens = new Map<string, number>();
  const flagPrefixes = new Map<string, number>();
  const marks: MarkSet = { words: [], prefixes: [], flags: [], cjk: [...pq.cjk] };
  expanded.forEach((e, ti) => {
    const t = e.term;
    if (t.kind === 'flag') {
      tokens.set(t.text, ti);
      if (e.exps.some((x) => x.how === 'exact')) marks.flags.push(t.text);
      for (const x of e.exps) {
        if (x.how === 'prefix') flagPrefixes.set(x.token, x.factor);
        if (x.how === 'typo') {
          // "--publsh" stands for --publish: it names that flag, and is marked as it.
          flagPrefixes.set(x.token, x.factor);
          tokens.set(x.token, ti);
          marks.flags.push(x.token);
          if (!fix.has(t.text)) fix.set(t.text, x.token);
        }
      }
      if (e.exps.some((x) => x.how === 'prefix')) marks.prefixes.push(t.text.toLowerCase());
      return;
    }
    if (t.kind === 'cjk') {
      for (const x of e.exps) marks.cjk.push(x.token);
      return;
    }
    for (const x of e.exps) {
      if (x.how === 'prefix') {
        // "save vs exp…": a half-typed last word names an item once it says enough.
        if (t.last && t.text.length >= 3 && !tokens.has(x.token)) tokens.set(x.token, ti);
        continue;
      }
      tokens.set(x.token, ti);
      marks.words.push(x.token);
    }
    if (e.exps.some((x) => x.how === 'prefix')) marks.prefixes.push(t.text);
    const typo = e.exps.find((x) => x.how === 'typo');
    if (typo && !e.exps.some((x) => x.how === 'exact')) fix.set(t.text, typo.token);
  });
  const corrected = pq.canonical
    .split(' ')
    .map((w) => fix.get(w) ?? w)
    .join(' ');
  // fuse.js gets the corrected query: it is fuzzy itself, but two typos in a short word defeat it.
  const fuzzyText = clip(fix.size ? corrected.toLowerCase() : pq.fuzzyText, 24);
  const variants = pq.cjk.map((run) => runVariants(run));
  const wholeTokens = new Set<string>();
  for (const e of expanded) if (e.term.kind === 'word') for (const x of e.exps) if (x.how !== 'prefix') wholeTokens.add(x.token);
  return { pq, canon: pq.canonical, corrected, tokens, flagPrefixes, fuzzyText, marks, familyWeight, variants, wholeTokens };
}

/** Structure the token scores cannot see: the key itself, the flag asked for, a comparison. */
export function bonus(card: Card, info: CardInfo, ctx: RankContext): number {
  const { pq, canon, corrected } = ctx;
  let b = 0;

  // The query is the key (or the key without "docker "): the card the user named.
  let keyBonus = 0;
  for (const { text: kc, worth } of info.keyCanon) {
    if (kc === canon) keyBonus = Math.max(keyBonus, 40 * worth);
    else if (kc === corrected) keyBonus = Math.max(keyBonus, 30 * worth);
    else if (canon.length >= 2 && kc.startsWith(canon)) keyBonus = Math.max(keyBonus, (20 * worth * canon.length) / kc.length);
    else if (corrected !== canon && kc.startsWith(corrected)) keyBonus = Math.max(keyBonus, (15 * worth * corrected.length) / kc.length);
  }
  // Or the query is the command one of its examples runs: `docker image rm redis:7` on the rmi card.
  if (keyBonus < 20 && pq.words.length >= 2) {
    if (info.commandCanons.some((c) => c === canon || c.startsWith(canon + ' '))) keyBonus = Math.max(keyBonus, 20);
  }
  b += keyBonus;

  // Asked about one thing, the card about it beats a comparison; with no flag asked for, a
  // command's own card edges out its flag variants.
  if (card.kind === 'compare' && !pq.compareSignal) b -= 4;
  if (card.kind === 'command' && pq.flags.length === 0) b += 1.5;

  // Flags are exact and case-sensitive: the card about -P, not one that merely shows it.
  if (pq.flags.length) {
    let any = false;
    for (const f of pq.flags) {
      if (info.ownFlags.has(f)) (b += 20), (any = true);
      else if (info.keyFlags.has(f)) (b += 10), (any = true);
      else {
        for (const own of info.ownFlags) {
          const factor = ctx.flagPrefixes.get(own);
          if (factor) (b += 15 * factor), (any = true);
        }
      }
    }
    if (!any && info.ownFlags.size) b -= 10;
    // Several commands share a flag (-p: docker run, docker compose): the command with the
    // most cards — the one the notes are mostly about — comes first.
    else if (any && info.ownFlags.size) b += 3 * ctx.familyWeight(info.family);
  }

  // "A B", "A vs B", "A和B区别": the compare card whose items the query names.
  // Two items must be named by two different terms: "rm" naming "rm" and (as a prefix) "rmi" doesn't count.
  // The more of each item the query says, the better ("save export" fits save | export more
  // than save/load | export/import).
  if (card.kind === 'compare') {
    let named = 0;
    let coverage = 0;
    const by = new Set<number>();
    for (const sig of info.itemSigs) {
      let hits = 0;
      for (const t of sig) {
        const term = ctx.tokens.get(t);
        if (term !== undefined) {
          hits++;
          by.add(term);
        }
      }
      if (hits) named++;
      if (sig.size) coverage += hits / sig.size;
    }
    const items = info.itemSigs.length || 1;
    if (named >= 2 && by.size >= 2) b += 15 + (10 * coverage) / items + (10 * named) / items + (pq.compareSignal ? 10 : 0);
    else if (pq.compareSignal) b += named ? 8 : 4;
  }

  // A Chinese run wholly covered by a key or title ("查看日志" by 查看容器日志), better still contiguous.
  const title = pq.cjk.length ? info.short : [];
  pq.cjk.forEach((run, r) => {
    let best = 0;
    for (const f of title) best = Math.max(best, coverage(run, ctx.variants[r]!, f.text));
    b += 12 * best * best;
    if (run.length >= 3 && title.some((f) => f.text.includes(run))) b += 4;
    // The card about the phrase: its title says just that ("多阶段构建（FROM … AS）", "删除镜像").
    if (run.length >= 2 && title.some((f) => f.cls === Cls.Title && titleCore(f.text) === run)) b += 5;
  });
  // A title that says just what was asked ("remove an image" → "Remove an image").
  if (pq.words.length >= 2 && info.titleWords.length) {
    let best = 0;
    for (const words of info.titleWords) {
      let hit = 0;
      for (const w of words) if (ctx.tokens.has(w)) hit++;
      if (hit === words.size) best = Math.max(best, hit / Math.max(words.size, pq.words.length));
    }
    b += 20 * best;
  }
  b += askBonus(info, ctx);
  if (pq.words.length >= 2) {
    const phrase = pq.words.join(' ');
    if (info.shortFolded.some((text) => text.includes(phrase))) b += 5;
  }
  return b;
}

/**
 * The query says what one of the card's `ask` phrases says: most of its words and Chinese (in
 * any order), and the phrase most of the query. Only whole typed words count — a half-typed
 * "entryp" is still a name being typed, not a question. Worth about a title's match, never an
 * exact key's or flag's.
 */
function askBonus(info: CardInfo, ctx: RankContext): number {
  const { pq } = ctx;
  if (!info.asks.length) return 0;
  const cjkChars = pq.cjk.reduce((n, run) => n + run.length, 0);
  const asked = pq.words.length + cjkChars;
  if (!asked) return 0;
  let best = 0;
  for (const ask of info.asks) {
    let hit = 0;
    for (const w of ask.words) if (ctx.wholeTokens.has(w)) hit++;
    let covered = 0;
    if (ask.cjk) pq.cjk.forEach((run, r) => (covered += coverage(run, ctx.variants[r]!, ask.text) * run.length));
    if (hit + covered === 0 || (hit === 1 && ask.words.size > 1 && !covered)) continue;
    const phrase = ask.words.size + ask.cjkChars;
    best = Math.max(best, ((hit + covered) / asked) * ((hit + covered) / phrase));
  }
  return 18 * Math.min(1, best);
}

/** At most `max` characters, cut at a space when there is one: one short Bitap pattern for fuse.js. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

