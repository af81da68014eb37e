/**
 * A small POSIX-shell reader, enough to find the Docker commands in a pasted line: quotes and
 * escapes, `\` continuations, comments, `|`, `||`, `&&`, `;`, `&`, redirections and `$(…)` /
 * backquote substitutions (whose insides are commands too). It never throws: an unclosed quote
 * runs to the end of the line, as a shell waiting for more input would show it.
 */

export interface Word {
  /** Exactly as typed, quotes included: `'daemon off;'`. */
  raw: string;
  /** What the program receives: quotes removed, escapes resolved. Substitutions stay as typed. */
  value: string;
  /** The insides of any `$(…)` or backquotes in this word. */
  subs: string[];
}

export interface SimpleCommand {
  words: Word[];
  /** Redirections (`> out.tar`, `2>&1`) as typed; they are the shell's, not the program's. */
  redirects: string[];
  /** The operator that ends this command (`|`, `&&`, `;`…), or '' at the end of the line. */
  then: string;
}

const OPERATORS = ['&&', '||', '|&', '|', ';;', ';', '&', '\n'];
// Curly quotes people paste from blogs and chat read as the straight ones a shell expects.
const CURLY: Record<string, string> = { '\u201c': '"', '\u201d': '"', '\u2018': "'", '\u2019': "'" };

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\u3000';
}

/** The end (exclusive) of a `$(…)` starting at `open` (the index of `(`), allowing nesting and quotes. */
function closeParen(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Joins `\` continuations, straightens curly quotes and drops a leading `$ ` prompt. */
export function normaliseLine(input: string): string {
  return input
    .replace(/\\\r?\n[ \t]*/g, ' ')
    .replace(/[\u201c\u201d\u2018\u2019]/g, (c) => CURLY[c]!)
    .replace(/^\s*\$\s+/, '');
}

/** Splits a line into simple commands joined by operators. */
export function readShell(input: string): SimpleCommand[] {
  const s = normaliseLine(input);
  const out: SimpleCommand[] = [];
  let cmd: SimpleCommand = { words: [], redirects: [], then: '' };
  let i = 0;
  const n = s.length;
  let redirectNext = false;
  const push = (w: Word) => {
    if (redirectNext) {
      cmd.redirects[cmd.redirects.length - 1] += ` ${w.raw}`;
      redirectNext = false;
    } else cmd.words.push(w);
  };
  while (i < n) {
    const c = s[i]!;
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && s[i] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (op) {
      cmd.then = op === '\n' ? ';' : op;
      if (cmd.words.length || cmd.redirects.length) out.push(cmd);
      cmd = { words: [], redirects: [], then: '' };
      i += op.length;
      continue;
    }
    const redirect = /^(\d*|&)(>>|>&|>|<<<|<<|<)(&\d+|&-)?/.exec(s.slice(i, i + 12));
    if (redirect) {
      cmd.redirects.push(redirect[0]);
      i += redirect[0].length;
      redirectNext = !redirect[3];
      continue;
    }
    // A word: read until an unquoted blank or operator.
    const start = i;
    let value = '';
    const subs: string[] = [];
    while (i < n) {
      const ch = s[i]!;
      if (isBlank(ch) || ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ((ch === '>' || ch === '<') && i > start)) break;
      if (ch === '\\') {
        value += s[i + 1] ?? '';
        i += 2;
      } else if (ch === "'") {
        const end = s.indexOf("'", i + 1);
        const stop = end === -1 ? n : end;
        value += s.slice(i + 1, stop);
        i = stop + 1;
      } else if (ch === '"') {
        i++;
        while (i < n && s[i] !== '"') {
          if (s[i] === '\\' && '"\\$`'.includes(s[i + 1] ?? '')) {
            value += s[i + 1];
            i += 2;
          } else if (s[i] === '$' && s[i + 1] === '(') {
            const end = closeParen(s, i + 1);
            subs.push(s.slice(i + 2, end - 1));
            value += s.slice(i, end);
            i = end;
          } else value += s[i++];
        }
        i++;
      } else if (ch === '$' && s[i + 1] === '(') {
        const end = closeParen(s, i + 1);
        subs.push(s.slice(i + 2, end - 1));
        value += s.slice(i, end);
        i = end;
      } else if (ch === '`') {
        const end = s.indexOf('`', i + 1);
        const stop = end === -1 ? n : end;
        subs.push(s.slice(i + 1, stop));
        value += s.slice(i, stop + 1);
        i = stop + 1;
      } else {
        value += ch;
        i++;
      }
    }
    push({ raw: s.slice(start, Math.min(i, n)), value, subs });
  }
  if (cmd.words.length || cmd.redirects.length) out.push(cmd);
  return out;
}
