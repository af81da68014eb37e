import type { Catalogue } from '../cli/catalogue.ts';
import RENAMES from './command-names.json';

/**
 * The CLI runs one command under several names (`docker container ls`, `docker container
 * list`, `docker ps`). Cards are keyed by the top-level name where there is one, the one people type most; a query that
 * names a command another way is read as that name. The table is derived from the CLI
 * catalogue (src/lib/cli/catalogue.json) by scripts/gen-command-names.ts and kept small so
 * search never loads the whole catalogue.
 */
const BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(RENAMES as Record<string, string>));

/** Every other name of a command → the one cards use: the top-level one ("docker ps"), else the catalogue's own ("docker stack deploy"). */
export function commandRenames(catalogue: Pick<Catalogue, 'commands'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of catalogue.commands) {
    const names = [c.name, ...(c.aliases ?? [])];
    if (names.length < 2) continue;
    const short = names.find((n) => n.split(' ').length === 2) ?? c.name;
    for (const n of names) if (n !== short) out[n] = short;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A query's command written another way → the name the cards use: "docker container ls -a" →
 * "docker ps -a", "container ls" → "ps", "docker-compose up" → "docker compose up". Only
 * whole command words at the start are rewritten; anything else stays as typed.
 */
export function canonicalCommand(query: string, allow: (typed: string) => boolean = () => true): string {
  const words = query.split(' ');
  if (words[0] === 'docker-compose' && words.length > 1 && /^[a-z]/.test(words[1]!) && allow(`docker-compose ${words[1]}`)) {
    return ['docker', 'compose', ...words.slice(1)].join(' ');
  }
  const docker = words[0]?.toLowerCase() === 'docker';
  const from = docker ? 1 : 0;
  for (let len = 3; len >= 2; len--) {
    if (words.length < from + len) continue;
    const typed = ['docker', ...words.slice(from, from + len)].join(' ').toLowerCase();
    const name = BY_NAME.get(typed);
    if (!name || !allow(typed)) continue;
    const to = docker ? name : name.replace(/^docker /, '');
    return [to, ...words.slice(from + len)].join(' ');
  }
  return query;
}
