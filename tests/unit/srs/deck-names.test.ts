// Issue 17: Settings listed decks as `docker`, `000-a8c3…`, `docker-2` — ids, not names.
import { describe, expect, it } from 'vitest';
import { deckDisplayNames, nameFromFile } from '../../../src/lib/srs/index.ts';

describe('deck names', () => {
  it('come from the file name without folders, extension or hashes', () => {
    expect(nameFromFile('notes/My Docker.md')).toBe('My Docker');
    expect(nameFromFile('Docker notes 3f2a9c8b1e7d4f6a8b9c0d1e2f3a4b5c.md')).toBe('Docker notes');
    expect(nameFromFile('docker-a8c3f9e2.markdown')).toBe('docker');
    expect(nameFromFile('000-a8c3f9e2d1-ops.md')).toBe('ops');
    expect(nameFromFile('facade-notes.md')).toBe('facade-notes'); // hex letters only: a word, kept
    expect(nameFromFile('2024.txt')).toBe('2024');
  });

  it('tell two decks with the same name apart by file, and name the bundled deck', () => {
    const names = deckDisplayNames(
      [
        { id: 'docker-2', name: 'Docker', file: 'notes.md' },
        { id: 'docker-3', name: 'Docker', file: 'work/docker.md' },
        { id: '000-a8c3f9e2', name: '000-a8c3f9e2-ops', file: '000-a8c3f9e2-ops.md' },
      ],
      { id: 'docker', name: 'Docker (built-in)' },
    );
    expect(Object.fromEntries(names)).toEqual({
      docker: 'Docker (built-in)',
      'docker-2': 'Docker — notes.md',
      'docker-3': 'Docker — docker.md',
      '000-a8c3f9e2': 'ops',
    });
  });
});
