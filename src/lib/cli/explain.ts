/**
 * A whole pasted line → the Docker commands in it, each parsed part by part. Chains (`|`,
 * `&&`, `;`), `$(…)` substitutions and wrappers (`sudo`, `env`, `xargs`, `time`…) are walked
 * through so that every Docker command in the line is explained; other programs are named.
 */
import type { CatalogueIndex } from './catalogue.ts';
import { parseDocker, type ParsedCommand } from './parse.ts';
import { readShell, type Word } from './shell.ts';

export interface OtherCommand {
  /** A program that is not Docker ("grep", "xargs"): named, not explained. */
  program: string;
  text: string;
}

export interface Explained {
  /** The Docker commands in the line, in reading order (a substitution's after its host). */
  docker: ParsedCommand[];
  others: OtherCommand[];
  /** Wrappers in front of a Docker command ("sudo", "sudo -E", "FOO=1", "xargs -r"). */
  wrappers: string[];
}

// Wrapper programs and, for each, its options that take a value (so their values are skipped).
const WRAPPERS: Record<string, string[]> = {
  sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'],
  doas: ['-u', '-C'],
  env: ['-u', '-C', '-S'],
  time: ['-f', '-o'],
  nohup: [],
  exec: ['-a'],
  command: [],
  nice: ['-n'],
  xargs: ['-I', '-n', '-P', '-d', '-E', '-L', '-s', '-a'],
  watch: ['-n', '-d'],
  timeout: ['-s', '-k'],
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Where the real program starts: past VAR=x assignments and wrappers with their options. */
function programAt(words: readonly Word[]): { at: number; wrappers: string[] } {
  const wrappers: string[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!.value;
    if (ASSIGNMENT.test(w)) {
      wrappers.push(words[i]!.raw);
      i++;
      continue;
    }
    const takes = WRAPPERS[w];
    if (!takes) break;
    const start = i++;
    while (i < words.length && words[i]!.value.startsWith('-')) {
      if (takes.includes(words[i]!.value)) i++;
      i++;
    }
    // timeout's duration and watch's command come next; env's assignments too.
    if (w === 'timeout' && i < words.length) i++;
    while (w === 'env' && i < words.length && ASSIGNMENT.test(words[i]!.value)) i++;
    wrappers.push(words.slice(start, i).map((x) => x.raw).join(' '));
  }
  return { at: i, wrappers };
}

function isDocker(word: string): boolean {
  return word === 'docker' || word === 'docker-compose' || /\/docker(-compose)?$/.test(word);
}

function walk(cat: CatalogueIndex, line: string, out: Explained, depth: number): void {
  for (const simple of readShell(line)) {
    const { at, wrappers } = programAt(simple.words);
    const words = simple.words.slice(at);
    const first = words[0];
    if (first && isDocker(first.value)) {
      const program = first.value.endsWith('docker-compose') ? 'docker-compose' : 'docker';
      out.wrappers.push(...wrappers);
      out.docker.push(parseDocker(cat, [{ ...first, value: program }, ...words.slice(1)]));
    } else if (first) {
      out.others.push({ program: first.value, text: simple.words.map((w) => w.raw).join(' ') });
    }
    if (depth < 4) for (const w of simple.words) for (const sub of w.subs) walk(cat, sub, out, depth + 1);
  }
}

/** Every Docker command in a line, parsed. */
export function explainLine(cat: CatalogueIndex, line: string): Explained {
  const out: Explained = { docker: [], others: [], wrappers: [] };
  walk(cat, line, out, 0);
  return out;
}

/** Whether a search query reads as a Docker command line (so its explanation leads the results). */
export function looksLikeCommand(query: string): boolean {
  const q = query.trim().replace(/^\$\s+/, '');
  return /^(sudo\s+(-\S+\s+)*)?(docker|docker-compose)\s+\S/.test(q);
}
