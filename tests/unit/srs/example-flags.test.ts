// Issue 17: "What does this do?" showed `docker run -d --name web -p 8080:80 nginx` but answered
// only what `docker run` does. The answer now covers the example's flags, from their cards.
import { describe, expect, it } from 'vitest';
import { exampleFlags } from '../../../src/lib/srs/index.ts';
import { loadDeck } from '../deck/deck.ts';

const cards = loadDeck().cards;
const byKey = (key: string) => cards.find((c) => c.key === key)!;
const flagsOf = (key: string, example: string) => exampleFlags(byKey(key), example, cards).map((f) => [f.flag, f.card.key]);

describe('the flags of an example line, on the bundled deck', () => {
  it('finds each flag of docker run by its card, general card first', () => {
    expect(flagsOf('docker run', 'docker run -d --name web -p 8080:80 nginx')).toEqual([
      ['-d', 'docker run -d'],
      ['--name', 'docker run --name'],
      ['-p', 'docker run -p'],
    ]);
  });

  it('splits bundles and --flag=value, and stops where the container’s own command begins', () => {
    expect(flagsOf('docker run', 'docker run --name=web -p8080:80 nginx').map(([f]) => f)).toEqual(['--name', '-p']);
    expect(flagsOf('docker run', 'docker run -dit --rm alpine sh -c "ls -l"').map(([f]) => f)).toEqual(['-d', '-i', '-t', '--rm']);
    expect(flagsOf('docker exec', 'docker exec web nginx -t')).toEqual([]);
  });

  it('keeps flags case-sensitive: -P is not -p', () => {
    expect(flagsOf('docker run', 'docker run -d -P nginx')).toContainEqual(['-P', 'docker run -P']);
    expect(flagsOf('docker run', 'docker run -d -P nginx')).not.toContainEqual(['-p', 'docker run -p']);
  });
});
