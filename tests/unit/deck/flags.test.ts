/**
 * Every flag card teaches a flag its command really accepts: checked against the installed
 * Docker CLI's own `--help`. Compose flags are checked against `docker compose <sub> --help`
 * when the plugin is installed, else against compose-flags.json (from Compose's reference docs);
 * buildx flags (and `docker build`'s BuildKit-only ones) likewise fall back to buildx-flags.json.
 * Without a docker client the CLI check is skipped, loudly.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { commandWords, DECK_TEST_DIR, loadDeck, readJson, where } from './deck.ts';
import {
  composePluginAvailable,
  dockerAvailable,
  dockerFlags,
  flagAccepted,
  helpNames,
  parseOptions,
  prefetchDockerFlags,
} from './docker-help.ts';

const composeList = readJson<Record<string, string[]>>(join(DECK_TEST_DIR, 'compose-flags.json'));
const buildxList = readJson<Record<string, string[]>>(join(DECK_TEST_DIR, 'buildx-flags.json'));

const hasDocker = dockerAvailable();
if (!hasDocker) {
  console.warn('[deck] No docker client installed: flag cards are NOT checked against `docker --help`.');
} else if (!composePluginAvailable()) {
  console.warn('[deck] No docker compose plugin: compose flags are checked against compose-flags.json.');
}
const hasBuildx = hasDocker && dockerFlags(['buildx']) !== null;
if (hasDocker && !hasBuildx) {
  console.warn('[deck] No docker buildx plugin: buildx and BuildKit build flags are checked against buildx-flags.json.');
}

/**
 * Without the buildx plugin: `docker buildx SUB` from buildx-flags.json, and `docker build` as the
 * legacy builder's help plus buildx's "build" list (with buildx installed, `docker build` is it).
 */
function buildxFallback(words: string[]): Set<string> | string | undefined {
  const [, first, ...rest] = words;
  if (hasBuildx || (first !== 'buildx' && first !== 'build')) return undefined;
  const sub = first === 'build' ? 'build' : rest.join(' ');
  const listed = buildxList[sub];
  if (!listed) return `buildx subcommand "${sub}" is not in buildx-flags.json`;
  return new Set([...listed, ...(first === 'build' ? (dockerFlags(['build']) ?? []) : [])]);
}

/** The flags a card's command accepts, or a reason it cannot be told. */
function acceptedFor(card: Card): Set<string> | string {
  const words = commandWords(card.key);
  const [bin, first, ...rest] = words;
  const compose = (bin === 'docker' && first === 'compose') || bin === 'docker-compose';
  if (compose) {
    const sub = bin === 'docker-compose' ? (first ?? '') : (rest[0] ?? '');
    if (bin === 'docker' && composePluginAvailable()) {
      return dockerFlags(sub ? ['compose', sub] : ['compose']) ?? `docker compose has no subcommand "${sub}"`;
    }
    const listed = composeList[sub];
    return listed ? new Set(listed) : `compose subcommand "${sub}" is not in compose-flags.json`;
  }
  if (bin !== 'docker') return `"${bin}" is not a docker command; its flags cannot be checked`;
  const buildx = buildxFallback(words);
  if (buildx !== undefined) return buildx;
  return dockerFlags(words.slice(1)) ?? `the docker CLI has no command "${words.join(' ')}"`;
}

describe('help parsing', () => {
  const help = [
    'Usage:  docker thing ls [OPTIONS]',
    '',
    'Aliases:',
    '  docker thing ls, docker things',
    '',
    'Options:',
    '  -a, --all             Show every thing',
    '      --memory-swap     Swap limit equal to memory plus swap:',
    '                        -1 to enable unlimited swap',
    '  -q                    Quiet',
    '',
    'Run more help',
  ].join('\n');

  it('reads short/long pairs, long-only and short-only flags, not wrapped descriptions', () => {
    expect([...parseOptions(help)].sort()).toEqual(['--all', '--memory-swap', '-a', '-q']);
  });

  it('names the command and its aliases from Usage and Aliases', () => {
    expect(helpNames(help)).toEqual(['docker thing ls', 'docker thing ls', 'docker things']);
  });

  it('accepts bundled short flags only when every letter is a flag, and ignores =value', () => {
    const accepted = new Set(['-i', '-t', '-a', '--network']);
    expect(flagAccepted('-it', accepted)).toBe(true);
    expect(flagAccepted('-ix', accepted)).toBe(false);
    expect(flagAccepted('--network=host', accepted)).toBe(true);
    expect(flagAccepted('--net', accepted)).toBe(false);
  });
});

describe.skipIf(!hasDocker)('flag cards vs the installed docker CLI', () => {
  beforeAll(async () => {
    const docker = loadDeck()
      .cards.filter((c) => c.kind === 'flag')
      .map((c) => commandWords(c.key))
      .filter((w) => w[0] === 'docker' && !(w[1] === 'compose' && !composePluginAvailable()))
      .map((w) => w.slice(1));
    await prefetchDockerFlags(docker);
  }, 120_000);

  it('knows real commands and flags, and rejects made-up ones', () => {
    const run = dockerFlags(['run']);
    expect(run?.has('-P') && run.has('--publish-all') && run.has('--net') && run.has('--link')).toBe(true);
    expect(run?.has('-Q')).toBe(false);
    expect(dockerFlags(['no-such-command'])).toBeNull();
    expect(dockerFlags(['volume', 'no-such-subcommand'])).toBeNull();
  });

  it("every flag card's flag and aliases are accepted by its command", () => {
    const flagCards = loadDeck().cards.filter((c) => c.kind === 'flag');
    expect(flagCards.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const card of flagCards) {
      const accepted = acceptedFor(card);
      if (typeof accepted === 'string') {
        problems.push(`${where(card)}: ${accepted}`);
        continue;
      }
      if (!card.flag) problems.push(`${where(card)}: flag card without a flag`);
      for (const flag of [card.flag ?? '', ...(card.aliases ?? [])].filter(Boolean)) {
        if (!flagAccepted(flag, accepted)) {
          problems.push(`${where(card)}: "${commandWords(card.key).join(' ')}" does not accept ${flag}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
