import { LIMITS } from './limits.ts';
import type { CardText } from './card.ts';
import { detectLang } from './lang.ts';

/** Invisible characters that ride along when text is copied out of a rendered page. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

const ANY_ODD_CHAR = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000\u201c-\u201f\u2033\u00ab\u00bb\uff02\u2018-\u201b\u2032\uff07]/;
/** Either of the above or a dash fixDashes may change: typeable's one scan of text that needs nothing. */
const ANY_UNTYPEABLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000\u201c-\u201f\u2033\u00ab\u00bb\uff02\u2018-\u201b\u2032\uff07\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|---/;

/** Spaces, quotes and invisible characters as a terminal would want them (dashes: see fixDashes). */
export function plainChars(s: string): string {
  if (!ANY_ODD_CHAR.test(s)) return s; // the common case: one scan instead of four replaces
  return s
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\uff07]/g, "'");
}

const ODD_DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]|---/;

/**
 * Typographic dashes a blog engine put where a flag's dashes were: "–restart" → "--restart",
 * "-–mount" → "--mount", "—d" → "-d". Only at the start of a word, so prose dashes survive.
 */
export function fixDashes(s: string): string {
  if (!ODD_DASH.test(s)) return s; // plain "-" and "--" are left alone anyway
  return s.replace(/(^|[\s="'(=[])([-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]{1,3})(?=[A-Za-z])([A-Za-z][\w-]*)/g, (m, pre: string, dashes: string, word: string) => {
    if (/^-{1,2}$/.test(dashes)) return m;
    return `${pre}${word.length === 1 ? '-' : '--'}${word}`;
  });
}

let lastTyped = '';

/** Both of the above: for anything that is meant to be typed. */
export function typeable(s: string): string {
  // A line is often made typeable, then handed on to something that makes it typeable again:
  // the last answer is typeable already, so skip the scan (typeable(typeable(x)) === typeable(x)).
  if (s === lastTyped) return s;
  lastTyped = ANY_UNTYPEABLE.test(s) ? fixDashes(plainChars(s)) : s;
  return lastTyped;
}

/** Collapse runs of blanks; keep line breaks (bodies are shown with `white-space: pre-line`). */
const UNTIDY = /[ \t]{2}|\t| \n|\n |\n{3}/;

export function tidy(s: string): string {
  if (!UNTIDY.test(s)) return s.trim(); // the common case: already tidy
  return s
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Cut to `max` characters at a sentence or word boundary where one is close, marking the cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const at = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('. '), cut.lastIndexOf('\n'), cut.lastIndexOf(' '), cut.lastIndexOf('，'));
  return `${(at > max * 0.6 ? cut.slice(0, at + 1) : cut).trimEnd()}…`;
}

/** Sentence ends: CJK full stops anywhere, Latin ones before a space. */
const SENTENCE_END = /([。！？；!?;]|\.(?=\s|$))/;

/** Split an explanation into a short title (its first line or sentence) and the rest. */
export function titleAndBody(text: string): CardText {
  const t = tidy(fixDashes(stripMarkers(text)));
  if (!t) return { title: '', body: '' };
  const nl = t.indexOf('\n');
  let title = nl >= 0 ? t.slice(0, nl) : t;
  let body = nl >= 0 ? t.slice(nl + 1) : '';
  if (title.length > 80) {
    const m = SENTENCE_END.exec(title);
    if (m && m.index > 4 && m.index < title.length - 1) {
      body = `${title.slice(m.index + 1).trim()}${body ? `\n${body}` : ''}`;
      title = title.slice(0, m.index + (m[0] === '.' ? 1 : 0));
    }
  }
  title = trimEndPunct(title).trim();
  return { title: clip(title, LIMITS.maxTitle), body: clip(body.trim(), LIMITS.maxBody) };
}

/**
 * Explanation lines → text by language. Lines in different languages (a Chinese comment above an
 * English one) become one entry per language; lines with no letters stick to the previous one.
 */
export function textsFrom(lines: readonly string[], fallbackLang: string): Record<string, CardText> {
  const groups: { lang: string; lines: string[] }[] = [];
  for (const raw of lines) {
    const line = stripMarkers(raw);
    if (!line) continue;
    const lang = detectLang(line) ?? groups[groups.length - 1]?.lang ?? fallbackLang;
    const g = groups.find((x) => x.lang === lang);
    if (g) g.lines.push(line);
    else groups.push({ lang, lines: [line] });
  }
  const out: Record<string, CardText> = {};
  for (const g of groups) {
    const t = titleAndBody(g.lines.join('\n'));
    if (t.title) out[g.lang] = t;
  }
  return out;
}

