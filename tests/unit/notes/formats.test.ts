import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrapContainers } from '../../../src/lib/notes/formats/containers.ts';
import { decodeEntities, htmlLine, unwrapHtml } from '../../../src/lib/notes/formats/html.ts';
import { parseTomlSubset } from '../../../src/lib/notes/formats/toml.ts';
import { indexNote } from '../../../src/lib/notes/index.ts';
import { card, expectSane, indexFixture, keys, words } from './helpers.ts';

const title = (c: { text: Record<string, { title: string }> }) => Object.values(c.text)[0]?.title;

describe('admonitions, tabs, containers and callouts are unwrapped, not read as titles', () => {
  const { cards } = indexFixture('wrapped-content.md');

  it('reads the commands inside each wrapper with the meaning written inside it', () => {
    expect(title(card(cards, 'command', 'docker ps --all'))).toBe('See every container, the stopped ones included');
    expect(title(card(cards, 'command', 'docker rm old-web'))).toBe('Throw away a container you no longer need');
    expect(title(card(cards, 'command', 'docker image prune --all'))).toBe('Wipe every unused image, not only dangling ones');
    expect(title(card(cards, 'command', 'docker logs --follow api'))).toBe("Follow a container's output as it is written");
  });

  it('never puts a marker or a wrapper type on a card', () => {
    for (const c of cards) expect(words(c)).not.toMatch(/!!!|\?\?\?|===|:::|\[!|\bwarning Careful|"Listing"/);
  });

  it('lets a callout title lead the code right under it', () => {
    expect(title(card(cards, 'command', 'docker stats --no-stream'))).toBe('Peek at resource use');
  });

  it('uses a tab label that names a command as the lead of its code, and drops a platform label', () => {
    expect(title(card(cards, 'command', 'docker exec -it api sh'))).toBe('docker exec');
    expect(words(card(cards, 'command', 'docker exec -it api bash'))).not.toContain('Linux');
  });

  it('makes a keyword tab over prose a term explained by that prose', () => {
    expect(title(card(cards, 'concept', 'WORKDIR'))).toBe('Changes the folder later instructions run in.');
    expect(title(card(cards, 'concept', 'EXPOSE'))).toContain('publishes nothing');
  });

  it('keeps every line where it was and dedents only the wrapped content', () => {
    const lines = ['- item', '    !!! info', '        inside the item', 'after', '=== "RUN"', '    runs a command', '', 'plain'];
    unwrapContainers(lines, 0);
    expect(lines).toEqual(['- item', '', '    inside the item', 'after', '## RUN', 'runs a command', '', 'plain']);
  });

  it('leaves markers inside code fences alone', () => {
    const lines = ['```', '!!! note', '    x', '=== "A"', '```'];
    unwrapContainers(lines, 0);
    expect(lines).toEqual(['```', '!!! note', '    x', '=== "A"', '```']);
  });
});

describe('HTML inside Markdown is read as the Markdown it stands for', () => {
  const { cards } = indexFixture('html-in-markdown.md');

  it('reads <pre><code> blocks with their entities decoded', () => {
    expect(title(card(cards, 'command', 'docker images --filter "dangling=true"'))).toBe('Find images nobody points at');
  });

  it('reads <code> inside <p> and <li> as commands with the text around them as meaning', () => {
    expect(title(card(cards, 'command', 'docker run --rm -it alpine sh'))).toBe('Open a throwaway shell');
    expect(title(card(cards, 'command', 'docker stop cache'))).toBe('Halt a container gracefully');
    expect(card(cards, 'command', 'docker cp cache:/etc/hosts > hosts.txt').command).toBe('docker cp cache:/etc/hosts > hosts.txt');
  });

  it('turns <h2> into a heading and <br> into a line break', () => {
    const c = card(cards, 'command', 'docker network ls');
    expect(c.tags).toContain('Networks');
    expect(title(c)).toBe('Show the networks');
  });

  it('maps tags line by line, decoding entities only inside code', () => {
    expect(htmlLine('<h3 id="x">Volumes</h3>')).toBe('### Volumes');
    expect(htmlLine('<li>Remove: <code>docker rm &lt;id&gt;</code></li>')).toBe('- Remove: `docker rm <id>`');
    expect(htmlLine('</ul>')).toBe('');
    expect(htmlLine('Plain text with <b>bold</b>')).toBe('Plain text with <b>bold</b>');
    expect(decodeEntities('a&nbsp;&amp;&nbsp;b &quot;c&quot; &#39;d&#39; &#x41;')).toBe(`a & b "c" 'd' A`);
    const lines = ['<pre>', '<p>kept</p>', '</pre>', '```', '<p>kept too</p>', '```', '<p>changed</p>'];
    unwrapHtml(lines, 0);
    expect(lines).toEqual(['<pre>', '<p>kept</p>', '</pre>', '```', '<p>kept too</p>', '```', 'changed']);
  });
});

describe('front matter in TOML and JSON', () => {
  const body = '\n## Cleanup\n\nRemove stopped containers:\n\n```\ndocker container prune\n```\n';

  it('reads the title and tags of TOML (+++) front matter', () => {
    const r = indexNote(`+++\ntitle = "Ops tricks"\ndate = 2024-03-01T10:00:00Z\ntags = [\n  "ops",\n  'cleanup', # trailing\n]\ndraft = false\n[params]\ntags = ["not", "these"]\n+++${body}`, 'a.md');
    expect(r.meta.title).toBe('Ops tricks');
    expect(r.meta.deck).toBe('ops-tricks');
    expect(card(r.cards, 'command', 'docker container prune').tags).toEqual(expect.arrayContaining(['ops', 'cleanup']));
    expect(r.warnings).toEqual([]);
  });

  it('reads Zola taxonomies and JSON front matter, braced or closed by ;;;', () => {
    expect(indexNote(`+++\ntitle = "Z"\n[taxonomies]\ntags = ["zola"]\n+++${body}`, 'z.md').cards[0]!.tags).toContain('zola');
    const json = indexNote(`{\n  "title": "From JSON",\n  "tags": ["js"]\n}${body}`, 'j.md');
    expect(json.meta.title).toBe('From JSON');
    expect(json.cards[0]!.tags).toContain('js');
    const hexo = indexNote(`"title": "Hexo JSON",\n"tags": ["h"],\n;;;${body}`, 'h.md');
    expect(hexo.meta.title).toBe('Hexo JSON');
    expect(hexo.cards[0]!.tags).toContain('h');
  });

  it('costs a broken front matter its fields, with a warning on its line, never the cards', () => {
    for (const [fm, lang] of [
      ['+++\ntitle = "Open\ntags = ["a"]\n+++', 'TOML'],
      ['{\n  "title": "x",,\n}', 'JSON'],
    ] as const) {
      const r = indexNote(`${fm}${body}`, 'b.md');
      expect(keys(r.cards)).toEqual(['docker container prune']);
      expect(r.meta.title).toBeUndefined();
      expect(r.warnings.map((w) => w.message).join()).toContain(`invalid front matter (${lang}`);
    }
    expect(indexNote(`+++\ntitle = "Open\n+++${body}`, 'b.md').warnings[0]!.line).toBe(2);
  });

  it('reads the TOML that front matter uses', () => {
    expect(parseTomlSubset('a = "x \\"q\\" \\u00e9"\nb = \'lit\\n\'\nc = 3\nd = [1, "two", true]\n"e f" = 1.5\n[[menu]]\nname = "skip"')).toEqual({ a: 'x "q" é', b: 'lit\\n', c: 3, d: [1, 'two', true], 'e f': 1.5 });
    expect(() => parseTomlSubset('just words')).toThrow();
  });
});

describe('every wrapper and tag, in any order, never breaks a note', () => {
  const PIECES = ['!!! note "T"', '??? info', '???+ tip', '=== "FROM"', '=== "Linux"', '    indented', '        deeper', ':::', '::: tip T', '> [!note] T', '> [!WARNING]',
    '<p>x</p>', '<li><code>docker ps</code></li>', '<pre><code>', '</code></pre>', '<h2>H</h2>', '<br>', '&lt;&gt;', '+++', 'title = "x"', '{', '}', ';;;', '"a": 1,',
    '```', 'docker ps -a', '- list:', '`docker rm x`', '# docker', '> quote', ''];
  const note = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 40 }).map((ls) => ls.join('\n'));

  it('keeps the line count, never throws, and yields sane cards', () => {
    fc.assert(
      fc.property(note, (t) => {
        const lines = t.split('\n');
        const n = lines.length;
        unwrapContainers(lines, 0);
        unwrapHtml(lines, 0);
        expect(lines.length).toBe(n);
        expectSane(indexNote(t, 'p.md'), t);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a <placeholder> in running text is kept, not swallowed as an HTML tag', () => {
  it('escapes placeholder words outside code spans and leaves markup and code alone', () => {
    expect(htmlLine('docker rm <container> now')).toBe('docker rm \\<container> now');
    expect(htmlLine('`docker rm <container>` and <b>bold</b>')).toBe('`docker rm <container>` and <b>bold</b>');
    expect(htmlLine('    docker rm <container>')).toBe('    docker rm <container>');
    const r = indexNote('# N\n\n## Remove\n\ndocker rm <container>：删除一个容器\n', 'n.md');
    expect(card(r.cards, 'command', 'docker rm <container>').command).toBe('docker rm <container>');
  });
});
