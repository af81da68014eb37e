/**
 * The Deckhand note format (content/README.md): one `##` heading = one card, the heading is the
 * key, `- zh:` / `- en:` items carry the text, an `sh` block the examples, a table the sides of a
 * comparison. No guessing beyond telling a flag, compare, command and concept heading apart.
 */
import type { Block } from './blocks.ts';
import type { CardText } from './card.ts';
import { isShellLang, readShellBlock } from './codeblock.ts';
import type { Entry } from './entry.ts';
import { LIMITS } from './limits.ts';
import type { Section } from './outline.ts';
import { PROGRAMS } from './programs.ts';
import { programTag, tokenize } from './shell.ts';
import { clip, tidy, typeable } from './text.ts';

/** `- zh: …`, `- en: …` (and other language codes written the same way). */
export const LANG_ITEM = /^(zh|en|ja|ko|fr|de|es|pt|ru|it|vi)(?:-[A-Za-z]{2,4})?\s*[:：]\s*/;
const TAGS_ITEM = /^tags\s*[:：]\s*/i;

export function isHouseSection(sec: Section): boolean {
  return sec.blocks.some((b) => b.type === 'para' && b.list?.first && LANG_ITEM.test(b.text));
}

interface HouseHeading {
  kind: Entry['kind'];
  key: string;
  command?: string;
  flag?: string;
  aliases?: string[];
  items?: string[];
}

const VS = /\s+vs\.?\s+/i;

/** Classify a card heading by the rules in content/README.md. */
export function classifyHouseHeading(heading: Block, firstExample: string | undefined): HouseHeading {
  const spans = heading.spans.filter((s) => s.value.trim());
  const plain = typeable(heading.text.replace(/`/g, '')).replace(/\s+/g, ' ').trim();
  if (spans.length === 1 && spans[0]!.kind === 'code') {
    const literal = typeable(spans[0]!.value).replace(/\s+/g, ' ').trim();
    return { kind: 'command', key: literal, command: literal };
  }
  if (VS.test(plain)) {
    const items = plain.split(VS).map((s) => s.trim()).filter(Boolean);
    if (items.length >= 2) return { kind: 'compare', key: items.join(' | '), items };
  }
  const words = tokenize(plain).map((t) => t.text);
  const first = words[0] ?? '';
  const commandLike = PROGRAMS.has(first) || (!!firstExample && tokenize(firstExample)[0]?.text === first);
  if (commandLike) {
    const j = words.findIndex((w, k) => k > 0 && /^-{1,2}[A-Za-z0-9]/.test(w));
    if (j > 0) {
      const cmd = words.slice(0, j).join(' ');
      const rest = plain.slice(plain.indexOf(words[j]!, cmd.length));
      const [head = '', ...aliasParts] = rest.split(',').map((s) => s.trim());
      const [flag = '', ...valueWords] = head.split(/\s+/);
      const aliases = aliasParts.filter((a) => /^-{1,2}[A-Za-z0-9]/.test(a));
      const key = [cmd, flag, ...valueWords].join(' ');
      return { kind: 'flag', key, flag, aliases, command: firstExample ?? key };
    }
    return { kind: 'command', key: plain, command: firstExample ?? plain };
  }
  return { kind: 'concept', key: plain };
}

/** Body of a language item: the lines after its first, plus anything nested under the item. */
function itemText(sec: Section, at: number, match: RegExpExecArray): CardText {
  const b = sec.blocks[at]!;
  const lines = b.text.slice(match[0].length).split('\n');
  const title = (lines.shift() ?? '').trim();
  const body = [lines.join('\n')];
  const item = b.list!.item;
  for (let k = at + 1; k < sec.blocks.length; k++) {
    const nb = sec.blocks[k]!;
    if (!nb.items.includes(item)) break;
    body.push(nb.type === 'code' ? (nb.value ?? '') : nb.list?.first && nb.list.item !== item ? `- ${nb.text}` : nb.text);
  }
  return { title: clip(tidy(title), LIMITS.maxTitle), body: clip(tidy(body.join('\n')), LIMITS.maxBody) };
}

export interface HouseResult {
  entry: Entry;
  /** Problems worth a warning: the format was not followed. */
  problems: { line: number; message: string }[];
}

export function readHouseSection(sec: Section, fileTags: readonly string[]): HouseResult | null {
  if (!sec.heading) return null;
  const problems: HouseResult['problems'] = [];
  const commands: string[] = [];
  const snippets: string[] = [];
  const text: Record<string, CardText> = {};
  const tags: string[] = [...sec.tags.slice(0, 1)];
  let table: string[][] | undefined;

  sec.blocks.forEach((b, k) => {
    if (b.type === 'code' && isShellLang(b.lang)) {
      for (const it of readShellBlock(b.value ?? '', b.valueLine ?? b.line + 1)) commands.push(it.command);
    } else if (b.type === 'code' && b.value?.trim()) {
      // A Dockerfile, compose or JSON snippet is shown whole, as written (not split into commands).
      snippets.push(b.value.trim().split('\n').slice(0, LIMITS.maxSnippetLines).join('\n'));
    } else if (b.type === 'table' && !table) {
      table = b.rows;
    } else if (b.type === 'para' && b.list?.first && b.items.length === 1) {
      const m = LANG_ITEM.exec(b.text);
      if (m) {
        const lang = m[1]!;
        if (text[lang]) {
          problems.push({ line: b.line, message: `second "- ${lang}:" item in card "${sec.title}": ignored` });
          return;
        }
        const t = itemText(sec, k, m);
        if (t.title) {
          text[lang] = t;
          return;
        }
        // "- zh:" with its text on the lines below: the first of them is the title
        const [first = '', ...rest] = t.body.split('\n');
        if (first) text[lang] = { title: clip(first, LIMITS.maxTitle), body: rest.join('\n').trim() };
        const what = first ? 'its next line is used as the title' : 'ignored';
        problems.push({ line: b.line, message: `"- ${lang}:" item in card "${sec.title}" has no title line: ${what}` });
      } else if (TAGS_ITEM.test(b.text)) {
        tags.push(...b.text.replace(TAGS_ITEM, '').split(/[,，、]/).map((t) => t.replace(/`/g, '').trim()).filter(Boolean));
      }
    }
  });

  const h = classifyHouseHeading(sec.heading, commands[0]);
  const entry: Entry = { kind: h.kind, key: clip(h.key, LIMITS.maxKey), text, tags: [...tags, ...fileTags], line: sec.heading.line, house: true };
  if (h.kind === 'command' || h.kind === 'flag') {
    entry.command = commands[0] ?? h.command ?? h.key;
    if (commands.length > 1) entry.examples = commands.slice(1, 1 + LIMITS.maxExamples);
    const prog = programTag(entry.command);
    if (prog) entry.tags.push(prog);
  } else if (commands.length || snippets.length) {
    entry.examples = [...commands, ...snippets].slice(0, LIMITS.maxExamples);
  }
  if (h.flag) entry.flag = h.flag;
  if (h.aliases?.length) entry.aliases = h.aliases;
  if (h.items) {
    entry.items = h.items;
    if (table) {
      const sides = compareSides(table, h.items);
      if (sides.problem) problems.push({ line: sec.heading.line, message: `compare table in "${sec.title}": ${sides.problem}` });
      if (sides.sides) {
        entry.sides = sides.sides;
        for (const lang of Object.keys(text)) {
          if (!sides.sides[lang]) problems.push({ line: sec.heading.line, message: `compare table in "${sec.title}" has no "${lang}" row` });
        }
      }
    }
  }
  return { entry, problems };
}

