/**
 * `docker run --help` output pasted into a note, old or new style, fenced or not:
 *
 *   Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]
 *     -a, --attach=[]        Attach to STDIN, STDOUT or STDERR        (old)
 *     -a, --attach list      Attach to STDIN, STDOUT or STDERR        (new)
 *         --cpu-quota int    Limit CPU CFS (Completely Fair Scheduler)
 *                            quota                                    (wrapped)
 *
 * Each option line is a flag definition; the short spelling is the flag, the long one its alias.
 */
import type { FlagDef } from '../patterns.ts';
import { commandName } from '../shell.ts';

const OPTION = /^(\s*)(?:(-[A-Za-z0-9])\s*,\s*)?(--[A-Za-z][\w-]*|-[A-Za-z0-9])(?:=\S*|\s[a-z][\w.]*)?\s{2,}(\S.*?)\s*$/;
const USAGE = /^\s*Usage:\s+((?:sudo\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})/;

export interface HelpFlag extends FlagDef {
  /** 0-based index of the option's line in the text handed in. */
  at: number;
}

export interface HelpOutput {
  /** "docker run" when the text carries its `Usage:` line. */
  owner?: string;
  flags: HelpFlag[];
  /** Indexes of the lines that belong to the help output (options, their wrapped lines, Usage). */
  used: Set<number>;
}

/** The command a `Usage:` line names, or undefined. */
export function usageOwner(line: string): string | undefined {
  const m = USAGE.exec(line);
  return m ? commandName(m[1]!) || undefined : undefined;
}

/** Help output in these lines (three option lines at least), or null. */
export function readHelpOutput(lines: readonly string[]): HelpOutput | null {
  let options = 0;
  for (const l of lines) if (OPTION.test(l) && /^\s*-/.test(l)) options++;
  if (options < 3) return null;
  const flags: HelpFlag[] = [];
  const used = new Set<number>();
  let owner: string | undefined;
  let last: HelpFlag | null = null;
  let descAt = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const o = /^\s*-/.test(line) ? OPTION.exec(line) : null;
    if (o) {
      const [, , short, long, desc] = o;
      last = { flag: short ?? long!, aliases: short ? [long!] : [], desc: desc!, at: i };
      descAt = line.length - desc!.length;
      flags.push(last);
      used.add(i);
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (last && line.trim() && indent >= Math.min(descAt, 12)) {
      last.desc = `${last.desc} ${line.trim()}`;
      used.add(i);
      continue;
    }
    last = null;
    const u = usageOwner(line);
    if (u) {
      owner ??= u;
      used.add(i);
    } else if (/^\s*(?:Options|Flags|Global Options):\s*$/i.test(line)) used.add(i);
  }
  return { ...(owner ? { owner } : {}), flags, used };
}
