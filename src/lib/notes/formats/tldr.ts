/**
 * tldr pages (https://github.com/tldr-pages/tldr, any tool, any language), read exactly:
 *
 *   # tar
 *   > Archiving utility.
 *   > More information: <https://www.gnu.org/software/tar>.
 *   - [c]reate an archive from files:
 *   `tar cf {{target.tar}} {{file1 file2}}`
 *
 * A page is recognised by that shape alone (a `#` title, `>` description lines, then only
 * `- description:` / `` `command` `` pairs), whatever its file name. The page's description becomes
 * the tool's own card (its command is the tool's name) and every example a command card with the
 * meaning its line gives. `{{placeholders}}` stay as written: they are tldr's own marking of what
 * the reader replaces, inert to a shell reading of the line (unlike `<arg>`, a redirection), and
 * what a reader of tldr pages expects to see. The `[c]reate` mnemonic brackets are dropped from
 * descriptions.
 */
import type { Entry } from '../entry.ts';
import { detectLang } from '../lang.ts';
import { LIMITS } from '../limits.ts';
import { programTag } from '../shell.ts';
import { clip, titleAndBody } from '../text.ts';

export interface TldrPage {
  title: string;
  lang: string;
  entries: Entry[];
}

const TITLE = /^#[ \t]+(\S.*?)\s*$/;
const QUOTE = /^>[ \t]?(.*)$/;
const EXAMPLE = /^[-*][ \t]+(\S.*?)[:：]\s*$/;
const CODE = /^`([^`].*?)`\s*$/;
const MORE_INFO = /^(?:More information|更多信息|更多資訊|Plus d'informations|Weitere Informationen|Más información)\s*[:：]/i;

/** `[c]reate an [a]rchive` → `create an archive`; other brackets (`[optional]`) are kept. */
function dropMnemonics(s: string): string {
  return s.replace(/(^|[\p{L}\p{N}])\[([\p{L}\p{N}])\]|\[([\p{L}\p{N}])\](?=[\p{L}\p{N}])/gu, (_m, before: string | undefined, a: string | undefined, b: string | undefined) => `${before ?? ''}${a ?? b ?? ''}`);
}

/** `<https://…>` → the address (autolink brackets are markup, not text). */
function plainLinks(s: string): string {
  return s.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

function commandKey(command: string): string {
  return clip(command.replace(/\s+/g, ' ').trim(), LIMITS.maxKey);
}

/** The page's cards, or null when the text does not have a tldr page's shape. */
export function readTldrPage(text: string, fileTags: readonly string[], noteLang: string | undefined): TldrPage | null {
  if (text.charCodeAt(0) !== 35 && !/^\s*#/.test(text.slice(0, 200))) return null; // fast exit: not a `#` title first
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let k = 0;
  while (k < lines.length && !lines[k]!.trim()) k++;
  const title = TITLE.exec(lines[k] ?? '');
  if (!title) return null;
  const name = title[1]!;
  const titleLine = k + 1;
  const about: string[] = [];
  const examples: { desc: string; command: string; line: number }[] = [];
  let pending: { desc: string; line: number } | null = null;
  for (k++; k < lines.length; k++) {
    const line = lines[k]!.trim();
    if (!line) continue;
    const q = QUOTE.exec(line);
    if (q) {
      if (examples.length || pending) return null; // description lines come before the examples
      about.push(q[1]!.trim());
      continue;
    }
    const ex = EXAMPLE.exec(line);
    if (ex) {
      if (pending) return null;
      pending = { desc: ex[1]!, line: k + 1 };
      continue;
    }
    const code = CODE.exec(line);
    if (code && pending) {
      if (!code[1]!.trim()) return null; // an empty command: not a page we can read exactly
      examples.push({ desc: pending.desc, command: code[1]!.trim(), line: k + 1 });
      pending = null;
      continue;
    }
    return null; // anything else: not a tldr page
  }
  if (pending || !about.length || !examples.length) return null;

  const described = about.map(plainLinks).filter((l) => l);
  const lang = (noteLang ?? detectLang([...described, ...examples.map((e) => e.desc)].join('\n'))) || 'en';
  const program = programTag(name);
  const tags = [name, ...(program && program !== name ? [program] : []), ...fileTags];
  const entries: Entry[] = [];
  const tool = titleAndBody(described.filter((l) => !MORE_INFO.test(l)).join('\n') || described.join('\n'));
  const more = described.filter((l) => MORE_INFO.test(l));
  if (more.length) tool.body = [tool.body, ...more].filter(Boolean).join('\n');
  if (tool.title) entries.push({ kind: 'command', key: commandKey(name), command: name, text: { [lang]: tool }, tags: [...tags], line: titleLine });
  for (const ex of examples) {
    if (entries.length >= LIMITS.maxCards) break;
    const t = titleAndBody(dropMnemonics(ex.desc));
    if (!t.title) continue;
    entries.push({ kind: 'command', key: commandKey(ex.command), command: ex.command, text: { [lang]: t }, tags: [...tags], line: ex.line });
  }
  return { title: name, lang, entries };
}
