import { describe, expect, it } from 'vitest';
import { cardHeading, deckToMarkdown } from '../../../src/lib/notes/export-markdown.ts';
import { cards, DECK_ID } from './sample-cards.ts';

const deck = { id: DECK_ID, name: 'Ops: "day two" notes', cards };
const md = deckToMarkdown(deck);
const lines = md.split('\n');

describe('exporting a deck as a house-format note', () => {
  it('keeps the deck id and name in front matter, so a re-import lands on the same deck', () => {
    expect(lines.slice(0, 4)).toEqual(['---', 'deck: "ops-notes"', 'title: "Ops: \\"day two\\" notes"', '---']);
  });

  it('writes one ## heading per card that gives back its kind and key', () => {
    const headings = lines.filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## dangling image', '## docker run -P, --publish-all', '## `docker logs`', '## CMD vs ENTRYPOINT']);
  });

  it('groups cards under their topic, cards without one before any topic heading', () => {
    const order = lines.filter((line) => /^#{1,2} /.test(line));
    expect(order).toEqual([
      '## dangling image',
      '# Ports · 端口',
      '## docker run -P, --publish-all',
      '# Debugging',
      '## `docker logs`',
      '# Dockerfile',
      '## CMD vs ENTRYPOINT',
    ]);
  });

  it('puts the commands in an sh block, the main command first', () => {
    const start = lines.indexOf('## `docker logs`');
    expect(lines.slice(start + 2, start + 6)).toEqual(['```sh', 'docker logs -f --tail 50 web', 'docker logs --since 10m web', '```']);
  });

  it('writes each language as a list item, body lines indented under the title', () => {
    const start = lines.indexOf('## docker run -P, --publish-all');
    const section = lines.slice(start, lines.indexOf('# Debugging'));
    expect(section).toContain('- en: Publish every exposed port');
    expect(section).toContain('  Each EXPOSEd port gets a random host port.');
    expect(section).toContain('  Run `docker port web` to see them.');
    expect(section).toContain('- zh: 发布全部暴露端口');
    expect(section).toContain('- tags: docker run');
  });

  it('keeps blank lines between body paragraphs', () => {
    const at = lines.indexOf('  Shows what the main process wrote.');
    expect(lines.slice(at, at + 3)).toEqual(['  Shows what the main process wrote.', '', '  Add `-t` for "timestamps".']);
  });

  it('writes the compare table with pipes escaped', () => {
    expect(md).toContain('| | CMD | ENTRYPOINT |\n|---|---|---|\n| en | default arguments \\| easy to override | the fixed program |');
  });

  it('never lets a title break out of its line', () => {
    expect(lines).toContain('- en: #1 cause of\tfull disks');
    const evil = { ...cards[3]!, key: 'two\nlines', text: { en: { title: 'a\n## injected', body: '' } } };
    const out = deckToMarkdown({ id: 'x', name: 'x\n---\ndeck: other', cards: [evil] });
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual(['## two lines']);
    expect(out).toContain('title: "x --- deck: other"');
  });

  it('uses a longer fence or more backticks when the text holds backticks', () => {
    const card = { ...cards[1]!, key: 'echo `date`', command: 'echo ```x```', examples: [] };
    expect(cardHeading(card)).toBe('`` echo `date` ``');
    expect(deckToMarkdown({ id: 'x', name: 'x', cards: [card] })).toContain('````sh\necho ```x```\n````');
  });
});
