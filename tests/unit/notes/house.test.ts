import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexNote, indexNotes } from '../../../src/lib/notes/index.ts';
import { card, fixture, indexFixture, words } from './helpers.ts';

describe('house format', () => {
  const { cards, warnings, meta } = indexFixture('house-format.md');

  it('reads a well-formed file without a single warning, every card in both languages', () => {
    expect(warnings).toEqual([]);
    expect(cards.length).toBe(7);
    for (const c of cards) {
      expect(Object.keys(c.text).sort()).toEqual(['en', 'zh']);
      expect(c.text.zh!.title && c.text.en!.title).toBeTruthy();
    }
  });

  it('takes the deck from front matter and the topic from the # heading', () => {
    expect(meta.deck).toBe('sample-house');
    for (const c of cards) expect(c.deck).toBe('sample-house');
    expect(card(cards, 'command', 'systemctl restart docker').tags[0]).toBe('Service · 服务');
    expect(card(cards, 'command', 'docker rmi').tags).toEqual(expect.arrayContaining(['Containers · 容器', 'fixture', 'docker']));
  });

  it('reads a flag heading with its alias, and the sh block as the command', () => {
    const c = card(cards, 'flag', 'docker run -d');
    expect(c.flag).toBe('-d');
    expect(c.aliases).toEqual(['--detach']);
    expect(c.command).toBe('docker run -d --name cache redis:7');
    expect(c.text.zh).toEqual({ title: '在后台运行容器', body: '容器启动后立刻把终端还给你，用 `docker logs cache` 看输出。' });
    expect(c.source).toEqual({ file: 'notes/house-format.md', line: 10 });
  });

  it('keeps a value after the flag in the key, and - tags: items', () => {
    const c = card(cards, 'flag', 'docker run --restart on-failure');
    expect(c.flag).toBe('--restart');
    expect(c.tags).toEqual(expect.arrayContaining(['restart', 'policy']));
  });

  it('joins continuation lines into one example', () => {
    const c = card(cards, 'command', 'docker rmi');
    expect(c.command).toBe('docker rmi old-image:1.0');
    expect(c.examples).toEqual(['docker rmi first:1 second:2']);
  });

  it('takes a backticked heading literally', () => {
    expect(card(cards, 'command', 'docker rm -f $(docker ps -aq)').command).toBe('docker rm -f $(docker ps -aq)');
  });

  it('reads a compare card: items from the heading, sides from the table by language', () => {
    const c = card(cards, 'compare', 'docker stop | docker kill');
    expect(c.items).toEqual(['docker stop', 'docker kill']);
    expect(c.sides).toEqual({
      zh: ['先发 SIGTERM，等待后再 SIGKILL', '立即发 SIGKILL'],
      en: ['SIGTERM first, SIGKILL after a grace period', 'SIGKILL right away'],
    });
    expect(c.examples).toEqual(['docker stop cache', 'docker kill cache']);
  });

  it('keeps sudo in the command but not in the key; anything else is a concept', () => {
    expect(card(cards, 'command', 'systemctl restart docker').command).toBe('sudo systemctl restart docker');
    expect(card(cards, 'concept', 'copy-on-write').text.en!.title).toBe('Copy-on-write');
  });

  it('matches compare columns to items case-exactly, whatever their order in the table', () => {
    const note = [
      '# Tar · 打包', '', '## tar -x vs tar -X', '',
      '| | tar -X | tar -x |', '|---|---|---|',
      '| zh | 从文件读取排除列表 | 解包 |', '| en | Reads patterns to exclude from a file | Extracts an archive |', '',
      '- zh: -x 与 -X', '  大小写不同，意思不同。', '- en: -x vs -X', '  Case tells them apart.',
    ].join('\n');
    const { cards: read } = indexNote(note, 'tar.md');
    expect(card(read, 'compare', 'tar -x | tar -X').sides).toEqual({
      zh: ['解包', '从文件读取排除列表'],
      en: ['Extracts an archive', 'Reads patterns to exclude from a file'],
    });
  });
});

describe('house format mistakes', () => {
  it('warns about each broken rule and still yields the cards', () => {
    const { cards, warnings } = indexFixture('house-mistakes.md');
    const messages = warnings.map((w) => `${w.line}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^7: card "docker pull" has no "- en:" text/),
        expect.stringMatching(/^16: compare table .* has no "zh" row/),
        expect.stringMatching(/^27: section "没有语言条目的小节" has no "- zh:" \/ "- en:" items/),
      ]),
    );
    expect(card(cards, 'command', 'docker pull').text.zh!.title).toBe('拉取镜像');
    expect(card(cards, 'command', 'docker image prune')).toBeTruthy();
  });

  it('takes the title from the next line when "- zh:" has nothing after the colon, and says so', () => {
    const note = ['# 存储', '', '## copy-on-write', '- zh:', '', '  改文件前先复制到可写层。', '  镜像本身不变。', '- en: Copy-on-write', '', '## overlay2', '- zh:', '- en: The default storage driver', ''].join('\n');
    const { cards, warnings } = indexNote(note, 'storage.md');
    expect(card(cards, 'concept', 'copy-on-write').text.zh).toEqual({ title: '改文件前先复制到可写层。', body: '镜像本身不变。' });
    expect(card(cards, 'concept', 'overlay2').text.zh).toBeUndefined();
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(
      expect.arrayContaining([
        '4: "- zh:" item in card "copy-on-write" has no title line: its next line is used as the title',
        '11: "- zh:" item in card "overlay2" has no title line: ignored',
      ]),
    );
  });

  it('merges the same key from two files into one card, keeping both explanations, and says so', () => {
    const r = indexNotes([
      { text: fixture('house-format.md'), file: 'a.md' },
      { text: fixture('house-mistakes.md'), file: 'b.md' },
    ]);
    const rmi = r.cards.filter((c) => c.key === 'docker rmi');
    expect(rmi).toHaveLength(1);
    expect(words(rmi[0]!)).toContain('先删容器');
    expect(words(rmi[0]!)).toContain('镜像名和 ID 都可以');
    expect(rmi[0]!.source.file).toBe('a.md');
    expect(r.warnings.some((w) => w.file === 'b.md' && /already defined at a\.md:33/.test(w.message))).toBe(true);
  });
});

describe('bundled content (content/*.md)', () => {
  const dir = fileURLToPath(new URL('../../../content/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it.skipIf(!files.length)('parses with zero warnings and every card in both languages', () => {
    for (const f of files) {
      const { cards, warnings } = indexNote(readFileSync(`${dir}${f}`, 'utf8'), `content/${f}`);
      expect(warnings, f).toEqual([]);
      expect(cards.length, f).toBeGreaterThan(0);
      for (const c of cards) {
        expect(c.deck, `${f} ${c.key}`).toBe('docker');
        expect(Object.keys(c.text).sort(), `${f} ${c.key}`).toEqual(['en', 'zh']);
      }
    }
  });
});
