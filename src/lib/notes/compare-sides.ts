/** What a comparison says of each side, and concept texts by language. */
import type { CardText } from './card.ts';
import { detectLang } from './lang.ts';
import { LIMITS } from './limits.ts';
import { clip, titleAndBody } from './text.ts';

const itemMatchers = new Map<string, (clause: string) => boolean>();
const WORDISH = /[\w-]/;

/** `needle` (ASCII, lower case) in `hay` (ASCII letters lowered) as a whole word, as `(?<![\w-])needle(?![\w-])` with /i finds it. */
function hasWord(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if ((at === 0 || !WORDISH.test(hay[at - 1]!)) && (at + needle.length >= hay.length || !WORDISH.test(hay[at + needle.length]!))) return true;
  }
  return false;
}

/**
 * A whole-word, case-insensitive test for a compared item or its name without `docker`. Cached
 * (items recur all over a big note); ASCII items skip the RegExp, whose compilation per new item
 * dominated a big note's comparisons (for ASCII, /i folds only A–Z, so a lowered search is the same).
 */
function itemMatcher(it: string): (clause: string) => boolean {
  let test = itemMatchers.get(it);
  if (!test) {
    const core = it.replace(/^docker(?:-compose)?\s+/, '');
    if (/^[\x20-\x7e]+$/.test(it) && core) {
      const a = it.toLowerCase();
      const b = core.toLowerCase();
      test = (clause) => {
        const hay = /[A-Z]/.test(clause) ? clause.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : clause;
        return hasWord(hay, a) || (b !== a && hasWord(hay, b));
      };
    } else {
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`(?<![\\w-])(?:${esc(it)}${core !== it ? `|${esc(core)}` : ''})(?![\\w-])`, 'i');
      test = (clause) => re.test(clause);
    }
    if (itemMatchers.size >= 1024) itemMatchers.clear();
    itemMatchers.set(it, test);
  }
  return test;
}

/**
 * What a comparison says of each side: each clause goes to the one item it names (clauses that
 * name none continue the previous one). Items are matched as whole words, so "-v" is not found
 * inside "--volume".
 */
export function sidesFrom(text: string, items: readonly string[]): string[] {
  const out: string[][] = items.map(() => []);
  const clean = text.replace(/`/g, '');
  const matchers = items.map(itemMatcher);
  for (const sentence of clean.split(/[。！？!?\n；;]+|\.(?=\s)/)) {
    let current = -1;
    for (const clause of sentence.split(/[，,]/)) {
      const c = clause.trim();
      if (!c) continue;
      const hits = matchers.map((m, i) => (m(c) ? i : -1)).filter((i) => i >= 0);
      if (hits.length === 1) current = hits[0]!;
      else if (hits.length > 1) current = -1;
      if (current >= 0 && (hits.length === 1 || hits.length === 0)) out[current]!.push(c);
    }
  }
  return out.map((parts) => clip(parts.join('，'), LIMITS.maxSide));
}

/** Paragraphs about a term → text by language; the title is the first sentence naming the term. */
export function conceptTexts(paras: readonly string[], fallback: string): Record<string, CardText> {
  const groups = new Map<string, string[]>();
  let last = fallback;
  for (const p of paras) {
    const t = p.trim();
    if (!t) continue;
    last = detectLang(t) ?? last;
    groups.set(last, [...(groups.get(last) ?? []), t]);
  }
  const out: Record<string, CardText> = {};
  for (const [lang, ps] of groups) {
    const t = titleAndBody(ps.join('\n'));
    if (t.title) out[lang] = t;
  }
  return out;
}