/**
 * Header: blank, item, item…; rows: language code, what each item is. Columns are matched to
 * items by name — case-exactly first, because items may differ only by case (`-p`/`-P`,
 * `:z`/`:Z`); a case-insensitive match is a fallback only for a column no exact match claimed.
 * If any item finds no column of its own, columns are taken in order.
 */
function compareSides(rows: string[][], items: string[]): { sides?: Record<string, string[]>; problem?: string } {
  const [header, ...body] = rows;
  if (!header) return { problem: 'empty table' };
  const cols = matchColumns(header, items);
  const byPosition = cols.some((c) => c < 0);
  if (byPosition && header.length - 1 !== items.length) return { problem: 'header does not name the compared items' };
  const sides: Record<string, string[]> = {};
  for (const row of body) {
    const lang = (row[0] ?? '').trim().toLowerCase();
    if (!/^[a-z]{2}(?:-[a-z]{2,4})?$/.test(lang)) continue;
    sides[lang] = items.map((_, i) => clip(tidy(row[byPosition ? i + 1 : cols[i]!] ?? ''), LIMITS.maxSide));
  }
  return Object.keys(sides).length ? { sides } : { problem: 'no language rows (zh, en)' };
}

/** Column index of each item in the header (−1: none); no column serves two items. */
export function matchColumns(header: readonly string[], items: readonly string[]): number[] {
  const exact = (s: string) => typeable(s.replace(/`/g, '')).trim();
  const loose = (s: string) => exact(s).toLowerCase();
  const claimed = new Set<number>();
  const cols = items.map((it) => {
    const c = header.findIndex((h, i) => i > 0 && !claimed.has(i) && exact(h) === exact(it));
    if (c > 0) claimed.add(c);
    return c;
  });
  return cols.map((c, k) => {
    if (c > 0) return c;
    const found = header.findIndex((h, i) => i > 0 && !claimed.has(i) && loose(h) === loose(items[k]!));
    if (found > 0) claimed.add(found);
    return found;
  });
}
