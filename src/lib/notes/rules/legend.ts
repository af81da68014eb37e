/**
 * Flag legends written after a command in brackets, a cheat-sheet habit:
 *
 *   docker images [-a:包含中间层镜像;-q:只显示镜像ID]
 *   docker build [-f:指定路径;-t(--tag):设置镜像名称(name:v3)] .
 *
 * The legend is cut out of the command and each flag keeps what it says. Usage brackets that
 * are not legends (`[OPTIONS]`, `[CONTAINER...]`, `[-f]`) stay in the command.
 */
import type { FlagDef } from '../patterns.ts';

const ENTRY = /^\s*(-{1,2}[A-Za-z][\w-]*)(?:\s*[(（]\s*(-{1,2}[A-Za-z][\w-]*)\s*[)）])?\s*[:：]\s*(\S[\s\S]*?)\s*$/;
const OPEN = /\[\s*-{1,2}[A-Za-z][\w-]*(?:\s*[(（][^)）]*[)）])?\s*[:：]/g;

/** Split at `;` outside brackets. */
function parts(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '(' || c === '（' || c === '[') depth++;
    else if ((c === ')' || c === '）' || c === ']') && depth > 0) depth--;
    else if ((c === ';' || c === '；') && depth === 0) {
      out.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  out.push(inner.slice(from));
  return out.filter((p) => p.trim());
}

/** Index of the `]` closing the `[` at `open`, or -1. */
function closing(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line[i]!;
    if (c === '[' || c === '(' || c === '（') depth++;
    else if (c === ']' || c === ')' || c === '）') {
      depth--;
      if (depth === 0) return c === ']' ? i : -1;
    }
  }
  return -1;
}

export interface Legend {
  /** The line with its legends removed. */
  line: string;
  flags: FlagDef[];
}

/** The bracketed flag legends in a command line, or null when it has none. */
export function cutLegends(line: string): Legend | null {
  if (!line.includes('[')) return null;
  OPEN.lastIndex = 0;
  const flags: FlagDef[] = [];
  let out = '';
  let from = 0;
  for (let m = OPEN.exec(line); m; m = OPEN.exec(line)) {
    if (m.index < from) continue;
    const end = closing(line, m.index);
    if (end < 0) continue;
    const entries = parts(line.slice(m.index + 1, end)).map((p) => ENTRY.exec(p));
    if (!entries.length || entries.some((e) => !e)) continue;
    for (const e of entries) flags.push({ flag: e![1]!, aliases: e![2] ? [e![2]] : [], desc: e![3]! });
    out += line.slice(from, m.index);
    from = end + 1;
    OPEN.lastIndex = end + 1;
  }
  if (!flags.length) return null;
  out += line.slice(from);
  return { line: out.replace(/\s{2,}/g, ' ').trimEnd(), flags };
}

const COLON_LEGEND = /^(.*?\S)\s*[：:]\s*(-{1,2}[A-Za-z][\w-]*\s*[：:].*)$/;
const COLON_ENTRY = /(-{1,2}[A-Za-z][\w-]*)\s*[：:]\s*(.+?)(?=\s+[^\s：:]+\s*[：:]|$)/g;

/**
 * "docker run -i -t img：-i：交互 -t：终端": a command, then after a colon what its flags do.
 * Pieces that explain a non-flag argument ("/bin/bash：执行bash") are dropped.
 */
export function cutColonLegend(line: string): Legend | null {
  const m = COLON_LEGEND.exec(line);
  if (!m) return null;
  const flags: FlagDef[] = [];
  COLON_ENTRY.lastIndex = 0;
  for (let e = COLON_ENTRY.exec(m[2]!); e; e = COLON_ENTRY.exec(m[2]!)) {
    const desc = e[2]!.trim();
    if (/[\u4e00-\u9fff]|[A-Za-z]{3,}/.test(desc)) flags.push({ flag: e[1]!, aliases: [], desc });
  }
  return flags.length ? { line: m[1]!, flags } : null;
}
