import { describe, expect, it } from 'vitest';
import { indexNote, type IndexResult } from '../../../src/lib/notes/index.ts';
import { expectSane, fixture } from './helpers.ts';

function run(text: string, file = 'note.md'): IndexResult {
  const r = indexNote(text, file);
  expectSane(r, text);
  return r;
}

describe('inputs that are not notes', () => {
  it('says an empty or blank file is empty', () => {
    for (const t of ['', '\n\n', '   \t  ', '\ufeff\r\n']) {
      const r = run(t, 'blank.md');
      expect(r.cards).toEqual([]);
      expect(r.warnings).toEqual([{ file: 'blank.md', line: 1, message: 'empty note: nothing to index' }]);
    }
    // front matter and nothing else is a note without cards, not an empty file
    expect(run('---\ntitle: x\n---\n').warnings).toEqual([]);
  });

  it('refuses binary data with a warning that says so', () => {
    const r = run('PK\u0003\u0004\u0000\u0000docker ps\u0000\u0001\u0002', 'archive.md');
    expect(r.cards).toEqual([]);
    expect(r.warnings).toEqual([{ file: 'archive.md', line: 1, message: expect.stringMatching(/binary.*NUL.*skipped/) }]);
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 31 === 9 ? 1 : (i % 30) + 1)).join('');
    expect(run(junk).warnings[0]?.message).toMatch(/not text/);
  });
});

describe('broken Markdown', () => {
  it('warns about invalid front matter and still reads the note', () => {
    const text = '---\ntitle: [unclosed\ndeck: x\n---\n\n# 笔记\n\n```sh\n# 查看容器\ndocker ps\n```\n';
    const r = run(text);
    expect(r.warnings).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/invalid front matter.*ignored/) })]);
    expect(r.cards.map((c) => c.key)).toEqual(['docker ps']);
  });

  it('warns about front matter that is never closed', () => {
    const r = run('---\ntitle: x\n\n## 标题\n\n`docker ps -a` 查看全部容器\n');
    expect(r.warnings.some((w) => /never closed/.test(w.message))).toBe(true);
    expect(r.cards.map((c) => c.key)).toContain('docker ps -a');
  });

  it('warns about an unclosed fence and keeps the commands inside it', () => {
    const r = run('# 命令\n\n```sh\n# 列出镜像\ndocker images\n\n## 下一节\n\ndocker ps\n');
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/never closed/) })]);
    expect(r.cards.map((c) => c.key)).toEqual(['docker images', 'docker ps']);
  });

  it('survives 10,000 nested quotes, list markers and indented lists', { timeout: 60_000 }, () => {
    run('>'.repeat(10_000) + ' docker ps\n');
    run('- '.repeat(10_000) + 'docker ps\n');
    run('1. '.repeat(10_000) + 'x\n');
    let stairs = '';
    for (let i = 0; i < 2_500; i++) stairs += `${' '.repeat(i * 2)}- 第 ${i} 层 \`docker ps\`\n`;
    const r = run(stairs);
    expect(r.warnings.some((w) => /nesting deeper/.test(w.message))).toBe(true);
    run('['.repeat(10_000) + '\n' + '*a '.repeat(10_000) + '\n' + '<details>'.repeat(5_000));
  });

  it('reads a 10,000-line code block', { timeout: 60_000 }, () => {
    let code = '```sh\n';
    for (let i = 0; i < 10_000; i++) code += `docker run -d --name c${i} nginx\n`;
    const r = run(`${code}\`\`\`\n`);
    expect(r.cards).toHaveLength(10_000);
    expect(r.cards[9_999]!.source.line).toBe(10_001);
  });

  it('reads a page flattened onto one very long line, and cuts lines past the limit', { timeout: 60_000 }, () => {
    const r = run('运行容器 docker run -d nginx 查看日志 docker logs -f web '.repeat(40_000));
    expect(r.cards.map((c) => c.key)).toEqual(['docker run -d nginx', 'docker logs -f web']);
    expect(r.warnings.some((w) => /line longer than/.test(w.message))).toBe(true);
  });
});

describe('a 5 MB note', () => {
  it('is read to the end without error', { timeout: 600_000 }, () => {
    const base = [fixture('hexo-shell-comments.md'), fixture('jekyll-liquid.md'), fixture('flag-lists.md'), fixture('comparisons.md')].join('\n\n');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const part = `\n\n## 第 ${i} 部分\n\n${base.replace(/\bweb\b/g, `web${i}`)}`;
      parts.push(part);
      size += part.length;
    }
    const text = parts.join('');
    const r = run(text, 'big.md');
    expect(r.warnings).toEqual([]);
    expect(r.cards.some((c) => c.key === 'docker logs --tail 50 web0')).toBe(true);
    expect(r.cards.some((c) => c.key === `docker logs --tail 50 web${parts.length - 1}`)).toBe(true);
  });
});

describe('a key explained many times over', () => {
  it('keeps every explanation that fits and ends a full body with one "…", not a growing row of them', () => {
    const text = Array.from({ length: 400 }, (_, i) => `- \`-d\`: 后台运行容器，第 ${i} 种说法${'，真的'.repeat(i % 13)}`).join('\n');
    const r = run(`\`docker run\` 的参数：\n\n${text}\n`);
    const d = r.cards.find((c) => c.kind === 'flag' && c.flag === '-d');
    const body = d?.text.zh?.body ?? '';
    expect(body).toContain('第 1 种说法');
    expect(body.length).toBeGreaterThan(1000);
    expect(body).toMatch(/[^…]…$/);
  });
});

describe('comparisons whose items repeat', () => {
  it('refuses a comparison of a thing with itself, with a warning, and keeps the other cards', () => {
    const text = '# 笔记\n\n## docker ps vs docker ps\n\ndocker ps 列出容器。\n\n| | docker ps | docker ps |\n| --- | --- | --- |\n| 作用 | 列出容器 | 列出容器 |\n\n```sh\n# 列出容器\ndocker ps\n```\n';
    const r = run(text);
    expect(r.cards.filter((c) => c.kind === 'compare')).toEqual([]);
    expect(r.cards.map((c) => c.key)).toContain('docker ps');
    expect(r.warnings.map((w) => w.message)).toContain('comparison "docker ps vs docker ps" compares "docker ps" with itself: skipped');
  });

  it('merges a repeated item of a longer comparison, keeping what each side says', () => {
    const text = '# 笔记\n\n| 对比 | -p | -P | -p |\n| --- | --- | --- | --- |\n| 端口 | 指定端口 | 随机端口 | 手动 |\n';
    const r = run(text);
    const cmp = r.cards.filter((c) => c.kind === 'compare');
    expect(cmp.map((c) => c.items)).toEqual([['-p', '-P']]);
    expect(Object.values(cmp[0]!.sides ?? {})[0]).toEqual(['端口: 指定端口 端口: 手动', '端口: 随机端口']);
    expect(r.warnings.some((w) => /names the same item twice: repeats merged/.test(w.message))).toBe(true);
  });
});
