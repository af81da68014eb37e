/** A code block of a section: pasted help output and flag lines first, then its shell commands (codeblock.ts). */
import type { Block } from './blocks.ts';
import { isShellLang, readShellBlock, type ShellItem } from './codeblock.ts';
import { flagLine } from './rules/flag-forms.ts';
import type { SectionRun } from './section-run.ts';

/** A code block: help output and flag lines become flags; in a shell block the rest are commands with their comments. */
export function readCode(run: SectionRun, b: Block): void {
  const valueLine = b.valueLine ?? b.line + 1;
  let code = b.value ?? '';
  const raw = code.split('\n');
  const used = run.helpOutput(code, valueLine, b) ?? new Set<number>();
  // flag lines among the commands ("-P   # 随机端口", "-q, --quiet ：只显示ID"): flags of the command named nearest
  if (/(?:^|\n)\s*[-－]/.test(code)) raw.forEach((l, k) => {
    const f = !used.has(k) && /^\s*[-－]/.test(l) && !(k > 0 && /\\\s*$/.test(raw[k - 1]!)) ? flagLine(l) : null;
    if (!f) return;
    run.flag(f.command || !run.usage ? f : { ...f, command: run.usage }, valueLine + k, b);
    used.add(k);
  });
  if (used.size) code = raw.map((l, k) => (used.has(k) ? '' : l)).join('\n');
  if (!isShellLang(b.lang)) {
    run.lead = null;
    run.afterCommand = false;
    return;
  }
  const items = readShellBlock(code, valueLine);
  if (!items.length) {
    run.lead = null;
    run.afterCommand = false;
    return;
  }
  run.emit(
    b,
    items.map((it: ShellItem) => ({ command: it.command, line: it.line, why: it.explain, own: it.explain.length > 0, group: it.group, flag: it.flag, segment: it.segment, legend: it.legend })),
  );
}
