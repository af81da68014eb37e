import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { FIXTURES } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function index(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/index.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, cards: () => JSON.parse(r.stdout) as Card[] };
}

const dir = mkdtempSync(join(tmpdir(), 'deckhand-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run index', { timeout: 60_000 }, () => {
  it('prints the cards of a note as a JSON array and exits 0', () => {
    const r = index(join(FIXTURES, 'house-format.md'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const cards = r.cards();
    expect(cards.map((c) => c.key)).toContain('docker stop | docker kill');
    expect(cards.every((c) => c.deck === 'sample-house')).toBe(true);
  });

  it('walks a directory for .md, .markdown and .txt notes in sorted order, skipping README.md', () => {
    mkdirSync(join(dir, 'walk/sub'), { recursive: true });
    writeFileSync(join(dir, 'walk/b.md'), '```sh\n# 第二\ndocker ps\n```\n');
    writeFileSync(join(dir, 'walk/a.txt'), '```sh\n# first\ndocker images\n```\n');
    writeFileSync(join(dir, 'walk/sub/c.markdown'), '```sh\ndocker info  # 第三\n```\n');
    writeFileSync(join(dir, 'walk/README.md'), '```sh\ndocker version\n```\n');
    writeFileSync(join(dir, 'walk/notes.json'), '{"docker": "run"}');
    const r = index(join(dir, 'walk'));
    expect(r.code).toBe(0);
    const cards = r.cards();
    expect(cards.map((c) => c.key)).toEqual(['docker images', 'docker ps', 'docker info']);
    expect(cards[0]!.source.file).toMatch(/walk\/a\.txt$/);
  });

  it('reports warnings on stderr as file:line: message and still prints what it could read', () => {
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [x\n---\n\n```sh\ndocker ps\n');
    const r = index(join(dir, 'broken.md'));
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^\/.*broken\.md:2: invalid front matter/), expect.stringMatching(/broken\.md:5: code fence is never closed/)]);
    expect(r.cards().map((c) => c.key)).toEqual(['docker ps']);
  });

  it('fails with a one-line error when nothing can be read', () => {
    const r = index(join(dir, 'missing.md'));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/missing\.md: no such file or directory/)]);
    const none = index();
    expect(none.code).not.toBe(0);
  });

  it('exits 0 when at least one input is readable, naming the one that is not', () => {
    const r = index(join(dir, 'missing.md'), join(FIXTURES, 'mixed-language.md'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/missing\.md: no such file or directory/);
    expect(r.cards().length).toBeGreaterThan(0);
  });
});
