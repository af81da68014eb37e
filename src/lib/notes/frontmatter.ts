/**
 * Front matter → the few fields the indexer uses. YAML (`---`: Hexo, Jekyll, VuePress, the house
 * format), TOML (`+++`: Hugo, Zola) and JSON (`{ … }` at the very top: Hugo; or fields closed by
 * `;;;`: Hexo). Front matter that does not parse costs its fields (with a warning), never the note.
 */
import { parse } from 'yaml';
import type { Warn } from './prepare.ts';
import { parseTomlSubset } from './formats/toml.ts';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

/** Where front matter may end: blogs keep it short, a note may be huge. */
const MAX_LINES = 300;

/**
 * TOML or JSON front matter at the top of `lines` (the parser finds YAML's `---` itself): its text,
 * the note line its first field is on. Its lines are blanked in place so the rest of the note keeps
 * its numbering.
 */
export function readTopMatter(lines: string[]): { yaml: string; line: number; format: FrontMatterFormat } | undefined {
  const first = lines[0]?.trim();
  if (first !== '+++' && first !== '{' && !(first && /^"[\w-]+"\s*:/.test(first))) return undefined;
  const closer = first === '+++' ? /^\+\+\+\s*$/ : first === '{' ? /^\}\s*$/ : /^;;;\s*$/;
  const close = lines.findIndex((l, k) => k > 0 && k < MAX_LINES && closer.test(l));
  if (close < 0) return undefined;
  const body = first === '+++' ? lines.slice(1, close) : first === '{' ? lines.slice(0, close + 1) : ['{', ...lines.slice(0, close), '}'];
  const text = body.join('\n');
  for (let k = 0; k <= close; k++) lines[k] = '';
  return { yaml: text, line: first === '+++' ? 2 : 1, format: first === '+++' ? 'toml' : 'json' };
}

export interface FrontMatter {
  deck?: string;
  title?: string;
  lang?: string;
  tags: string[];
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function list(v: unknown): string[] {
  const xs = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,，]/) : [];
  return xs.map(str).filter((x): x is string => !!x);
}

/** Hexo's `;;;` form may end its last field with a comma: JSON does not allow it. */
function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/,\s*\}\s*$/, '\n}'));
}

/** `firstLine`: the note line the text starts on, so errors point into the file. */
export function readFrontMatter(yaml: string, firstLine: number, format: FrontMatterFormat = 'yaml'): { fm: FrontMatter; warnings: Warn[] } {
  let data: unknown;
  const line = firstLine;
  try {
    if (format === 'toml') data = parseTomlSubset(yaml);
    else if (format === 'json') data = parseJson(yaml);
    else data = parse(yaml, { prettyErrors: false, maxAliasCount: 50, uniqueKeys: false });
  } catch (e) {
    if (format !== 'yaml') {
      const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
      const at = (e as { line?: number }).line;
      return { fm: { tags: [] }, warnings: [{ line: firstLine + (at ? at - 1 : 0), message: `invalid front matter (${format.toUpperCase()}: ${msg}): ignored` }] };
    }
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const at = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { fm: { tags: [] }, warnings: [{ line: firstLine + (at ? at - 1 : 0), message: `invalid front matter (YAML: ${msg}): ignored` }] };
  }
  if (data === null || data === undefined) return { fm: { tags: [] }, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { fm: { tags: [] }, warnings: [{ line, message: 'front matter is not a list of "key: value" fields: ignored' }] };
  }
  const d = data as Record<string, unknown>;
  const taxonomies = d['taxonomies'];
  const zolaTags = taxonomies && typeof taxonomies === 'object' ? (taxonomies as Record<string, unknown>)['tags'] : undefined;
  const fm: FrontMatter = { tags: list(d['tags'] ?? zolaTags) };
  const deck = str(d['deck']);
  const title = str(d['title']);
  const lang = str(d['lang']) ?? str(d['language']);
  if (deck) fm.deck = deck;
  if (title) fm.title = title;
  if (lang) fm.lang = lang.toLowerCase().startsWith('zh') ? 'zh' : lang.toLowerCase().slice(0, 2);
  return { fm, warnings: [] };
}
