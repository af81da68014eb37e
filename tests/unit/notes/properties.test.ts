import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexNote } from '../../../src/lib/notes/index.ts';
import { expectSane, fixture } from './helpers.ts';

/** Lines a note is made of: Markdown, shell, blog-engine syntax and debris, to be shuffled at random. */
const PIECES = [
  '# 标题', '## docker run -p, --publish', '### 小节', '#### What is a volume?', '## save和export的区别', '## A vs B',
  '```sh', '```', '~~~', '```yaml', '{% highlight shell %}', '{% endhighlight %}', '{% raw %}', '[TOC]', '{:toc}', '* content',
  '<details>', '<summary>展开</summary>', '</details>', '---', 'title: x', 'deck: d', '- zh: 标题', '- en: Title', '  正文', '- tags: a, b',
  '# 查看容器', '# ---------- 日志', '# or', 'docker ps -a', '$ docker images', 'CONTAINER ID   IMAGE', '[root@h ~]# systemctl restart docker',
  'docker run -d \\', '  --name web \\', '  # -v a:/b \\', '  nginx', 'cat > a <<EOF', 'EOF', 'docker logs -f web  # 跟踪日志',
  '- `-d`: 后台运行', '-p : 端口映射', '--name：名字', '| 参数 | 说明 |', '|---|---|', '| `--rm` | 退出即删 |', '| | a | b |', '| zh | 甲 | 乙 |',
  '**term**: meaning', '- MNT：挂载点', '* 下载镜像', '> docker pull ubuntu:22.04', '> 注意：这是引用', '1 | docker ps |',
  '选择 -v 还是 -–mount 参数：新用户用 --mount', '![图](a.png)', '- [链接](https://x.y)', 'https://example.com',
  'Docker 常用命令 1. 查看镜像 docker images 2. 删除镜像 docker rmi x 3. 查看容器 docker ps -a 4. 停止 docker stopweb docker rm web',
  'docker run -d –restart=always “x”', '', '', '', '    indented code', '>>>> deep', '- - - nested', '1. 步骤', '`docker login`',
];

const markdownish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 60 }).map((ls) => ls.join('\n'));

const FIXTURES = ['house-format.md', 'hexo-shell-comments.md', 'jekyll-liquid.md', 'vuepress-details.md', 'flag-lists.md', 'comparisons.md', 'definitions.md', 'blog-copy.md', 'other-programs.md'];

/** A fixture with random damage: lines dropped, doubled, swapped, cut short or sprinkled with junk. */
const mutated = fc
  .record({
    name: fc.constantFrom(...FIXTURES),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        op: fc.constantFrom('drop', 'dup', 'swap', 'cut', 'junk', 'indent'),
        junk: fc.constantFrom('`', '```', '|', '>', '- ', '#', '\\', '\u0085', '“', '–', '{%', '<details>', '**', '\t'),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ name, edits }) => {
    const lines = fixture(name).split('\n');
    for (const e of edits) {
      const i = e.at % lines.length;
      const line = lines[i]!;
      if (e.op === 'drop') lines.splice(i, 1);
      else if (e.op === 'dup') lines.splice(i, 0, line);
      else if (e.op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
      else if (e.op === 'cut') lines[i] = line.slice(0, Math.floor(line.length / 2));
      else if (e.op === 'junk') lines[i] = `${line.slice(0, e.at % (line.length + 1))}${e.junk}${line.slice(e.at % (line.length + 1))}`;
      else lines[i] = `    ${line}`;
      if (!lines.length) lines.push('');
    }
    return lines.join('\n');
  });

describe('the indexer never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => expectSane(indexNote(t, 'r.md'), t)), { numRuns: 200 });
  });

  it('on random Markdown-like notes', () => {
    fc.assert(fc.property(markdownish, (t) => expectSane(indexNote(t, 'm.md'), t)), { numRuns: 300 });
  });

  it('on damaged copies of the fixtures', () => {
    fc.assert(fc.property(mutated, (t) => expectSane(indexNote(t, 'f.md'), t)), { numRuns: 200 });
  });
});

/** Split a note at its `##` headings: [preamble, ...sections]. */
function sections(text: string): [string, string[]] {
  const parts = text.split(/\n(?=## )/);
  return [parts[0]!, parts.slice(1).map((p) => (p.endsWith('\n') ? p : `${p}\n`))];
}

const idsOf = (text: string) => new Map(indexNote(text, 'same.md').cards.map((c) => [c.id, `${c.kind}:${c.key}`]));

describe('ids stay put', () => {
  for (const name of ['house-format.md', 'hexo-shell-comments.md', 'flag-lists.md', 'comparisons.md', 'definitions.md']) {
    it(`when the sections of ${name} are reordered`, () => {
      const text = fixture(name);
      const [head, secs] = sections(text);
      const before = idsOf(text);
      fc.assert(
        fc.property(fc.shuffledSubarray(secs, { minLength: secs.length, maxLength: secs.length }), (order) => {
          expect(idsOf(`${head}\n${order.join('\n')}`)).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });
  }

  const WORDS = ['另一种说法', '重新写过的解释', 'reworded', 'said differently', '换个角度', 'another way to put it', '同样的意思'];
  const rewording = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

  it('when the explanations of a house-format note are reworded', () => {
    const text = fixture('house-format.md');
    const before = idsOf(text);
    fc.assert(
      fc.property(rewording, rewording, (zh, en) => {
        const changed = text.replace(/^- zh: .*$/gm, `- zh: ${zh}`).replace(/^- en: .*$/gm, `- en: ${en}`).replace(/^  (?!-).+$/gm, `  ${en} ${zh}`);
        expect(changed).not.toBe(text);
        expect(idsOf(changed)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it('when the comments and lead-ins of a free-form note are reworded', () => {
    const text = fixture('hexo-shell-comments.md');
    const before = idsOf(text);
    fc.assert(
      fc.property(rewording, (w) => {
        const changed = text
          .replace(/^# (?![-=]|docker)([^\n]*[\u4e00-\u9fff][^\n]*)$/gm, `# ${w}`)
          .replace(/#\s*[\u4e00-\u9fff][^\n]*$/gm, `# ${w}`)
          .replace(/^下面这条命令.*$/m, `${w}：`);
        expect(changed).not.toBe(text);
        expect(idsOf(changed)).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
