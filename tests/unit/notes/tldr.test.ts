import { describe, expect, it } from 'vitest';
import { readTldrPage } from '../../../src/lib/notes/formats/tldr.ts';
import { indexNote } from '../../../src/lib/notes/index.ts';
import { card, fixture, indexFixture, keys } from './helpers.ts';

const title = (c: { text: Record<string, { title: string }> }) => Object.values(c.text)[0]?.title;

describe('tldr pages are read exactly, for any tool', () => {
  const r = indexFixture('tldr-tar.md');

  it('makes each example a command card with the meaning its line gives, placeholders kept', () => {
    expect(keys(r.cards)).toEqual(['tar', 'tar cf {{archive.tar}} {{file1 file2}}', 'tar xvf {{archive.tar}}', 'tar tf {{archive.tar}}']);
    expect(title(card(r.cards, 'command', 'tar tf {{archive.tar}}'))).toBe('Show what an archive holds');
  });

  it('drops the [c]reate mnemonic brackets from descriptions', () => {
    expect(title(card(r.cards, 'command', 'tar cf {{archive.tar}} {{file1 file2}}'))).toBe('create an archive from some files');
    expect(title(card(r.cards, 'command', 'tar xvf {{archive.tar}}'))).toBe('Extract an archive into the current folder, naming each file');
  });

  it("gives the tool its own card from the page's description and tags every card with it", () => {
    const tool = card(r.cards, 'command', 'tar');
    expect(title(tool)).toBe('Packs files into one archive and unpacks them again.');
    expect(tool.text['en']!.body).toContain('More information: https://www.gnu.org/software/tar/manual.');
    for (const c of r.cards) expect(c.tags).toContain('tar');
    expect(r.meta.title).toBe('tar');
  });

  it('reads a tool the indexer has never heard of', () => {
    const page = '# zork\n\n> Plays a text adventure.\n\n- Start a new game:\n\n`zork --new {{save_name}}`\n';
    expect(keys(indexNote(page, 'anything.txt').cards)).toEqual(['zork', 'zork --new {{save_name}}']);
  });

  it('recognises a page by its shape, not its name', () => {
    expect(readTldrPage(fixture('tldr-lookalike.md'), [], undefined)).toBeNull();
    expect(readTldrPage('# tar\n\n- Pack:\n\n`tar cf a b`\n', [], undefined)).toBeNull(); // no description
    expect(readTldrPage('# tar\n\n> Packs.\n\n- Pack:\n', [], undefined)).toBeNull(); // an example without its command
    expect(readTldrPage('# tar\n> Packs.\n- Pack:\n`tar cf a b`', [], undefined)?.entries.length).toBe(2);
  });

  it('keeps the language of a translated page', () => {
    const page = '# tar\n\n> 归档工具。\n\n- 创建归档：\n\n`tar cf {{归档.tar}} {{文件}}`\n';
    const c = indexNote(page, 'tar.md').cards;
    expect(Object.keys(c[1]!.text)).toEqual(['zh']);
    expect(title(c[1]!)).toBe('创建归档');
  });
});

describe('any page of tldr shape', () => {
  it('never throws and yields sane cards, whatever the words', async () => {
    const fc = (await import('fast-check')).default;
    const { expectSane } = await import('./helpers.ts');
    const word = fc.string({ maxLength: 12 });
    const page = fc
      .record({ name: word, about: fc.array(word, { minLength: 1, maxLength: 3 }), ex: fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 4 }) })
      .map(({ name, about, ex }) => [`# ${name}`, '', ...about.map((a) => `> ${a}`), '', ...ex.flatMap(([d, c]) => [`- ${d}:`, '', `\`${c}\``, ''])].join('\n'));
    fc.assert(fc.property(page, (t) => expectSane(indexNote(t, 'p.md'), t)), { numRuns: 300 });
  });
});
