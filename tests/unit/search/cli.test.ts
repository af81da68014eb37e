import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/search.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

// Each run starts tsx and indexes content/: seconds on a busy machine.
describe('npm run search', { timeout: 30_000 }, () => {
  it('prints the ranked cards of the bundled deck as a JSON array, best first', () => {
    const r = run('-P', '--limit', '2');
    expect(r.status, r.stderr).toBe(0);
    const cards = JSON.parse(r.stdout) as Card[];
    expect(cards).toHaveLength(2);
    expect(cards[0]!.key).toBe('docker run -P');
    expect(cards[0]!.flag).toBe('-P');
  });

  it('keeps to a deck, and prints [] when nothing matches', () => {
    expect(JSON.parse(run('rmi', '--deck', 'no-such-deck').stdout)).toEqual([]);
  });

  it('says what is wrong with its arguments', () => {
    const r = run('rmi', '--limit', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--limit/);
    expect(run().status).toBe(2);
  });
});
