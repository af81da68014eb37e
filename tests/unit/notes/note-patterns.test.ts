/** How people write notes, one pattern per fixture (our own words), read end to end. */
import { describe, expect, it } from 'vitest';
import { card, expectSane, fixture, indexFixture, keys, words } from './helpers.ts';

function read(name: string) {
  const r = indexFixture(name);
  expectSane(r, fixture(name));
  return r;
}

describe('a command bullet with labelled children', () => {
  const { cards } = read('labelled-bullets.md');
  it('takes its meaning from the "功能：" child, never from a neighbour', () => {
    expect(words(card(cards, 'command', 'docker network ls'))).toMatch(/^列出所有网络/);
    expect(words(card(cards, 'command', 'docker network rm <network>'))).toMatch(/^删除一个网络/);
    expect(words(card(cards, 'command', 'docker network inspect <network>'))).toMatch(/^查看网络的详细配置/);
  });
  it('makes nothing of cross-references', () => {
    expect(cards.map(words).join('\n')).not.toMatch(/第二章/);
    expect(keys(cards, 'concept')).not.toContain('出现章节');
  });
});

describe('bracketed flag legends after a command', () => {
  const { cards } = read('bracket-legends.md');
  it('cuts the legend out of the command, which keeps the comment above as its meaning', () => {
    expect(card(cards, 'command', 'docker volume ls').text.zh?.title).toBe('查看数据卷');
    expect(card(cards, 'command', 'docker save').text.zh?.title).toBe('把镜像打包成文件');
    expect(card(cards, 'command', 'docker load').text.zh?.title).toBe('从文件载入镜像');
  });
  it('gives each legend flag a card owned by that command', () => {
    expect(card(cards, 'flag', 'docker volume ls -q').text.zh?.title).toBe('只列出名称');
    expect(card(cards, 'flag', 'docker volume ls --filter').text.zh?.title).toBe('按条件筛选');
    expect(card(cards, 'flag', 'docker load -i').text.zh?.title).toBe('读取的文件');
  });
});
