/**
 * Stage 2, the words of a command line: tokens (quotes and $(…) kept together), prompts, trailing
 * comments, copy artefacts, continuations, heredocs, and the flags a command uses.
 */
import { memo } from './memo.ts';

export type Mode = 'code' | 'prose';

export interface Token {
  text: string;
  start: number;
  end: number;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000;
}

/** Whitespace-separated words (the first `max` of them), keeping quoted strings and $(…) together. Never throws. */
export function tokenize(line: string, max = Infinity): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && out.length < max) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    let depth = 0;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (quote) {
        if (c === 92 && quote === 34) i++;
        else if (c === quote) quote = 0;
      } else if (c === 92) i++;
      else if (c === 34 || c === 39) quote = c;
      else if (c === 40 && line.charCodeAt(i - 1) === 36) depth++;
      else if (c === 41 && depth > 0) depth--;
      else if (depth === 0 && isSpace(c)) break;
      i++;
    }
    const end = Math.min(i, n);
    out.push({ text: line.slice(start, end), start, end });
  }
  return out;
}

/** (`// comment` is accepted too, written with spaces around the slashes.) */
export function trailingCommentAt(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && i > 0 && /\s/.test(line[i - 1]!)) return i;
    else if (c === '/' && line[i + 1] === '/' && i > 0 && /\s/.test(line[i - 1]!) && /\s/.test(line[i + 2] ?? '')) return i + 1;
  }
  return -1;
}

/** Prompts people paste with their commands. The bare `# ` root prompt is handled separately. */
const PROMPTS: readonly RegExp[] = [
  /^\s*\$\s+/, // $ docker ps
  /^\s*%\s+(?=\S)/, // % docker ps (zsh)
  /^\s*\[[^\]\n]{1,60}\][#$]\s*/, // [root@host ~]# docker ps
  /^\s*[\w.-]{1,32}@[\w.-]{1,64}(?::[^\s#$]{0,80})?\s*[#$]\s*/, // root@abc:/# ls
  /^\s*(?:~|\/)[^\s#$]{0,80}\s+[#$]\s+/, // /opt/app # touch x
  /^\s*PS [A-Z]:\\[^>]{0,80}>\s*/, // PS C:\> docker ps
  /^\s*[A-Z]:\\[^>]{0,80}>\s*/, // C:\> docker ps
];

const PIPE = /[|│¦]/;

/** Line numbers and table pipes left by copying a rendered code block: "3 | docker ps |". */
export function stripLineArtifacts(line: string): string {
  if (!PIPE.test(line)) return line;
  return line
    .replace(/^\s*\d{1,5}\s*[|│¦]\s?/, '')
    .replace(/\s*[|│¦]\s*$/, (m) => (/\|\s*\|/.test(line) || /^\s*\d{1,5}\s*[|│¦]/.test(line) ? '' : m));
}

export interface Prompted {
  rest: string;
  prompt: boolean;
  /** Which kind of prompt ($, user@host, path …): a change means the commands run somewhere else. */
  kind: number;
}

/** What every prompt above starts with: one test rules them all out for most lines. */
const MAY_BE_PROMPT = /^\s*(?:[$%[~/]|PS |[A-Z]:\\|[\w.-]{1,32}@)/;

export function stripPrompt(line: string): Prompted {
  if (!MAY_BE_PROMPT.test(line)) return { rest: line, prompt: false, kind: -1 };
  for (let k = 0; k < PROMPTS.length; k++) {
    const m = PROMPTS[k]!.exec(line);
    if (m) return { rest: line.slice(m[0].length), prompt: true, kind: k };
  }
  return { rest: line, prompt: false, kind: -1 };
}

/** Flags as typed in a command: "-d", "--name", "-it" (values after "=" dropped). Shared: read-only. */
export const flagsOf: (command: string) => readonly string[] = memo((command) => {
  const out: string[] = [];
  for (const t of tokenize(command)) {
    const m = /^(-{1,2}[A-Za-z][\w-]*)/.exec(t.text);
    if (m) out.push(m[1]!);
  }
  return out;
});

/** Does the command use `flag` — exactly, with "=value", or inside a bundle of short flags ("-dit" has "-d" and "-it")? */
export function usesFlag(command: string, flag: string): boolean {
  const bundle = /^-[A-Za-z]{1,3}$/.test(flag) ? flag.slice(1) : null;
  for (const f of flagsOf(command)) {
    if (f === flag) return true;
    if (bundle && isBundle(f) && [...bundle].every((c) => f.includes(c))) return true;
  }
  return false;
}

/** "-dit", "-aq": short flags written together. Old single-dash words ("-name", "-net") are not. */
const NOT_BUNDLES = new Set(['-net', '-name', '-link', '-env', '-dns', '-log', '-mtu', '-ip', '-rm', '-cpu', '-mem', '-tag', '-add', '-dip', '-help', '-it']);
export function isBundle(f: string): boolean {
  return /^-[A-Za-z]{2,4}$/.test(f) && (f === '-it' || !NOT_BUNDLES.has(f)) && new Set(f).size === f.length;
}

/** A heredoc opener (`<<EOF`, `<<-'EOF'`) and its terminator word. */
export function heredocEnd(command: string): string | null {
  const m = /<<-?\s*(['"]?)([A-Za-z_][\w]*)\1/.exec(command);
  return m ? m[2]! : null;
}

/** Joined-line test: does the line end with an unescaped backslash? */
export function continues(line: string): boolean {
  return line.includes('\\') && /(^|[^\\])\\\s*$/.test(line);
}
