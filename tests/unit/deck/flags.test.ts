/**
 * Every flag card teaches a flag its command really accepts, checked against the Docker CLI
 * catalogue (src/lib/cli/catalogue.json: the CLI's own --help, compose and buildx from their
 * reference docs) — the same data the explainer uses, not a second copy. When a docker client
 * is installed, the catalogue is also checked against its --help, so a stale catalogue fails.
 */
import { describe, expect, it } from 'vitest';
import { commandNamed, optionNames, takesFlag } from '../../../src/lib/cli/catalogue.ts';
import type { Card } from '../../../src/lib/notes/card.ts';
import { docker, parseHelp, parseHelpOptions } from '../../../scripts/cli-help.ts';
import { cat } from '../cli/summary.ts';
import { commandWords, loadDeck, where } from './deck.ts';

const flagCards = loadDeck().cards.filter((c) => c.kind === 'flag');

function commandOf(card: Card) {
  return commandNamed(cat, commandWords(card.key));
}


describe('flag cards vs the CLI catalogue', () => {
  it('knows real commands and flags, and rejects made-up ones', () => {
    const run = commandNamed(cat, ['docker', 'run'])!;
    for (const f of ['-P', '--publish-all', '--net', '--link', '-it']) expect(takesFlag(cat, run, f)).toBe(true);
    expect(takesFlag(cat, run, '-Q')).toBe(false);
    expect(takesFlag(cat, run, '-iQ')).toBe(false);
    expect(takesFlag(cat, run, '--network=host')).toBe(true);
    expect(commandNamed(cat, ['docker', 'no-such-command'])).toBeUndefined();
    expect(commandNamed(cat, ['docker', 'volume', 'no-such-subcommand'])).toBeUndefined();
    const up = commandNamed(cat, ['docker-compose', 'up'])!;
    expect(takesFlag(cat, up, '-d') && takesFlag(cat, up, '--dry-run') && takesFlag(cat, up, '-f')).toBe(true);
  });

  it("every flag card's flag and aliases are accepted by its command", () => {
    expect(flagCards.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const card of flagCards) {
      const command = commandOf(card);
      if (!command) {
        problems.push(`${where(card)}: the catalogue has no command "${commandWords(card.key).join(' ')}"`);
        continue;
      }
      if (!card.flag) problems.push(`${where(card)}: flag card without a flag`);
      for (const flag of [card.flag ?? '', ...(card.aliases ?? [])].filter(Boolean)) {
        if (!takesFlag(cat, command, flag)) problems.push(`${where(card)}: "${command.name}" does not accept ${flag}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

const installed = docker(['--version']);
if (!installed.ok) console.warn('[deck] No docker client installed: the catalogue is NOT checked against `docker --help`.');

describe.skipIf(!installed.ok)('the catalogue vs the installed docker client', () => {
  it('was generated from this client version (else: npm run gen:cli)', () => {
    expect(cat.catalogue.sources.docker).toBe(installed.out.trim());
  });

  it("lists exactly the options --help shows for every docker command the deck's flag cards use", () => {
    const names = new Set(flagCards.map((c) => commandOf(c)?.name).filter((n): n is string => !!n && !n.startsWith('docker compose') && !n.startsWith('docker buildx')));
    const problems: string[] = [];
    for (const name of names) {
      const out = docker([...name.split(' ').slice(1), '--help']).out;
      if (!parseHelp(out).aliases.concat(parseHelp(out).name).includes(name)) problems.push(`${name}: not a command of this client`);
      // Bare `docker` lists its options as "Global Options".
      const shown = new Set(parseHelpOptions(out, name === 'docker' ? 'Global Options' : 'Options').flatMap(optionNames));
      // The catalogue as generated (lookups add BuildKit's options to docker build, which this client's help may lack).
      const generated = cat.catalogue.commands.find((c) => c.name === name)!;
      const listed = new Set(generated.options.filter((o) => !o.hidden).flatMap(optionNames));
      if ([...shown].sort().join() !== [...listed].sort().join()) problems.push(`${name}: --help shows ${[...shown].join(' ')}; catalogue has ${[...listed].join(' ')}`);
    }
    expect(names.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});
