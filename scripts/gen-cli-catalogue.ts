/**
 * Regenerates src/lib/cli/catalogue.json: every docker command and management subcommand with
 * its options, read recursively from the installed client's own `--help` (it prints help without
 * an engine). Compose and buildx come from `docker compose|buildx --help` when those plugins are
 * installed; otherwise from their published reference pages, given as checkouts:
 *
 *   npx tsx scripts/gen-cli-catalogue.ts [--compose-ref <compose>/docs/reference [--compose-rev <rev>]]
 *                                        [--buildx-ref <buildx>/docs/reference [--buildx-rev <rev>]]
 *
 * Without a reference directory and without the plugin, the plugin's entries already in
 * catalogue.json are kept as they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Catalogue, CliCommand, CliOption } from '../src/lib/cli/catalogue.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/lib/cli/catalogue.json');

function docker(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 20_000 });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

// Flags the CLI accepts but hides from --help (docker/cli cli/command/container/opts.go: MarkHidden).
const HIDDEN: Record<string, CliOption[]> = {
  'docker container run': [
    { long: 'net', type: 'network', help: 'Connect a container to a network (hidden alias of --network)', hidden: true },
    { long: 'net-alias', type: 'list', help: 'Add network-scoped alias for the container (hidden alias of --network-alias)', hidden: true },
  ],
};
HIDDEN['docker container create'] = HIDDEN['docker container run']!;

// Flags the CLI still accepts but whose feature Docker calls legacy (docs: "Legacy container links").
const LEGACY: Record<string, string[]> = {
  'docker container run': ['link'],
  'docker container create': ['link'],
};

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

function parseHelp(out: string) {
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

function fromDockerHelp(path: string[], seen: Set<string>, into: CliCommand[]): void {
  const { out } = docker([...path, '--help']);
  const h = parseHelp(out);
  const name = h.aliases[0] ?? h.name;
  if (name !== ['docker', ...path].join(' ') && !h.aliases.includes(['docker', ...path].join(' '))) return;
  if (seen.has(name)) return;
  seen.add(name);
  const options = parseHelpOptions(out, path.length === 0 ? 'Global Options' : 'Options');
  options.push(...(HIDDEN[name] ?? []));
  for (const o of options) if (o.long && LEGACY[name]?.includes(o.long)) o.deprecated = true;
  const c: CliCommand = { name, usage: h.usage, help: h.help, options };
  const aliases = h.aliases.filter((a) => a !== name);
  if (aliases.length) c.aliases = aliases;
  if (h.subcommands.length) c.subcommands = h.subcommands;
  into.push(c);
  for (const sub of h.subcommands) {
    if (path.length === 0 && (sub === 'compose' || sub === 'buildx')) continue;
    fromDockerHelp([...path, sub], seen, into);
  }
}

interface YamlOption {
  option: string;
  shorthand?: string;
  value_type?: string;
  default_value?: string;
  description?: string;
  deprecated?: boolean;
  hidden?: boolean;
}

/** Compose's generated reference: docs/reference/docker_compose*.yaml. */
function fromComposeYaml(dir: string): CliCommand[] {
  const files = readdirSync(dir).filter((f) => /^docker_compose.*\.yaml$/.test(f)).sort();
  return files.map((f) => {
    const y = parseYaml(readFileSync(join(dir, f), 'utf8')) as {
      command: string; short?: string; usage?: string; options?: YamlOption[]; inherited_options?: YamlOption[]; cname?: string[];
    };
    const options = (y.options ?? []).map((o): CliOption => {
      const out: CliOption = { long: o.option, help: (o.description ?? '').replace(/\s+/g, ' ').trim() };
      if (o.shorthand) out.short = o.shorthand;
      if (o.value_type && o.value_type !== 'bool') out.type = o.value_type;
      if (o.default_value && !['', '[]', 'false', '0'].includes(o.default_value)) out.default = o.default_value;
      if (o.deprecated) out.deprecated = true;
      if (o.hidden) out.hidden = true;
      return out;
    });
    const c: CliCommand = { name: y.command, usage: (y.usage ?? '').replace(y.command, '').trim(), help: y.short ?? '', options };
    const subs = (y.cname ?? []).map((n) => n.slice(y.command.length + 1)).filter((n) => n && !n.includes(' '));
    if (subs.length) c.subcommands = subs;
    return c;
  });
}

