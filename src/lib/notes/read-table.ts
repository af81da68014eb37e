/** A table of a section: a comparison (items as columns), flag rows, command rows or a glossary. */
import type { Block } from './blocks.ts';
import { flagDef, unticked, type CompareDef } from './patterns.ts';
import { compareEntry, concept } from './section-cards.ts';
import type { SectionRun } from './section-run.ts';
import { readCommand } from './shell.ts';

/** A table: side-by-side items are a comparison; else each row is a flag, a command or a term with its meaning. */
export function readTable(run: SectionRun, b: Block): void {
  const rows = b.rows ?? [];
  run.lead = null;
  run.afterCommand = false;
  const [header, ...body] = rows;
  if (!header || header.length < 2) return;
  const first = (header[0] ?? '').trim();
  if (header.length >= 3 && (!first || /^(?:特性|对比|对比项|比较|区别|项目|feature|aspect|property)$/i.test(first))) {
    const items = header.slice(1).map((h) => unticked(h).trim());
    const def: CompareDef = { items, phrase: items.join(' vs '), rest: '' };
    const sides: string[][] = items.map(() => []);
    for (const row of body) {
      items.forEach((_, i) => {
        const v = row[i + 1]?.trim();
        if (v) sides[i]!.push(row[0] ? `${row[0]}: ${v}` : v);
      });
    }
    compareEntry(run, def, [], b.line, sides);
    return;
  }
  for (const [k, row] of body.entries()) {
    const line = b.line + 2 + k;
    const cells = row.map((c) => c.trim());
    const [a = '', ...rest] = cells;
    const desc = rest.filter(Boolean).join('；');
    if (!a || !desc) continue;
    // a flag row may show it in use: | `-P` | `docker run -P nginx` | Publish all ports |
    const usage = /^`?-/.test(a) ? rest.findIndex((c) => readCommand(unticked(c), 'code')) : -1;
    const meaning = usage >= 0 ? rest.filter((c, i) => i !== usage && c).join('；') : desc;
    const f = meaning ? flagDef(`${a}: ${meaning}`) : null;
    if (f && /^`?-/.test(a)) {
      run.flag(f, line, b, usage >= 0 ? readCommand(unticked(rest[usage]!), 'code')!.command : undefined);
      continue;
    }
    const cmd = readCommand(unticked(a), 'code');
    if (cmd) {
      run.emit(b, [{ command: cmd.command, line, why: [desc], own: true }]);
      continue;
    }
    const cmd2 = rest[0] ? readCommand(unticked(rest[0]), 'code') : null;
    if (cmd2) {
      run.emit(b, [{ command: cmd2.command, line, why: [a], own: true }]);
      continue;
    }
    if (header.length === 2 && unticked(a).length <= 40) concept(run, unticked(a), [desc], line);
  }
}
