import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { buildSearchIndex } from '../../../src/lib/search/index.ts';

const card = (key: string, title: string, extra: Partial<Card> = {}): Card => ({
  id: key,
  deck: 'docker',
  kind: 'command',
  key,
  text: { en: { title, body: '' } },
  tags: ['Containers'],
  source: { file: 'x.md', line: 1 },
  ...extra,
});

const index = buildSearchIndex([
  card('docker run', 'Create and start a container'),
  card('docker images', 'List images'),
  card('docker run -P', 'Publish all exposed ports', { kind: 'flag', flag: '-P', text: { en: { title: 'Publish all exposed ports', body: '--publish-all' } } }),
  card('docker rmi', 'Remove an image'),
]);

describe('what a misspelt query was read as', () => {
  it('names the corrected words', () => {
    expect(index.correct('dokcer rnu')).toBe('docker run');
    expect(index.correct('docker imgaes')).toBe('docker images');
  });

  it('says nothing when nothing was corrected, or only a plural', () => {
    expect(index.correct('docker run')).toBeUndefined();
    expect(index.correct('-P')).toBeUndefined();
    expect(index.correct('image')).toBeUndefined();
    expect(index.correct('')).toBeUndefined();
  });
});
