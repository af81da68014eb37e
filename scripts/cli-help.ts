/**
 * Reading the Docker client's own `--help` output (it prints help without an engine): used by
 * gen-cli-catalogue.ts to build the catalogue and by the deck test to check it is current.
 */
import { spawnSync } from 'node:child_process';
import type { CliOption } from '../src/lib/cli/catalogue.ts';

export function docker(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 20_000 });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** One option line and its wrapped continuation lines, joined. */
function readOption(first: RegExpExecArray, more: string[]): CliOption {
  let help = [first[4] ?? '', ...more].join(' ').replace(/\s+/g, ' ').trim();
  const o: CliOption = { help };
  if (first[1]) o.short = first[1];
  if (first[2]) o.long = first[2];
  if (first[3]) o.type = first[3];
  const def = /\s*\(default (.*)\)$/.exec(help);
  if (def) {
    o.default = def[1]!.replace(/^"(.*)"$/, '$1');
    help = help.slice(0, def.index);
  }
  o.help = help;
  return o;
}

/** The options of one help section ("Options:", "Global Options:"). */
export function parseHelpOptions(help: string, section: string): CliOption[] {
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${section}:`);
  if (start === -1) return [];
  const out: CliOption[] = [];
  let current: { m: RegExpExecArray; more: string[] } | undefined;
  const flush = () => current && out.push(readOption(current.m, current.more));
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const m = /^ {2}(?:-([A-Za-z0-9])(?:, )?)?(?: {0,4}--([A-Za-z0-9][\w-]*))?(?: ([\w-]+))?(?: {2,}(.*))?$/.exec(line);
    if (m && (m[1] || m[2]) && /^ {2}(-|    --)/.test(line)) {
      flush();
      current = { m, more: [] };
    } else if (current) current.more.push(line.trim());
  }
  flush();
  return out;
}

/** The name, usage, one-line help, aliases and subcommands a help text states. */
export function parseHelp(out: string) {
  const lines = out.split('\n');
  const usageLine = lines.find((l) => l.startsWith('Usage:')) ?? '';
  const words = usageLine.replace(/^Usage:\s*/, '').split(/\s+/);
  const end = words.findIndex((w) => /^[[A-Z<-]/.test(w) || w.includes('|'));
  const name = words.slice(0, end === -1 ? words.length : end).join(' ');
  const usage = end === -1 ? '' : words.slice(end).join(' ');
  const at = lines.indexOf(usageLine);
  const help = lines.slice(at + 1).find((l) => l.trim() !== '')?.trim() ?? '';
  const aliasAt = lines.findIndex((l) => l.trim() === 'Aliases:');
  const aliases = aliasAt === -1 ? [] : (lines[aliasAt + 1] ?? '').split(',').map((s) => s.trim());
  const subcommands: string[] = [];
  let inCommands = false;
  for (const l of lines) {
    if (/^(\w+ )?Commands:$/.test(l.trim()) && !l.startsWith(' ')) inCommands = true;
    else if (l.trim() === '') inCommands = false;
    else if (inCommands) {
      const m = /^ {2}([a-z][\w-]*)\*?\s/.exec(l);
      if (m) subcommands.push(m[1]!);
    }
  }
  return { name, usage, help, aliases, subcommands };
}

