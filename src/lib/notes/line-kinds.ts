/**
 * Stage 2 for running text: what one line of a paragraph is — a command (with the meaning said
 * on the same line), a flag definition, both, or prose. Pure: the same line always gets the
 * same answer, whatever was read before it.
 */
import { unticked, type FlagDef } from './patterns.ts';
import { cutEnglishTail, inlinePrompt } from './rules/english-tail.ts';
import { flagLine } from './rules/flag-forms.ts';
import { cutColonLegend } from './rules/legend.ts';
import { cutGluedMeaning } from './rules/glued-meaning.ts';
import { readCommand, tokenize, type Mode } from './shell.ts';
import { endsWithColon } from './text.ts';

export interface LineKind {
  /** 1-based line in the note. */
  line: number;
  /** The command on the line, runnable as typed. */
  cmd?: string;
  /** What the line says the command does. */
  desc?: string;
  /** The flag the line defines. */
  flag?: FlagDef;
  /** Flags explained after the command ("docker run -i -t img：-i：交互 -t：终端"). */
  flags?: FlagDef[];
  /** The line as prose: neither a command nor a flag. */
  prose?: string;
}

/** One line of a paragraph → its kind. `mode`: `code` inside a blockquote (quoted commands), `prose` otherwise. */
export function classifyLine(line: string, mode: Mode, lineNo: number): LineKind {
  const t = line.trim();
  if (!t) return { line: lineNo };
  const legend = /[：:]\s*-/.test(t) ? cutColonLegend(unticked(t)) : null;
  const legendCmd = legend ? readCommand(legend.line, 'code') : null;
  if (legend && legendCmd) return { line: lineNo, cmd: legendCmd.command, flags: legend.flags };
  // "docker ps：列出容器", "docker ps // lists", "docker ps - Lists containers.": the meaning glued on
  const glued = t.includes('：') || t.includes(' //') || t.includes(' - ') ? cutGluedMeaning(unticked(t)) : null;
  const gluedCmd = glued ? readCommand(glued.command, mode) : null;
  if (glued && gluedCmd && !gluedCmd.desc) return { line: lineNo, cmd: gluedCmd.command, desc: glued.meaning };
  const f = flagLine(t);
  if (f?.command) {
    // "docker images -a 列出所有镜像": a runnable line with its meaning, and a flag of that command
    const c = readCommand(unticked(t), mode);
    if (c?.desc) return { line: lineNo, cmd: c.command, desc: c.desc, flag: f };
  }
  if (f) return { line: lineNo, flag: f };
  const inline = mode === 'prose' && (t.includes('#') || t.includes('$')) ? inlinePrompt(t) : null;
  if (inline) return { line: lineNo, cmd: inline.command, ...(inline.meaning ? { desc: inline.meaning } : {}) };
  // a whole line in one code span, or a code span then its explanation
  const code = /^`([^`]+)`\s*(?:[:：\-–—]\s*)?(.*)$/.exec(t);
  if (code) {
    const c = readCommand(code[1]!, 'code');
    const rest = code[2]!.trim();
    // "`docker run` 常用参数：" introduces something; "`docker save` 保存的是镜像，…；`docker export` …" discusses
    const mention = endsWithColon(rest) || (rest.length > 24 && tokenize(c?.command ?? '').length < 3) || rest.includes('`');
    if (c && !mention) return { line: lineNo, cmd: c.command, ...(rest || c.desc || c.comment ? { desc: rest || c.desc || c.comment } : {}) };
    if (c) return { line: lineNo, prose: t };
  }
  const c = readCommand(unticked(t), mode);
  if (c && c.prompt && mode === 'prose' && !c.desc && !c.comment) {
    // "$ docker stop web stops one container,": running text after a prompted command
    const cut = cutEnglishTail(c.command);
    if (cut.tail) return { line: lineNo, cmd: cut.command, desc: cut.tail };
  }
  if (c) return { line: lineNo, cmd: c.command, ...(c.desc || c.comment ? { desc: c.desc ?? c.comment } : {}) };
  return { line: lineNo, prose: t };
}