const gists = new Map<string, string>();

/**
 * Text compared for "already said": no blanks, no code ticks. Memoised: a card merged thousands
 * of times in a big note would otherwise re-gist its whole accumulated body on every merge.
 */
function gist(s: string): string {
  let g = gists.get(s);
  if (g === undefined) {
    g = s.replace(/[\s`*]+/g, '').toLowerCase();
    if (gists.size >= 4096) gists.clear();
    gists.set(s, g);
  }
  return g;
}

/** Join two bodies without repeating what is already there. */
export function joinBody(a: string, b: string): string {
  const x = a.trim();
  const y = b.trim();
  if (!y) return x;
  // a body already cut at the limit has no room left: skip the comparison (and don't stack "……")
  if (x.endsWith('…') && x.length + 2 + y.length > LIMITS.maxBody) return x;
  if (gist(x).includes(gist(y))) return x;
  if (!x || gist(y).includes(gist(x))) return clip(y, LIMITS.maxBody);
  return clip(`${x}\n\n${y}`, LIMITS.maxBody);
}

/**
 * Undo hard wrapping inside a paragraph: a line break between two Chinese characters disappears,
 * elsewhere it becomes a space. Breaks after a sentence end are kept.
 */
export function unwrap(s: string): string {
  if (!s.includes('\n')) return s;
  return s
    .replace(/([\u3400-\u9fff\uff0c\u3001])\n(?=[\u3400-\u9fff])/g, '$1')
    .replace(/([^。！？.!?:：;；\n])\n(?=\S)/g, '$1 ');
}

const MAY_BE_MARKED = /^\s*[-*+•\dpPnNsStT注提第说說备備#/（(]/;

/** Bullets, step numbers and "PS:" markers in front of an explanation are not part of it. */
export function stripMarkers(s: string): string {
  if (!MAY_BE_MARKED.test(s)) return s.trim(); // every marker below starts with one of these
  // also a comment's "# " / "// ", "（1）" step numbers and the 说明/备注/Tip labels
  return s.replace(/^\s*(?:[-*+•]\s+|#{1,3}\s+|\/\/\s*|\d{1,2}[.、)]\s*(?=\D)|[（(]\d{1,2}[)）]\s*|(?:ps|PS|Ps|Note|NOTE|注意|注|提示|说明|說明|备注|備註|tips?|Step\s*\d{1,2}|第\s*\d{1,2}\s*步)\s*[:：]\s*)/i, '').trim();
}

const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f; // 。！？!?
/** JavaScript's \s, as a character code test. */
export function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Sentences, trimmed, empty ones dropped: cut after 。！？!? and at blanks after a full stop —
 * what `split(/(?<=[。！？!?])|(?<=\.)\s+/)` gives, in one pass (it runs on every long paragraph).
 */
export function sentences(t: string): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    const x = s.trim();
    if (x) out.push(x);
  };
  let p = 0;
  for (let q = 1; q < t.length; q++) {
    const prev = t.charCodeAt(q - 1);
    if (isSentenceEnd(prev)) {
      if (q > p) {
        push(t.slice(p, q));
        p = q;
      }
    } else if (prev === 0x2e && isJsSpace(t.charCodeAt(q))) {
      let e = q;
      while (e < t.length && isJsSpace(t.charCodeAt(e))) e++;
      push(t.slice(p, q));
      p = e;
      q = e - 1;
    }
  }
  push(t.slice(p));
  return out;
}

/** Whether the last character that is not a blank is a colon ("用法如下：") — as /[:：]\s*$/ tests, without scanning from the front. */
export function endsWithColon(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && isJsSpace(s.charCodeAt(i))) i--;
  return i >= 0 && (s[i] === ':' || s[i] === '：');
}

const TITLE_PUNCT = ':：。，,;；';

/** The run of punctuation (and the blanks around it) ending a title: as replace(/\s*[:：。，,;；]+\s*$/, '') does. */
function trimEndPunct(s: string): string {
  let i = s.length;
  while (i > 0 && isJsSpace(s.charCodeAt(i - 1))) i--;
  let j = i;
  while (j > 0 && TITLE_PUNCT.includes(s[j - 1]!)) j--;
  if (j === i) return s;
  while (j > 0 && isJsSpace(s.charCodeAt(j - 1))) j--;
  return s.slice(0, j);
}
