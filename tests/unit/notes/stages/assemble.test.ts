/** Stage 4: a section's cards assembled (section-cards.ts) and cards merged across a note (entry.ts). */
import { describe, expect, it } from 'vitest';
import { indexNote, indexNotes } from '../../../../src/lib/notes/index.ts';
import { card, keys } from '../helpers.ts';

const cards = (md: string) => indexNote(md, 'stage4.md').cards;

describe('stage 4: cards from what a section says', () => {
  it('a question heading over prose is a concept, titled by the question', () => {
    const c = card(cards('## 数据卷是什么？\n\n数据卷是一块绕过联合文件系统的目录，容器删掉以后它还在。\n'), 'concept', '数据卷');
    expect(c.text.zh).toEqual({ title: '数据卷是什么？', body: '数据卷是一块绕过联合文件系统的目录，容器删掉以后它还在。' });
  });

  it('"A 和 B 的区别" is a comparison whose sides are what the text says of each', () => {
    const c = card(cards('## COPY 和 ADD 的区别\n\nCOPY 只复制本地文件；ADD 还会解压压缩包并能下载网址。\n'), 'compare', 'COPY | ADD');
    expect(c.items).toEqual(['COPY', 'ADD']);
    expect(c.sides?.zh).toEqual(['COPY 只复制本地文件', 'ADD 还会解压压缩包并能下载网址']);
  });

  it('a heading that is a command makes its card, explained by the prose, with the commands under it as examples', () => {
    const all = cards('## docker top\n\n查看容器里正在运行的进程。\n\n```\ndocker top web\ndocker top web -o pid\n```\n');
    const c = card(all, 'command', 'docker top');
    expect(c.text.zh?.title).toBe('查看容器里正在运行的进程');
    expect(c.examples).toEqual(['docker top web', 'docker top web -o pid']);
  });

  it('a generic heading over prose makes no concept', () => {
    expect(keys(cards('## 总结\n\n这一章讲了很多东西，下次接着讲网络和存储。\n'), 'concept')).toEqual([]);
  });

  it('the same command in two notes is one card that keeps both explanations', () => {
    const r = indexNotes(
      [
        { text: '## a\n\n```sh\n# 列出容器\ndocker ps\n```\n', file: 'a.md' },
        { text: '## b\n\n```sh\n# 只看正在运行的\ndocker ps\n```\n', file: 'b.md' },
      ],
      { deck: 'd' },
    );
    const c = card(r.cards, 'command', 'docker ps');
    expect(c.text.zh).toEqual({ title: '列出容器', body: '只看正在运行的' });
    expect(c.source).toEqual({ file: 'a.md', line: 5 });
  });
});
