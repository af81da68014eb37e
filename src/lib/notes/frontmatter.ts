/** YAML front matter (Hexo, Jekyll, VuePress, the house format) → the few fields the indexer uses. */
import { parse } from 'yaml';
import type { Warn } from './prepare.ts';

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

/** `firstLine`: the note line the YAML text starts on, so errors point into the file. */
export function readFrontMatter(yaml: string, firstLine: number): { fm: FrontMatter; warnings: Warn[] } {
  let data: unknown;
  const line = firstLine;
  try {
    data = parse(yaml, { prettyErrors: false, maxAliasCount: 50, uniqueKeys: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const at = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { fm: { tags: [] }, warnings: [{ line: firstLine + (at ? at - 1 : 0), message: `invalid front matter (YAML: ${msg}): ignored` }] };
  }
  if (data === null || data === undefined) return { fm: { tags: [] }, warnings: [] };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { fm: { tags: [] }, warnings: [{ line, message: 'front matter is not a list of "key: value" fields: ignored' }] };
  }
  const d = data as Record<string, unknown>;
  const fm: FrontMatter = { tags: list(d['tags']) };
  const deck = str(d['deck']);
  const title = str(d['title']);
  const lang = str(d['lang']) ?? str(d['language']);
  if (deck) fm.deck = deck;
  if (title) fm.title = title;
  if (lang) fm.lang = lang.toLowerCase().startsWith('zh') ? 'zh' : lang.toLowerCase().slice(0, 2);
  return { fm, warnings: [] };
}
