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

describe('a plain-text note with root prompts, dividers and dash definitions', () => {
  const { cards } = read('plain-text-prompts.md');
  it('reads "# docker …" lines as commands with their trailing comments, not as headings', () => {
    expect(card(cards, 'command', 'docker network prune').text.en?.title).toBe('Remove unused networks');
    expect(card(cards, 'command', 'docker builder prune').text.en?.title).toBe('Remove build cache');
  });
  it('cuts "— meaning" off a command, and its example takes that meaning', () => {
    expect(card(cards, 'command', 'docker pause').text.en?.title).toBe('Suspends all processes in a container.');
    expect(card(cards, 'command', 'docker pause web').text.en?.title).toBe('Suspends all processes in a container.');
  });
  it('reads a command typed after "with #" inside a sentence, with the sentence as its meaning', () => {
    expect(words(card(cards, 'command', 'docker stop $(docker ps -q)'))).toMatch(/stop all running containers/);
  });
  it('does not turn text above a long divider into a heading', () => {
    expect(keys(cards, 'concept')).toEqual([]);
  });
});

describe('pasted --help output', () => {
  const { cards } = read('pasted-help.md');
  it('reads "####Title" without a space as a heading that titles the command under it', () => {
    expect(card(cards, 'command', 'docker volume ls').text.en?.title).toBe('List volumes');
  });
  it('gives every option a flag card owned by the command of its Usage line', () => {
    expect(card(cards, 'flag', 'docker volume create -d').aliases).toEqual(['--driver']);
    expect(card(cards, 'flag', 'docker volume create --label').text.en?.title).toMatch(/^Set metadata for a volume/);
    expect(card(cards, 'flag', 'docker volume ls -f').text.en?.title).toMatch(/^Provide filter values \(e\.g\. 'dangling=true'\)/);
    expect(card(cards, 'flag', 'docker volume ls -q').text.en?.title).toMatch(/^Only display volume names/);
  });
});

describe('flags and meanings written every way', () => {
  const { cards } = read('flag-forms.md');
  it('reads a meaning written before its command ("启动服务：`cmd`")', () => {
    expect(card(cards, 'command', 'systemctl restart docker').text.zh?.title).toBe('重启docker服务');
    expect(card(cards, 'command', 'systemctl status docker').text.zh?.title).toBe('查看docker服务状态');
  });
  it('reads "options: -P（…）" as a flag of the command above, not as a term "options"', () => {
    expect(card(cards, 'flag', 'docker run -P').text.zh?.title).toBe('随机映射端口');
    expect(card(cards, 'flag', 'docker run --name').text.zh?.title).toBe('给容器起个名字');
    expect(keys(cards, 'concept')).not.toContain('options');
  });
  it('keeps a command line that states a flag as a command with its meaning, and as a flag card', () => {
    expect(card(cards, 'command', 'docker volume ls -q').text.zh?.title).toBe('只列出数据卷名称');
    expect(card(cards, 'flag', 'docker volume ls -q').text.zh?.title).toBe('只列出数据卷名称');
  });
  it('reads "-e表示…" prose flags and full-width dashes', () => {
    expect(cards.find((c) => c.kind === 'flag' && c.flag === '-e')?.text.zh?.title).toMatch(/^设置环境变量/);
    expect(cards.find((c) => c.kind === 'flag' && c.flag === '-d')?.text.zh?.title).toBe('后台运行');
  });
  it('keeps placeholders written in Chinese inside the command', () => {
    expect(card(cards, 'command', 'docker commit 容器id 镜像名称：版本号').text.zh?.title).toBe('把容器保存为镜像');
  });
});

describe('comparisons named side by side, and flag tables with a usage column', () => {
  const { cards } = read('compare-and-tables.md');
  it('reads "A 和 B" / "A & B" headings naming two instructions or flags as comparisons', () => {
    const items = cards.filter((c) => c.kind === 'compare').map((c) => c.items);
    expect(items).toEqual([['ARG', 'ENV'], ['EXPOSE', '-p'], ['CMD', 'ENTRYPOINT']]);
  });
  it('keeps the usage column as the flag card’s example', () => {
    const w = card(cards, 'flag', 'docker run -w');
    expect(w.command).toBe('docker run -w /app node');
    expect(w.text.en?.title).toBe('Working directory inside the container');
  });
  it('reads flag lines inside a code block as flags of the command its Usage line names', () => {
    expect(card(cards, 'flag', 'docker image ls -a').text.zh?.title).toBe('显示全部镜像');
    expect(card(cards, 'flag', 'docker image ls -q').text.zh?.title).toBe('只显示镜像ID');
  });
});

describe('flags explained in running text', () => {
  const { cards } = read('flag-forms.md');
  it('gives a flag named as an option in a sentence its meaning, owned by the command just shown', () => {
    expect(card(cards, 'flag', 'docker build -t').text.zh?.title).toBe('给新镜像起名字');
    expect(card(cards, 'flag', 'docker build -f').text.zh?.title).toBe('单独指定 Dockerfile 的路径');
  });
  it('makes no card when no command is named for it', () => {
    expect(cards.filter((c) => c.kind === 'flag' && c.flag === '-v')).toEqual([]);
  });
});

describe('a comment under a command about one of its flags', () => {
  const { cards } = read('flag-forms.md');
  it('explains that flag of that command, not the next command', () => {
    expect(card(cards, 'flag', 'docker push --quiet').text.zh?.title).toBe('用来隐藏推送进度');
  });
});
