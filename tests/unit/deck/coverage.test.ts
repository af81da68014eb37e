/**
 * The deck covers what /work/shared/COVERAGE.md asks for: every pair people confuse is a
 * compare card, and the totals hold (≥ 350 cards, about a third flag cards, ≥ 30 compares).
 */
import { describe, expect, it } from 'vitest';
import { loadDeck } from './deck.ts';

/** COVERAGE.md "Pairs people confuse", as the items of the compare card that answers each. */
const CONFUSED_PAIRS: string[][] = [
  ['docker rm', 'docker rmi'],
  ['docker save', 'docker export'],
  ['docker load', 'docker import'],
  ['docker save/load', 'docker export/import'],
  ['docker run -p', 'docker run -P'],
  ['docker run -p', 'docker run --expose'],
  ['docker run -v', 'docker run --mount'],
  ['volume', 'bind mount', 'tmpfs'],
  [':ro', ':rw'],
  [':z', ':Z'],
  ['CMD', 'ENTRYPOINT'],
  ['COPY', 'ADD'],
  ['ARG', 'ENV'],
  ['RUN', 'CMD'],
  ['docker stop', 'docker kill'],
  ['docker exec', 'docker attach'],
  ['docker run', 'docker start'],
  ['docker run', 'docker create'],
  ['docker rm -f', 'docker stop && docker rm'],
  ['docker image prune', 'docker image prune -a'],
  ['docker container prune', 'docker system prune'],
  ['bridge', 'host', 'none', 'container:NAME'],
  ['--link', 'user-defined network'],
  ['docker run -i', 'docker run -t'],
  ['docker compose', 'docker-compose'],
  ['docker run --restart always', 'docker run --restart unless-stopped'],
  ['docker commit', 'docker build'],
];

// Same items in any order; flags keep their case.
const pairKey = (items: string[]) => [...items].map((s) => s.trim()).sort().join(' | ');

describe('bundled deck: coverage', () => {
  const { cards } = loadDeck();
  const count = (kind: string) => cards.filter((c) => c.kind === kind).length;

  it('has a compare card for every confusable pair in COVERAGE.md', () => {
    const compared = new Set(cards.filter((c) => c.kind === 'compare').map((c) => pairKey(c.items ?? [])));
    const missing = CONFUSED_PAIRS.filter((p) => !compared.has(pairKey(p))).map((p) => p.join(' vs '));
    expect(missing).toEqual([]);
  });

  it('has at least 350 cards', () => {
    expect(cards.length).toBeGreaterThanOrEqual(350);
  });

  it('has at least 30 compare cards', () => {
    expect(count('compare')).toBeGreaterThanOrEqual(30);
  });

  it('is roughly a third flag cards (at least 30%)', () => {
    expect(count('flag') / cards.length).toBeGreaterThanOrEqual(0.3);
  });
});
