/** Stage 1: a note's Markdown → one flat, uniform block list (blocks.ts, block-inline.ts). */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { hasInlineMarkup, inlineTree, plainNodes } from '../../../../src/lib/notes/block-inline.ts';
import { parseBlocks, type Block } from '../../../../src/lib/notes/blocks.ts';
import { prepare } from '../../../../src/lib/notes/prepare.ts';

function blocks(md: string): Block[] {
  const p = prepare(md);
  if ('refused' in p) throw new Error(p.refused);
  return parseBlocks(p.chunks).blocks;
}

describe('stage 1: structure', () => {
  it('gives every block its type and note line, headings their depth', () => {
    const bs = blocks('# Garden\n\nWater the beds daily.\n\n## Tools\n\n```sh\ndocker ps\n```\n');
    expect(bs.map((b) => [b.type, b.line, b.depth])).toEqual([
      ['heading', 1, 1],
      ['para', 3, 0],
      ['heading', 5, 2],
      ['code', 7, 0],
    ]);
    expect(bs[3]).toMatchObject({ lang: 'sh', value: 'docker ps', valueLine: 8 });
  });

  it('records list items and quotes as data on the block, not as a tree', () => {
    const bs = blocks('- pick a base image\n  > docker pull alpine\n- second step\n');
    const [first, quoted, second] = bs;
    expect(first).toMatchObject({ type: 'para', text: 'pick a base image', quote: 0, list: { index: 0, size: 2, first: true } });
    // the quote sits inside the first item: same item id, one quote level, no list info of its own
    expect(quoted).toMatchObject({ type: 'para', text: 'docker pull alpine', quote: 1 });
    expect(quoted!.list).toBeUndefined();
    expect(quoted!.items).toEqual(first!.items);
    expect(second!.list).toMatchObject({ index: 1, list: first!.list!.list });
    expect(second!.items).not.toEqual(first!.items);
  });

  it('keeps code spans in backticks in the text and as code spans, bold as strong, bare URLs as links', () => {
    const [p] = blocks('Use **care** with `docker rm -f` as https://example.org/rm says.');
    expect(p!.text).toBe('Use care with `docker rm -f` as https://example.org/rm says.');
    expect(p!.spans.map((s) => s.kind)).toEqual(['text', 'strong', 'text', 'code', 'text', 'link', 'text']);
    expect(p!.spans.find((s) => s.kind === 'link')!.value).toBe('https://example.org/rm');
  });

  it('reads <pre> HTML as code with its entities decoded, indented blocks as code without a language', () => {
    const bs = blocks('<pre><code>docker run &lt;image&gt; &amp;&amp; echo ok</code></pre>\n\ntext\n\n    docker logs app\n');
    expect(bs[0]).toMatchObject({ type: 'code', lang: '', value: 'docker run <image> && echo ok' });
    expect(bs[2]).toMatchObject({ type: 'code', lang: '', value: 'docker logs app', line: 5, valueLine: 5 });
  });

  it('keeps a table row as written, extra cells included', () => {
    const [t] = blocks('| flag | meaning |\n| --- | --- |\n| `-d` | detached | more |\n');
    expect(t!.rows).toEqual([
      ['flag', 'meaning'],
      ['`-d`', 'detached', 'more'],
    ]);
  });

  it('numbers lines from the note even when the note is read in chunks', () => {
    const filler = Array.from({ length: 4000 }, (_, k) => `Paragraph number ${k} says a little about nothing in particular.\n`).join('\n');
    const bs = blocks(`${filler}\n## Last\n\nend\n`);
    const last = bs[bs.length - 1]!;
    expect(last.text).toBe('end');
    expect(last.line).toBe(filler.split('\n').length + 3);
  });
});

describe('stage 1: text without inline markup skips the inline parser', () => {
  const full = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

  it('gives what markdown-it would: soft and hard breaks, blanks around line ends', () => {
    const pieces = ['word', '字', ' ', '  ', '\t', '\n', '.', ':', '-', '#', '!', ']', '$', '{', '}', '=', '1.'];
    const content = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('').trim());
    fc.assert(
      fc.property(content, (c) => {
        expect(hasInlineMarkup(c)).toBe(false);
        expect(plainNodes(c)).toEqual(inlineTree(full.parseInline(c, {})[0]?.children ?? null, false));
      }),
      { numRuns: 3000 },
    );
  });

  it('sends anything that may be markup to the parser', () => {
    for (const c of ['a `b`', '**b**', '_b_', '~~b~~', '[b](c)', '![b](c)', '<b>', '&amp;', 'a\\*b']) expect(hasInlineMarkup(c)).toBe(true);
  });

  it('keeps a hard break as a break in the block text', () => {
    const [p] = blocks('first line  \nsecond line\nthird');
    expect(p!.text).toBe('first line\nsecond line\nthird');
    expect(p!.spans.map((s) => s.value)).toEqual(['first line', '\n', 'second line\nthird']);
  });
});
