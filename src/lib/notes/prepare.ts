/**
 * Text clean-up before the Markdown parser sees a note, keeping every line where it was so
 * warnings and `source.line` point at the user's file: blog-engine syntax (Liquid highlight
 * tags, `[TOC]`, kramdown `{:toc}`, `<details>` wrappers) becomes plain Markdown, pathological
 * nesting is flattened, and big notes are cut into chunks at blank lines where no construct can
 * span the cut.
 */
import { LIMITS } from './limits.ts';
import { recoverLine, rootCommandLines } from './rules/recover-lines.ts';
import { unwrapNoteFormats } from './formats/index.ts'; // idx-formats hook
import { readTopMatter, type FrontMatterFormat } from './frontmatter.ts'; // idx-formats hook

export interface Warn {
  line: number;
  message: string;
}

export interface Chunk {
  /** 0-based index of the chunk's first line in the note. */
  offset: number;
  text: string;
}

export interface Prepared {
  chunks: Chunk[];
  /** Front matter found without an opening `---` (Hexo allows it); the standard form is left to the parser. */
  looseFrontMatter?: { yaml: string; line: number; format?: FrontMatterFormat };
  warnings: Warn[];
}

export type Refusal = { refused: string };

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const LIQUID_OPEN = /^\s*\{%-?\s*(?:highlight|codeblock)\b\s*([^%]*?)\s*-?%\}\s*$/;
const LIQUID_CLOSE = /^\s*\{%-?\s*end(?:highlight|codeblock)\s*-?%\}\s*$/;
const LIQUID_LINE = /^\s*\{%-?[^%]*-?%\}\s*$/;
const LIQUID_RAW = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const TOC = /^\s*(?:\[TOC\]|\[\[_?toc_?\]\]|\{:\s*toc\s*\}|@\[toc\](?:\([^)]*\))?|<!--\s*(?:toc|more)\s*-->|\{:\s*[.#][^}]*\})\s*$/i;
const DETAILS_LINE = /^\s*(?:<\/?details[^>]*>|<\/?summary[^>]*>|\s)*$/i;
const DETAILS_ANY = /<\/?(?:details|summary)[^>]*>/gi;
const MAY_BE_TOC = /[[{@<]/;
/** FENCE needs three backticks or tildes: a substring test rules most lines out. */
const mayFence = (line: string) => line.includes('```') || line.includes('~~~');
const YAMLISH = /^(?:[A-Za-z_][\w-]*:(?:\s.*)?|\s+\S.*|\s*)$/;

/** Refuse what is not text: NUL bytes, or mostly control characters and decoding garbage. */
function binaryReason(text: string): string | null {
  if (text.includes('\u0000')) return 'binary data (NUL bytes): file skipped';
  const sample = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return sample.length >= 32 && bad > sample.length * 0.1 ? 'not text (control characters or undecodable bytes): file skipped' : null;
}

const NESTING_START = /^[ \t]*[>*+\-\d]/;

/** Container markers (`>`, list bullets) at the start of a line beyond `max` are dropped. */
function clampNesting(line: string, max: number): string {
  if (!NESTING_START.test(line)) return line;
  let i = 0;
  let markers = 0;
  let cutAt = -1;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    const c = line[i];
    let len = 0;
    if (c === '>') len = 1;
    else if ((c === '-' || c === '*' || c === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) len = 1;
    else {
      const m = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11));
      if (m) len = m[0].length;
    }
    if (!len) break;
    markers++;
    i += len;
    if (markers === max) cutAt = i;
  }
  if (markers <= max || cutAt < 0) return line;
  return line.slice(0, cutAt) + ' ' + line.slice(i).trimStart();
}

function clampIndent(line: string, max: number): string {
  if (line[0] !== ' ' && line[0] !== '\t') return line;
  const m = /^[ \t]+/.exec(line);
  if (!m) return line;
  const width = m[0].replace(/\t/g, '    ').length;
  return width > max ? ' '.repeat(max) + line.slice(m[0].length) : line;
}

export function prepare(input: string): Prepared | Refusal {
  const warnings: Warn[] = [];
  const reason = binaryReason(input);
  if (reason) return { refused: reason };
  // (a test, not a trim: a big note has text near its start)
  if (!/\S/.test(input.replace(/^\ufeff/, ''))) return { refused: 'empty note: nothing to index' };
  let text = input;
  if (text.length > LIMITS.maxNoteChars) {
    text = text.slice(0, LIMITS.maxNoteChars);
    const line = text.split('\n').length;
    warnings.push({ line, message: `note longer than ${LIMITS.maxNoteChars} characters: the rest from here was skipped` });
  }
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');

  let looseFrontMatter: Prepared['looseFrontMatter'];
  let from = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && k < 300 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (close > 0) from = close + 1;
    else warnings.push({ line: 1, message: 'front matter opened with --- is never closed: read as ordinary text' });
  } else if (lines[0] && /^[A-Za-z_][\w-]*:\s/.test(lines[0])) {
    // Hexo also accepts front matter with only the closing ---.
    const close = lines.findIndex((l, k) => k > 0 && k < 60 && /^---\s*$/.test(l));
    if (close > 0 && lines.slice(0, close).every((l) => YAMLISH.test(l))) {
      looseFrontMatter = { yaml: lines.slice(0, close).join('\n'), line: 1 };
      for (let k = 0; k <= close; k++) lines[k] = '';
      from = close + 1;
    }
  } else looseFrontMatter = readTopMatter(lines); // idx-formats hook: TOML +++ / JSON front matter (its lines blanked)

  let fence: { char: string; len: number; line: number; liquid: boolean } | null = null;
  let warnedNesting = false;
  const rootPrompts = rootCommandLines(lines) >= 2;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k]!.length > LIMITS.maxNoteLine) {
      lines[k] = lines[k]!.slice(0, LIMITS.maxNoteLine);
      warnings.push({ line: k + 1, message: `line longer than ${LIMITS.maxNoteLine} characters: the rest of the line was skipped` });
    }
  }
  unwrapNoteFormats(lines, from); // idx-formats hook: admonitions, tabs, callouts, HTML blocks → Markdown
  /** Lines where a chunk may start: outside any fence, after a blank line, at column 0, not a continuation. */
  const safe: boolean[] = new Array<boolean>(lines.length).fill(false);

  for (let k = from; k < lines.length; k++) {
    let line = lines[k]!;
    if (fence) {
      if (fence.liquid) {
        if (LIQUID_CLOSE.test(line)) {
          lines[k] = '~~~~~~';
          fence = null;
        } else if (line.includes('{%')) {
          lines[k] = line.replace(LIQUID_RAW, '');
        }
        continue;
      }
      const m = mayFence(line) ? FENCE.exec(line) : null;
      if (m && m[2]![0] === fence.char && m[2]!.length >= fence.len && !m[3]!.trim()) fence = null;
      continue;
    }
    const lq = line.includes('{%') ? LIQUID_OPEN.exec(line) : null;
    if (lq) {
      const lang = (/lang:(\S+)/.exec(lq[1]!)?.[1] ?? lq[1]!.split(/\s+/)[0] ?? '').replace(/[^\w+#.-]/g, '');
      lines[k] = `~~~~~~${lang}`;
      fence = { char: '~', len: 6, line: k + 1, liquid: true };
      continue;
    }
    const m = mayFence(line) ? FENCE.exec(line) : null;
    if (m && !(m[2]![0] === '`' && m[3]!.includes('`'))) {
      fence = { char: m[2]![0]!, len: m[2]!.length, line: k + 1, liquid: false };
      safe[k] = k > 0 && !lines[k - 1]!.trim() && !m[1];
      continue;
    }
    line = recoverLine(line, k > 0 ? lines[k - 1]! : '', rootPrompts);
    // (most lines hold none of "{%", "[", "{", "@", "<": skip those patterns for them)
    const liquid = line.includes('{%');
    if (liquid && LIQUID_RAW.test(line)) line = line.replace(LIQUID_RAW, '');
    if (MAY_BE_TOC.test(line) && TOC.test(line)) {
      if (/\{:\s*toc/i.test(line) && k > 0 && /^\s*[*-]\s+\S+\s*$/.test(lines[k - 1]!)) lines[k - 1] = '';
      line = '';
    } else if (liquid && LIQUID_LINE.test(line)) {
      line = '';
    } else if (line.includes('<') && /<\/?(?:details|summary)/i.test(line)) {
      // keep the summary's words as a lead-in line; drop the wrapper so the Markdown inside is parsed
      line = DETAILS_LINE.test(line) ? '' : line.replace(DETAILS_ANY, ' ').replace(/\s+/g, ' ').trim();
    }
    const clamped = clampIndent(clampNesting(line, LIMITS.maxNesting), LIMITS.maxIndent);
    if (clamped !== line && !warnedNesting) {
      warnedNesting = true;
      warnings.push({ line: k + 1, message: `nesting deeper than ${LIMITS.maxNesting} levels (or indented past ${LIMITS.maxIndent} columns) flattened from here on` });
    }
    lines[k] = clamped;
    safe[k] = k > 0 && !lines[k - 1]!.trim() && /^[^\s>|*+\-\d<]/.test(clamped);
  }
  if (fence) {
    warnings.push({
      line: fence.line,
      message: fence.liquid ? 'highlight block is never closed with {% endhighlight %}: the rest of the file was read as code' : 'code fence is never closed: the rest of the file was read as code',
    });
  }

  const chunks: Chunk[] = [];
  let start = 0;
  let size = 0;
  for (let k = 0; k < lines.length; k++) {
    if (safe[k] && size >= LIMITS.chunkChars) {
      chunks.push({ offset: start, text: lines.slice(start, k).join('\n') });
      start = k;
      size = 0;
    }
    size += lines[k]!.length + 1;
  }
  chunks.push({ offset: start, text: lines.slice(start).join('\n') });
  return { chunks, warnings, ...(looseFrontMatter ? { looseFrontMatter } : {}) };
}