/** Buildx's reference pages: docs/reference/buildx*.md, an Options table per page. */
function fromBuildxMarkdown(dir: string): CliCommand[] {
  const files = readdirSync(dir).filter((f) => /^buildx[\w-]*\.md$/.test(f) && !f.includes('__')).sort();
  return files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const usage = /```text\n(docker buildx[^\n]*)\n```/.exec(text)?.[1] ?? '';
    const name = `docker ${f.replace(/\.md$/, '').replace(/_/g, ' ')}`;
    const help = /<!---MARKER_GEN_START-->\n([^\n]+)/.exec(text)?.[1]?.trim() ?? '';
    const options: CliOption[] = [];
    const table = /### Options\n\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '';
    for (const row of table.split('\n').slice(2)) {
      const cells = row.split(/(?<!\\)\|/).slice(1, -1).map((s) => s.trim());
      if (cells.length < 4) continue;
      const names = [...cells[0]!.matchAll(/`(-{1,2}[\w-]+)`/g)].map((m) => m[1]!);
      const o: CliOption = { help: cells[3]!.replace(/\\\|/g, '|').replace(/`/g, '').trim() };
      for (const n of names) if (n.startsWith('--')) o.long = n.slice(2); else o.short = n.slice(1);
      const type = /`(\w+)`/.exec(cells[1]!)?.[1];
      if (type && type !== 'bool') o.type = type;
      const def = /`(.*)`/.exec(cells[2]!)?.[1];
      if (def && !['', '[]', 'false', '0'].includes(def)) o.default = def;
      if (/\[experimental\]|DEPRECATED/i.test(o.help)) o.help = o.help.replace(/\[experimental\]/g, '(experimental)');
      if (/deprecated/i.test(o.help)) o.deprecated = true;
      options.push(o);
    }
    const subs = [...(/### Subcommands\n\n([\s\S]*?)\n\n/.exec(text)?.[1] ?? '').matchAll(/\[`([\w-]+)`\]/g)].map((m) => m[1]!);
    const c: CliCommand = { name, usage: usage.replace(name, '').trim(), help, options };
    if (subs.length) c.subcommands = subs;
    return c;
  });
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function gitCommit(dir: string): string {
  const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : dir;
}

function main(): void {
  const version = docker(['--version']);
  if (!version.ok) throw new Error('docker client not found: install it to regenerate the catalogue');
  const previous: Catalogue | undefined = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Catalogue) : undefined;
  const commands: CliCommand[] = [];
  const sources: Record<string, string> = { docker: version.out.trim() };
  fromDockerHelp([], new Set(), commands);
  for (const plugin of ['compose', 'buildx'] as const) {
    const own = (c: CliCommand) => c.name === `docker ${plugin}` || c.name.startsWith(`docker ${plugin} `);
    const ref = flag(`--${plugin}-ref`);
    if (docker([plugin, 'version']).ok) {
      fromDockerHelp([plugin], new Set(), commands);
      sources[plugin] = docker([plugin, 'version']).out.trim();
    } else if (ref) {
      commands.push(...(plugin === 'compose' ? fromComposeYaml(ref) : fromBuildxMarkdown(ref)));
      sources[plugin] = `reference docs at ${flag(`--${plugin}-rev`) ?? gitCommit(ref)}`;
    } else if (previous) {
      commands.push(...previous.commands.filter(own));
      if (previous.sources[plugin]) sources[plugin] = previous.sources[plugin];
    }
  }
  const catalogue: Catalogue = { sources, commands };
  // One command per line: small diffs when the CLI changes.
  const body = commands.map((c) => JSON.stringify(c)).join(',\n');
  writeFileSync(OUT, `{"sources":${JSON.stringify(catalogue.sources)},\n"commands":[\n${body}\n]}\n`);
  console.log(`${commands.length} commands, ${commands.reduce((n, c) => n + c.options.length, 0)} options → ${OUT}`);
}

main();
