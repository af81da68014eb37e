/**
 * Text primitives shared by the index and the query parser: one character-code scanner, so a
 * card and a query are cut into tokens by exactly the same rules, and nothing changes string
 * length (a match found in folded text is also a highlight range in the original).
 *
 * Tokens:
 * - word: a run of letters/digits of a spaced script, folded to lower case ("docker", "8080");
 * - compound: words glued by - _ . ("docker-compose", "daemon.json"), reported whole as well
 *   as by its parts;
 * - flag: "-p", "-it", "--publish-all" at the start of a token, case kept — so "-p" is never
 *   found inside "--pull" or "a-p";
 * - CJK run: characters of scripts written without spaces (Han, kana), matched by n-grams.
 */

export const TOK_WORD = 0;
export const TOK_COMPOUND = 1;
export const TOK_FLAG = 2;
export const TOK_CJK = 3;
export type TokKind = typeof TOK_WORD | typeof TOK_COMPOUND | typeof TOK_FLAG | typeof TOK_CJK;

export function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xf900 && c <= 0xfaff);
}

/** A letter or digit of a spaced script (code-unit test; punctuation and symbol blocks excluded). */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false;
  if (isCjkCode(c)) return false;
  return !(
    (c >= 0x2000 && c <= 0x2bff) || // punctuation, arrows, symbols, box drawing
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
    (c >= 0xd800 && c <= 0xf8ff) || // surrogates (emoji), private use
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}

/** Lower-case one code unit without changing length: ASCII and Latin-1 letters. */
export function foldCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c;
}

/** Lower-cases exactly as the index does (offsets stay valid): ASCII and Latin-1 letters only. */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.replace(UPPER_LATIN, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}
const UPPER_LATIN = /[A-Z\u00c0-\u00d6\u00d8-\u00de]/g;

const isAsciiAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAsciiAlnum = (c: number) => isAsciiAlpha(c) || (c >= 48 && c <= 57);
const isGlue = (c: number) => c === 45 || c === 95 || c === 46; // - _ .

/** May a flag start after this character? Start of text, space, bracket, quote, separator. */
function flagMayFollow(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 40 || c === 91 || c === 96 || c === 34 || c === 39 ||
    c === 61 || c === 58 || c === 59 || c === 44 || c === 0x201c || c === 0x2018 || c === 0xff0c ||
    c === 0x3001 || c === 0xff08 || c === 0xff1a || c === 0xff1b || c === 0xa0 || c === 0x3000
  );
}

export type TokenSink = (kind: TokKind, start: number, end: number) => void;

// One table lookup per character instead of a chain of range tests: the scanner reads every
// character of a deck, so this is the index build's innermost loop.
const WORD = 1;
const CJK = 2;
const GLUE = 4;
const FLAG_AFTER = 8;
const CLASS = /* @__PURE__ */ (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = (isWordCode(c) ? WORD : 0) | (isCjkCode(c) ? CJK : 0) | (isGlue(c) ? GLUE : 0) | (flagMayFollow(c) ? FLAG_AFTER : 0);
  }
  return t;
})();

/** Cuts `text` into tokens (see the module comment), calling `sink` with each one's offsets. */
export function scan(text: string, sink: TokenSink): void {
  const cls = CLASS;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k0 = cls[text.charCodeAt(i)]!;
    if (k0 & WORD) {
      const start = i;
      let parts = 0;
      let end = i;
      for (;;) {
        const ps = i;
        while (i < n && cls[text.charCodeAt(i)]! & WORD) i++;
        sink(TOK_WORD, ps, i);
        parts++;
        end = i;
        if (i + 1 < n && cls[text.charCodeAt(i)]! & GLUE && cls[text.charCodeAt(i + 1)]! & WORD) i++;
        else break;
      }
      if (parts > 1) sink(TOK_COMPOUND, start, end);
      continue;
    }
    if (k0 & CJK) {
      const start = i;
      while (i < n && cls[text.charCodeAt(i)]! & CJK) i++;
      sink(TOK_CJK, start, i);
      continue;
    }
    if (text.charCodeAt(i) === 45 && (i === 0 || cls[text.charCodeAt(i - 1)]! & FLAG_AFTER)) {
      let j = i + 1;
      if (j < n && text.charCodeAt(j) === 45) j++;
      if (j < n && isAsciiAlpha(text.charCodeAt(j))) {
        let k = j + 1;
        while (k < n && isAsciiAlnum(text.charCodeAt(k))) k++;
        while (k + 1 < n && text.charCodeAt(k) === 45 && isAsciiAlnum(text.charCodeAt(k + 1))) {
          k += 2;
          while (k < n && isAsciiAlnum(text.charCodeAt(k))) k++;
        }
        sink(TOK_FLAG, i, k);
        i = j; // the flag's letters are words too: "--publish-all" → publish, all
        continue;
      }
    }
    i++;
  }
}

export interface Span {
  text: string;
  start: number;
}

function collect(text: string, kinds: readonly TokKind[], folded = false): Span[] {
  const out: Span[] = [];
  const src = folded ? fold(text) : text;
  scan(text, (kind, start, end) => {
    if (kinds.includes(kind)) out.push({ text: src.slice(start, end), start });
  });
  return out;
}

/** Flags as written, with offsets. */
export const flagSpans = (text: string): Span[] => collect(text, [TOK_FLAG]);
/** Folded words: simple words, compound parts and whole compounds. */
export const wordSpans = (text: string): Span[] => collect(text, [TOK_WORD, TOK_COMPOUND], true);
/** Runs of CJK characters, with offsets. */
export const cjkSpans = (text: string): Span[] => collect(text, [TOK_CJK]);

/** Overlapping character bigrams of a CJK run ("删除镜像" → 删除 除镜 镜像), by code unit like the index. */
export function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** Every start offset of `needle` in `hay`. */
export function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** True when `text[at]` does not continue a word, i.e. a token may start or end here. */
export function isBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || !isWordCode(text.charCodeAt(at));
}

/** The parts of a compound ("docker-compose" → docker, compose); [] for a simple word. */
export function compoundParts(word: string): string[] {
  const parts: string[] = [];
  scan(word, (kind, start, end) => {
    if (kind === TOK_WORD) parts.push(word.slice(start, end));
  });
  return parts.length > 1 ? parts : [];
}
