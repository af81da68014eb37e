/** Commands glued together when a page was flattened onto one line, and how many a text starts. */
import { LIMITS } from './limits.ts';
import { GLUE_PROGRAMS } from './programs.ts';
import { tokenize, type Mode } from './shell-words.ts';

const GLUE_LIST = Object.entries(GLUE_PROGRAMS);
/** ('docker-compose' contains 'docker'.) */
const GLUE_NAMES = GLUE_LIST.map(([prog]) => prog).filter((p, _, all) => !all.some((q) => q !== p && p.includes(q)));

const CONNECTORS = new Set(['|', '||', '&&', ';', '&', 'xargs', 'sudo', 'exec', '-c', 'env', 'nohup', 'time', 'watch', 'then', 'do', '$(', '`']);

/** Cheap pre-check for splitGlued: a cut needs a program name after the first word. */
function mayBeGlued(line: string): boolean {
  const sp = line.search(/\s/);
  if (sp < 0) return false;
  for (const prog of GLUE_NAMES) if (line.indexOf(prog, sp) >= 0) return true;
  return false;
}

/**
 * Commands glued together when a page was flattened: "docker pull nginxdocker run -d nginx" or
 * (in prose) "docker ps -a docker images". Splits before a program name that is followed by one
 * of its subcommands, unless a pipe, `xargs` or `$(` shows it belongs to the same command line.
 */
export function splitGlued(line: string, mode: Mode): string[] {
  if (line.length > LIMITS.maxLineChars || !mayBeGlued(line)) return [line];
  const cuts: number[] = [];
  const tokens = tokenize(line);
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const sub = tokens[k + 1]?.text;
    if (!sub || /^["']/.test(t.text)) continue;
    for (const [prog, subs] of GLUE_LIST) {
      if (!subs.has(sub)) continue;
      if (t.text === prog) {
        const prev = tokens[k - 1]!.text;
        if (mode === 'prose' && !CONNECTORS.has(prev) && !CONNECTORS.has(prev.replace(/^[|&;]+/, '')) && !/[|&;`(]$/.test(prev)) cuts.push(t.start);
      } else if (t.text.endsWith(prog)) {
        const head = t.text.slice(0, -prog.length);
        if (/[A-Za-z0-9)"'\]]$/.test(head) && !/[/\\._=-]$/.test(head) && !(prog === 'docker' && head.endsWith('-'))) {
          cuts.push(t.start + head.length);
        }
      }
    }
  }
  if (!cuts.length) return [line];
  const out: string[] = [];
  let from = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    out.push(line.slice(from, c).trim());
    from = c;
  }
  out.push(line.slice(from).trim());
  return out.filter(Boolean);
}

/** How many docker/compose/kubectl/systemctl commands start in this text (up to 10): a flattened page has several. */
export function countCommandStarts(s: string): number {
  let n = 0;
  const re = /(docker-compose|docker|kubectl|systemctl)\s+([a-z][\w-]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) && n < 10) {
    const subs = GLUE_PROGRAMS[m[1]!];
    if (subs?.has(m[2]!)) n++;
  }
  return n;
}
