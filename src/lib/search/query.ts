import { canonicalCommand } from './command-names.ts';
import { TOK_CJK, TOK_WORD, TOK_COMPOUND, bigrams, flagSpans, fold, scan } from './text.ts';

/**
 * A query as the ranker sees it. Flags keep their case; words are folded; Chinese runs are
 * split into bigrams (each its own term) so "只读挂载" finds "以只读方式挂载" without a segmenter.
 */
export interface ParsedQuery {
  /** Flags as typed, case kept: ["-v"]. */
  flags: string[];
  /** Folded words in order, stop words and compare words removed. */
  words: string[];
  /** CJK runs in order, fillers and compare words removed. */
  cjk: string[];
  /** Every term the ranker scores, in order. */
  terms: Term[];
  /** The query asked for a difference: "vs", "|", "和", "区别", "difference". */
  compareSignal: boolean;
  /** Normalised query for key equality: words folded, flags as typed, joining words ("vs", "和") left out. */
  canonical: string;
  /** Query text handed to fuse.js (folded, normalised). */
  fuzzyText: string;
}

export interface Term {
  kind: 'word' | 'flag' | 'cjk';
  text: string;
  /** The last token, probably still being typed: prefix completion is worth more here. */
  last: boolean;
  /** Low-value terms ("区别", "difference") add a little but never decide a result. */
  weak: boolean;
  /** CJK terms: which run (index into `cjk`) the bigram comes from, and where in it. */
  run?: number;
  at?: number;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the to of in on at for with by is are be do does did how what which when why where i my me you your it its this that can should from into about'.split(
    ' ',
  ),
);
/** Words that join the things compared. Not terms. */
const JOIN_WORDS = new Set(['vs', 'versus', 'between', 'or', 'and']);
/** Words that ask for a comparison: kept as weak terms, since compare titles use them. */
const COMPARE_WORDS = new Set(['difference', 'differences', 'diff', 'compare', 'comparison']);
const CJK_COMPARE_WORDS = /区别|不同|差别|差异|对比|比较/gu;
/** CJK that only joins or asks ("和", "的", "如何"): dropped so it cannot decide a result. */
const CJK_FILLER = /如何|怎么|怎样|什么|为什么|哪些|一下|是多少|多少|[和与跟的吗呢]/gu;
const SIGNAL = /(^|\s)(\||vs\.?|versus)(\s|$)|\b(difference|differences|diff|compare)\b|区别|不同|差别|差异|对比|比较|还是|和|与|跟/iu;

/** Unify what phones and IMEs type: full-width forms, typographic dashes, smart quotes. */
export function normaliseQuery(raw: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(raw)) return raw.replace(/ {2,}/g, ' ').trim(); // plain ASCII: nothing to unify
  return raw
    .normalize('NFKC')
    .replace(/[\u2014\u2013](?=[A-Za-z])/g, '--') // "—pull": a phone turned "--" into a dash
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `rename`: may a command written another way ("docker container ls") be read as the name the
 * cards use ("docker ps")? Asked with the name as typed; a deck with its own cards under that
 * name says no. Card keys and examples are read as written (no `rename`).
 */
export function parseQuery(raw: string, rename?: (typed: string) => boolean): ParsedQuery {
  const normal = normaliseQuery(raw);
  const q = rename ? canonicalCommand(normal, rename) : normal;
  const out: ParsedQuery = { flags: [], words: [], cjk: [], terms: [], compareSignal: SIGNAL.test(q), canonical: '', fuzzyText: fold(q) };
  const canonical: string[] = [];
  const chunks = q.split(' ').filter((c) => c && !/^-+$/.test(c)); // a lone dash: a flag is coming

  chunks.forEach((chunk, ci) => {
    const lastChunk = ci === chunks.length - 1;
    let rest = chunk;
    // A chunk that starts with a dash is a flag; a value after "=" is read as words.
    const head = chunk.split('=')[0]!;
    const flag = /^--?[A-Za-z]/.test(chunk) ? flagSpans(head)[0] : undefined;
    if (flag && flag.text === head) {
      rest = chunk.slice(head.length + 1);
      canonical.push(flag.text);
      out.flags.push(flag.text);
      out.terms.push({ kind: 'flag', text: flag.text, last: lastChunk && !rest, weak: false });
    }
    const parts = queryParts(rest);
    parts.forEach((p, pi) => {
      const last = lastChunk && pi === parts.length - 1;
      if (!p.cjk) {
        if (!JOIN_WORDS.has(p.text) && !COMPARE_WORDS.has(p.text)) canonical.push(p.text);
        addWord(out, p.text, last, chunks.length === 1);
      } else {
        const before = out.cjk.length;
        addCjk(out, p.text, last);
        canonical.push(...out.cjk.slice(before));
      }
    });
  });

  // A query made only of fillers ("how to") still searches for what was typed.
  if (out.terms.length === 0) {
    for (const p of queryParts(q)) if (!p.cjk) out.terms.push({ kind: 'word', text: p.text, last: true, weak: false });
  }
  out.canonical = canonical.join(' ');
  return out;
}

/** Whole words (compounds unsplit, folded) and CJK runs, in order. */
function queryParts(text: string): Array<{ text: string; cjk: boolean }> {
  const folded = fold(text);
  const out: Array<{ text: string; cjk: boolean; start: number; end: number }> = [];
  scan(text, (kind, start, end) => {
    if (kind === TOK_CJK) out.push({ text: text.slice(start, end), cjk: true, start, end });
    else if (kind === TOK_COMPOUND) {
      // A compound arrives after its parts: it replaces them.
      while (out.length && out[out.length - 1]!.start >= start && !out[out.length - 1]!.cjk) out.pop();
      out.push({ text: folded.slice(start, end), cjk: false, start, end });
    } else if (kind === TOK_WORD) out.push({ text: folded.slice(start, end), cjk: false, start, end });
  });
  return out;
}

function addWord(out: ParsedQuery, word: string, last: boolean, alone: boolean): void {
  if (JOIN_WORDS.has(word)) return;
  if (COMPARE_WORDS.has(word)) {
    out.terms.push({ kind: 'word', text: word, last, weak: true });
    return;
  }
  // A stop word still being typed may be the start of a real word ("docker in" → inspect):
  // kept then, as a weak term unless it is the whole query.
  if (STOP_WORDS.has(word)) {
    if (!last) return;
    if (!alone) {
      out.terms.push({ kind: 'word', text: word, last, weak: true });
      return;
    }
  }
  out.words.push(word);
  out.terms.push({ kind: 'word', text: word, last, weak: false });
}

function addCjk(out: ParsedQuery, run: string, last: boolean): void {
  for (const m of run.matchAll(CJK_COMPARE_WORDS)) out.terms.push({ kind: 'cjk', text: m[0], last: false, weak: true });
  const pieces = run.replace(CJK_COMPARE_WORDS, ' ').replace(CJK_FILLER, ' ').split(' ').filter(Boolean);
  pieces.forEach((piece, pi) => {
    const run = out.cjk.push(piece) - 1;
    const grams = bigrams(piece);
    const lastPiece = last && pi === pieces.length - 1;
    if (grams.length === 0) out.terms.push({ kind: 'cjk', text: piece, last: lastPiece, weak: false, run });
    grams.forEach((g, gi) => out.terms.push({ kind: 'cjk', text: g, last: lastPiece && gi === grams.length - 1, weak: false, run, at: gi }));
  });
}
