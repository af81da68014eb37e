/**
 * What the installed Docker CLI says a command accepts, read from `docker … --help`.
 * The client prints help without an engine. Help output is cached per command.
 */
import { execFile, spawnSync } from 'node:child_process';

function run(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 15_000 });
  if (r.error) return { ok: false, out: '' };
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

let dockerFound: boolean | undefined;
export function dockerAvailable(): boolean {
  dockerFound ??= run(['--version']).ok;
  return dockerFound;
}

let composeFound: boolean | undefined;
export function composePluginAvailable(): boolean {
  composeFound ??= dockerAvailable() && run(['compose', 'version']).ok;
  return composeFound;
}

/**
 * Flags listed in one section of a help text ("Options:" for a subcommand, "Global Options:"
 * for bare `docker`). Flag lines are indented by at most six spaces; deeper lines are wrapped
 * descriptions, which may themselves start with a dash ("-1 to enable unlimited swap").
 */
export function parseOptions(help: string, section = 'Options'): Set<string> {
  const flags = new Set<string>();
  const lines = help.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${section}:`);
  if (start === -1) return flags;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const m = /^ {1,6}(-[A-Za-z0-9])?(?:, )?(--[A-Za-z0-9][\w-]*)?(?:\s|$)/.exec(line);
    if (!m) continue;
    if (m[1]) flags.add(m[1]);
    if (m[2]) flags.add(m[2]);
  }
  return flags;
}

/** The command a help text describes, and its aliases ("docker image rm", "docker rmi"). */
export function helpNames(help: string): string[] {
  const names: string[] = [];
  const lines = help.split('\n');
  const usage = lines.find((l) => l.startsWith('Usage:'));
  if (usage) {
    const words = usage.replace(/^Usage:\s*/, '').split(/\s+/);
    const end = words.findIndex((w) => /^[[A-Z<-]/.test(w) || w.includes('|'));
    names.push(words.slice(0, end === -1 ? words.length : end).join(' '));
  }
  const aliasAt = lines.findIndex((l) => l.trim() === 'Aliases:');
  const aliasLine = aliasAt === -1 ? undefined : lines[aliasAt + 1];
  if (aliasLine) names.push(...aliasLine.split(',').map((s) => s.trim()));
  return names;
}

// Flags the CLI accepts but hides from --help.
const HIDDEN: Record<string, string[]> = {
  'docker run': ['--net'],
  'docker create': ['--net'],
  'docker container run': ['--net'],
  'docker container create': ['--net'],
};

const cache = new Map<string, Set<string> | null>();

function flagsFromHelp(words: string[], out: string): Set<string> | null {
  const name = ['docker', ...words].join(' ');
  if (!helpNames(out).includes(name)) return null;
  const flags = parseOptions(out, words.length === 0 ? 'Global Options' : 'Options');
  for (const f of HIDDEN[name] ?? []) flags.add(f);
  return flags;
}

/**
 * Flags accepted by `docker <words…>`, or null when the CLI has no such command. (For an
 * unknown command docker prints its parent's help and exits 0, so the Usage line is checked.)
 */
export function dockerFlags(words: string[]): Set<string> | null {
  const name = ['docker', ...words].join(' ');
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const flags = flagsFromHelp(words, run([...words, '--help']).out);
  cache.set(name, flags);
  return flags;
}

/** Fill the cache for many commands a few at a time, so a whole deck is checked quickly. */
export async function prefetchDockerFlags(commands: string[][], parallel = 4): Promise<void> {
  const todo = [...new Map(commands.map((w) => [['docker', ...w].join(' '), w])).entries()].filter(
    ([name]) => !cache.has(name),
  );
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const [name, words] = todo[next++]!;
      const out = await new Promise<string>((resolve) =>
        execFile('docker', [...words, '--help'], { encoding: 'utf8', timeout: 15_000 }, (_err, stdout, stderr) =>
          resolve(`${stdout ?? ''}${stderr ?? ''}`),
        ),
      );
      cache.set(name, flagsFromHelp(words, out));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Whether a flag, as written on a card, is in the accepted set: "--network=host" counts as
 * "--network", and bundled short flags ("-it", "-aq") count when every letter is accepted.
 */
export function flagAccepted(flag: string, accepted: Set<string>): boolean {
  const bare = flag.split('=')[0] ?? flag;
  if (accepted.has(bare)) return true;
  if (/^-[A-Za-z]{2,}$/.test(bare)) return [...bare.slice(1)].every((c) => accepted.has(`-${c}`));
  return false;
}
