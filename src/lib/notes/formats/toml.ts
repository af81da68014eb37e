/**
 * The part of TOML that front matter uses (Hugo, Zola), not a general TOML parser — a full one
 * would cost the browser worker bytes for fields we never read:
 * - `key = value` lines, bare or quoted keys, `# comments`;
 * - values: "basic" strings (with \" \\ \n \t \uXXXX escapes), 'literal' strings, numbers,
 *   booleans, dates (kept as their text), arrays of those (one line or several);
 * - `[table]` headers: the keys under them go into that table (`[taxonomies] tags = […]`);
 *   `[[array-of-tables]]`, multi-line strings and inline tables are skipped, not guessed at.
 * A line it cannot read throws an Error with the line (1-based in `text`) attached.
 */

type Value = string | number | boolean | Value[];

class TomlError extends Error {
  line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const KEY = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*/;
const TABLE = /^\s*\[([^[\]]+)\]\s*(?:#.*)?$/;
const ARRAY_TABLE = /^\s*\[\[/;

/** Reads one value at `s[i]`; returns it and the index after it. */
function value(s: string, i: number, line: number): [Value, number] {
  while (s[i] === ' ' || s[i] === '\t') i++;
  const c = s[i];
  if (c === '"') {
    let out = '';
    for (let j = i + 1; j < s.length; j++) {
      const d = s[j]!;
      if (d === '"') return [out, j + 1];
      if (d !== '\\') {
        out += d;
        continue;
      }
      const e = s[++j];
      if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else if (e === 'u' || e === 'U') {
        const n = e === 'u' ? 4 : 8;
        out += String.fromCodePoint(parseInt(s.slice(j + 1, j + 1 + n), 16) || 0xfffd);
        j += n;
      } else out += e ?? '';
    }
    throw new TomlError('unclosed string', line);
  }
  if (c === "'") {
    const end = s.indexOf("'", i + 1);
    if (end < 0) throw new TomlError('unclosed string', line);
    return [s.slice(i + 1, end), end + 1];
  }
  if (c === '[') {
    const out: Value[] = [];
    let j = i + 1;
    for (;;) {
      while (j < s.length && /[\s,]/.test(s[j]!)) j++;
      if (s[j] === '#') j = s.indexOf('\n', j) < 0 ? s.length : s.indexOf('\n', j);
      else if (s[j] === ']') return [out, j + 1];
      else if (j >= s.length) throw new TomlError('unclosed array', line);
      else {
        const [v, next] = value(s, j, line);
        out.push(v);
        j = next;
      }
    }
  }
  const m = /^[^\s,\]#]+(?: [0-9:.+Z-]+)?/.exec(s.slice(i)); // a date may hold one space before its time
  if (!m) throw new TomlError('value expected', line);
  const raw = m[0];
  const v: Value = raw === 'true' ? true : raw === 'false' ? false : /^[+-]?\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(raw) ? Number(raw.replace(/_/g, '')) : raw;
  return [v, i + raw.length];
}

/** Brackets still open in `s` outside strings (for arrays written over several lines). */
function openBrackets(s: string): number {
  let n = 0;
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '\\' && q === '"') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#') {
      const nl = s.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '[') n++;
    else if (c === ']') n--;
  }
  return n;
}

export function parseTomlSubset(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let table: Record<string, unknown> | null = root;
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const t = line.trim();
    if (!t || t[0] === '#') continue;
    if (ARRAY_TABLE.test(t)) {
      table = null; // [[…]]: skipped until the next table
      continue;
    }
    const h = TABLE.exec(t);
    if (h) {
      const name = h[1]!.trim().replace(/^["']|["']$/g, '');
      const sub: Record<string, unknown> = {};
      root[name] = sub;
      table = sub;
      continue;
    }
    const km = KEY.exec(line);
    if (!km) throw new TomlError(`cannot read "${t.slice(0, 40)}"`, k + 1);
    let rest = line.slice(km[0].length);
    const startLine = k + 1;
    if (rest.startsWith('"""') || rest.startsWith("'''")) {
      // multi-line strings: skipped whole
      const q = rest.slice(0, 3);
      while (!rest.slice(3).includes(q) && k + 1 < lines.length) rest = `${rest.slice(0, 3)}${lines[++k]!}`;
      continue;
    }
    if (rest.trimStart().startsWith('{')) continue; // inline table: not a field we read
    while (openBrackets(rest) > 0 && k + 1 < lines.length) rest += `\n${lines[++k]!}`;
    const [v, end] = value(rest, 0, startLine);
    const after = rest.slice(end).trim();
    if (after && after[0] !== '#') throw new TomlError(`unexpected "${after.slice(0, 20)}" after a value`, startLine);
    const key = km[1]!.replace(/^"|"$/g, '').replace(/^'|'$/g, '');
    if (table) table[key] = v;
  }
  return root;
}
