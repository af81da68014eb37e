import { describe, expect, it } from 'vitest';
import { deckSlug, indexNote } from '../../../src/lib/notes/index.ts';
import { card, indexFixture, keys, words } from './helpers.ts';

describe('Hexo note with shell comments', () => {
  const { cards, warnings, meta } = indexFixture('hexo-shell-comments.md');
  const title = (key: string) => card(cards, 'command', key).text.zh?.title;

  it('reads front matter: title, deck from the title, tags without nulls', () => {
    expect(warnings).toEqual([]);
    expect(meta).toMatchObject({ title: '我的 Docker 速查', deck: deckSlug('我的 Docker 速查'), lang: 'zh' });
    expect(card(cards, 'command', 'docker ps').tags).toContain('docker');
    expect(cards.every((c) => !c.tags.includes('null'))).toBe(true);
  });

  it('explains every command under a comment with that comment, and "# or" with the one before', () => {
    expect(title('docker ps')).toBe('查看正在运行的容器');
    expect(title('docker ps -a')).toBe('查看全部容器，包括已经退出的');
    expect(title('docker container ls -a')).toBe('查看全部容器，包括已经退出的');
    expect(title('docker exec -it web /bin/bash')).toBe('进入容器里的 shell');
  });

  it('reads trailing # and // comments as the explanation and keeps them out of the command', () => {
    expect(title('docker logs --tail 50 web')).toBe('只看最后 50 行日志');
    expect(card(cards, 'command', 'docker restart web').command).toBe('docker restart web');
    expect(title('docker restart web')).toBe('重启容器');
  });

  it('tags commands with the group a divider comment names', () => {
    expect(card(cards, 'command', 'docker logs -f api').tags).toEqual(expect.arrayContaining(['分组的命令', '日志']));
    expect(card(cards, 'command', 'docker container prune -f').tags).toContain('清理');
  });

  it('strips $, # and [root@host]# prompts and skips the output printed after them', () => {
    expect(keys(cards)).toEqual(expect.arrayContaining(['docker volume create appdata', 'docker volume ls', "docker info --format '{{.ServerVersion}}'", 'systemctl status docker']));
    for (const junk of ['appdata', 'local appdata', '24.0.7']) expect(keys(cards)).not.toContain(junk);
    expect(cards.some((c) => /DRIVER|docker\.service -/.test(c.key))).toBe(false);
  });

  it('joins continuation lines, dropping a commented-out line inside them', () => {
    const c = card(cards, 'command', 'docker run -d --name blog --mount type=bind,source="$(pwd)",target=/srv -p 4000:4000 jekyll/jekyll:4 jekyll serve');
    expect(c.source.line).toBe(66);
    expect(c.text.zh?.title).toBe('下面这条命令把当前目录挂进容器并映射端口');
  });

  it('tags each card with its program', () => {
    expect(card(cards, 'command', 'systemctl status docker').tags).toContain('systemctl');
    expect(card(cards, 'command', 'docker ps').tags).toContain('docker');
  });
});

describe('Jekyll note with Liquid tags and quoted commands', () => {
  const { cards, warnings } = indexFixture('jekyll-liquid.md');

  it('reads {% highlight %} blocks and ignores the {:toc} marker', () => {
    expect(warnings).toEqual([]);
    expect(keys(cards, 'command')).toEqual(expect.arrayContaining(['yum install -y yum-utils', 'systemctl enable --now docker']));
    expect(keys(cards).some((k) => /yum-config-manager --add-repo/.test(k))).toBe(true);
    expect(keys(cards).some((k) => /content|toc/i.test(k))).toBe(false);
  });

  it('pairs an action bullet with the quoted command under it', () => {
    expect(card(cards, 'command', 'docker pull nginx:1.25').text.zh?.title).toBe('拉取镜像');
    expect(card(cards, 'command', 'docker logs --tail 20 web').text.zh?.title).toBe('查看日志');
  });

  it('reads "-d:…", "--name：…" and "-p : …" as flags of the command above', () => {
    const d = card(cards, 'flag', 'docker run -d');
    expect(d.flag).toBe('-d');
    expect(d.text.zh?.title).toBe('让容器在后台运行');
    expect(d.command).toBe('docker run -d --name web -p 8080:80 nginx:1.25');
    expect(card(cards, 'flag', 'docker run --name').text.zh?.title).toBe('给容器起一个名字');
    expect(card(cards, 'flag', 'docker run -p').text.zh?.title).toBe('把宿主机端口映射到容器端口');
  });

  it('repairs typographic dashes and quotes in commands', () => {
    expect(keys(cards)).toContain('docker run -d --restart=always --name db mysql:8');
    expect(keys(cards)).toContain('docker exec web sh -c "echo hello"');
    expect(cards.some((c) => /[–—“”]/.test(c.command ?? ''))).toBe(false);
  });

  it('drops {% raw %} and explains a command by the sentence after it', () => {
    expect(card(cards, 'command', "docker inspect -f '{{.State.Pid}}' web").text.zh?.title).toBe('找到容器主进程的 PID');
  });
});

describe('VuePress note with <details> blocks', () => {
  const { cards, meta } = indexFixture('vuepress-details.md');

  it('reads the code inside <details> and titles it with the <summary>', () => {
    expect(meta.lang).toBe('en');
    expect(card(cards, 'command', 'docker compose up -d').text.en?.title).toBe('Bring the stack up in the background');
    expect(card(cards, 'command', 'docker compose down -v').text.en?.title).toBe('Stop and remove everything, volumes included');
  });

  it('tells docker compose from docker-compose by tag, and ignores [[toc]]/[TOC]', () => {
    expect(card(cards, 'command', 'docker compose up -d').tags).toContain('docker compose');
    expect(card(cards, 'command', 'docker-compose -f prod.yml up -d').tags).toContain('docker-compose');
    expect(keys(cards).some((k) => /toc/i.test(k))).toBe(false);
  });
});

describe('flag lists in every style', () => {
  const { cards } = indexFixture('flag-lists.md');

  it('reads a list of flags under a lead-in naming the command', () => {
    expect(card(cards, 'flag', 'docker run -d').text.zh?.title).toBe('后台运行容器');
    expect(card(cards, 'flag', 'docker run -e').text.zh?.title).toBe('设置环境变量');
    expect(card(cards, 'flag', 'docker run -i').aliases).toEqual(['--interactive']);
    expect(keys(cards, 'command')).not.toContain('docker run');
  });

  it('keeps case: -p and -P are two cards with two ids and their own examples', () => {
    const p = card(cards, 'flag', 'docker run -p');
    const P = card(cards, 'flag', 'docker run -P');
    expect([p.flag, P.flag]).toEqual(['-p', '-P']);
    expect(p.id).not.toBe(P.id);
    expect(P.command).toBe('docker run -d -P nginx');
    expect(p.command).toBe('docker run -d -p 8080:80 -e MODE=prod nginx');
  });

  it('reads flag tables, taking the command from the heading above', () => {
    expect(card(cards, 'flag', 'docker run --rm').text.zh?.title).toBe('容器退出后自动删除');
    expect(card(cards, 'flag', 'docker run -w')).toBeTruthy();
  });

  it('reads English flag lists with aliases', () => {
    const t = card(cards, 'flag', 'docker build -t');
    expect(t.aliases).toEqual(['--tag']);
    expect(t.text.en?.title).toBe('name and optionally tag the image');
    expect(card(cards, 'flag', 'docker build --no-cache').command).toBe('docker build -t shop:2.1 --no-cache .');
  });
});

describe('comparisons', () => {
  const { cards } = indexFixture('comparisons.md');

  it('reads "A和B的区别" with what the note says of each side', () => {
    const c = card(cards, 'compare', 'save | export');
    expect(c.items).toEqual(['save', 'export']);
    expect(c.sides?.zh?.[0]).toContain('保留全部分层和历史');
    expect(c.sides?.zh?.[1]).toContain('只有一层');
  });

  it('reads "A 与 B 的比较" and "A vs B"', () => {
    expect(card(cards, 'compare', 'CMD | ENTRYPOINT').sides?.zh).toEqual(['CMD 提供默认参数，运行时很容易被覆盖', 'ENTRYPOINT 固定要执行的程序']);
    const en = card(cards, 'compare', 'COPY | ADD');
    expect(en.sides?.en?.[1]).toMatch(/fetch URLs/);
  });

  it('reads "选择 -v 还是 --mount" with a typographic dash, and a bold "A与B对比"', () => {
    const c = card(cards, 'compare', '-v | --mount');
    expect(c.sides?.zh?.[0]).toContain('写法简短');
    expect(c.sides?.zh?.[1]).toContain('键值对更清楚');
    expect(card(cards, 'compare', '虚拟机 | 容器').sides?.zh?.[1]).toContain('共享宿主机内核');
  });

  it('reads a comparison table with an item per column', () => {
    const c = card(cards, 'compare', 'volume | bind mount | tmpfs');
    expect(c.items).toHaveLength(3);
    expect(c.sides?.zh?.[2]).toContain('内存');
  });
});

describe('definitions and concepts', () => {
  const { cards } = indexFixture('definitions.md');

  it('reads "FROM - 基础镜像信息" and "WORKDIR：设置工作目录" headings', () => {
    expect(card(cards, 'concept', 'FROM').text.zh).toMatchObject({ title: '基础镜像信息' });
    expect(words(card(cards, 'concept', 'FROM'))).toContain('指定在哪个镜像之上构建');
    expect(card(cards, 'concept', 'WORKDIR').text.zh?.title).toBe('设置工作目录');
  });

  it('reads question headings in both languages', () => {
    expect(words(card(cards, 'concept', '构建上下文'))).toContain('发送给守护进程');
    expect(card(cards, 'concept', '为什么镜像要分层')).toBeTruthy();
    expect(card(cards, 'concept', 'dangling image').text.en?.body).toMatch(/no name and no tag/);
  });

  it('reads **term**: meaning, "TERM：meaning" lists and two-column tables', () => {
    expect(card(cards, 'concept', 'layer').text.zh?.title).toBe('镜像的一层，只读');
    expect(card(cards, 'concept', 'registry').text.zh?.title).toBe('存放和分发镜像的服务');
    expect(card(cards, 'concept', 'PID').text.zh?.title).toBe('隔离进程号');
    expect(card(cards, 'concept', 'digest').text.zh?.title).toBe('镜像内容的哈希');
  });
});

describe('pages copied out of rendered blogs', () => {
  const { cards } = indexFixture('blog-copy.md');

  it('makes no cards from images and link lists', () => {
    expect(cards.every((c) => c.kind === 'command')).toBe(true);
    expect(cards.some((c) => /https?:|\]\(/.test(c.key))).toBe(false);
  });

  it('strips line numbers and table pipes from copied code', () => {
    expect(card(cards, 'command', 'docker pull redis:7').text.zh?.title).toBe('拉取并启动 Redis');
    expect(keys(cards)).toContain('docker run -d --name cache -p 6379:6379 redis:7');
  });

  it('fixes dashes and quotes, in commands and in their explanation', () => {
    expect(card(cards, 'command', 'docker update --restart=always cache').text.zh?.title).toContain('--restart=always');
    expect(keys(cards)).toContain('docker run -d --name "web-1" -e TZ="Asia/Shanghai" nginx');
  });

  it('splits a page flattened onto one line into its commands, each with its own words', () => {
    const expected: [string, string][] = [
      ['docker images', '查看本机镜像'],
      ['docker image prune -f', '删除悬空镜像'],
      ['docker exec -it cache redis-cli', '进入容器'],
      ['docker stop cache', '先停止再删除容器'],
      ['docker rm cache', '先停止再删除容器'],
      ['docker stats --no-stream', '查看资源占用'],
    ];
    for (const [key, title] of expected) expect(card(cards, 'command', key).text.zh?.title).toBe(title);
  });
});

describe('commands of every program', () => {
  const { cards, meta } = indexFixture('other-programs.md');

  it('makes cards for yum, systemctl, curl, chmod, compose and kubectl lines, tagged by program', () => {
    expect(meta.lang).toBe('en');
    const tagOf = (key: string) => card(cards, 'command', key).tags;
    expect(tagOf('yum install -y docker-ce docker-ce-cli containerd.io')).toContain('yum');
    expect(tagOf('systemctl enable --now docker')).toContain('systemctl');
    expect(tagOf('chmod +x /usr/local/bin/docker-compose')).toContain('chmod');
    expect(tagOf('docker-compose version')).toContain('docker-compose');
    expect(tagOf('docker compose version')).toContain('docker compose');
    expect(card(cards, 'command', 'kubectl get pods -A').text.en?.title).toBe('every namespace');
    expect(card(cards, 'command', 'usermod -aG docker $USER').command).toBe('sudo usermod -aG docker $USER');
  });
});

describe('languages', () => {
  it('keys text by the language it is written in, both when a note mixes them', () => {
    const { cards } = indexFixture('mixed-language.md');
    const df = card(cards, 'command', 'docker system df');
    expect(df.text.zh?.title).toBe('查看 Docker 占用的磁盘空间');
    expect(df.text.en?.title).toBe('show how much disk Docker uses');
    expect(Object.keys(card(cards, 'command', 'docker system prune').text)).toEqual(['en']);
    expect(Object.keys(card(cards, 'command', 'docker builder prune -f').text)).toEqual(['zh']);
  });
});

describe('lead-in paragraphs', () => {
  const { cards } = indexFixture('lead-ins.md');
  const title = (key: string) => Object.values(card(cards, 'command', key).text)[0]?.title;

  it('a statement of fact is not a lead-in: it describes the section, the command takes the heading', () => {
    expect(title('docker network create -d overlay --attachable appnet')).toBe('覆盖网络');
    expect(words(card(cards, 'concept', '覆盖网络'))).toContain('Swarm 服务之间通信的基础');
  });

  it('a lead-in introduces the commands typed at its prompt, not those typed later inside the container', () => {
    const lead = '加上 ro 以后容器里只能读，下面在容器里试着写文件';
    expect(title('docker run --rm -it -v /srv/conf:/conf:ro alpine sh')).toBe(lead);
    expect(title('touch /conf/x')).not.toBe(lead);
  });

  it('a "PS:" line right before a command leads into it', () => {
    expect(title('mkdir -p /etc/docker')).toBe('国内拉取镜像很慢时，可以先换一个镜像源');
  });

  it('a short label and the line after it explain the command together', () => {
    const c = card(cards, 'command', 'docker run -e TZ=Asia/Shanghai alpine date');
    expect(c.text.zh).toEqual({ title: '设置时区', body: '容器默认是 UTC，和宿主机不一致；' });
  });
});

describe('more shapes', () => {
  it('pairs a bullet with the indented command under it', () => {
    const { cards } = indexFixture('lead-ins.md');
    expect(card(cards, 'command', 'docker port web').text.zh?.title).toBe('查看容器的端口映射');
    expect(card(cards, 'command', 'docker cp ./app.conf web:/etc/app.conf').text.zh?.title).toBe('复制文件到容器');
  });

  it('points a command in an indented or <pre> block at its own line (there is no fence line before it)', () => {
    const note = ['# 笔记', '', '查看容器：', '', '    docker ps -a', '    docker images', '', '<pre>', 'docker logs -f web', '</pre>', '', '<pre>docker stats</pre>', ''].join('\n');
    const { cards } = indexNote(note, 'lines.md');
    const line = (key: string) => card(cards, 'command', key).source.line;
    expect([line('docker ps -a'), line('docker images'), line('docker logs -f web'), line('docker stats')]).toEqual([5, 6, 9, 12]);
  });

  it('reads Hexo front matter without the opening ---, and a heading line that is a whole flattened page', () => {
    const { cards, meta, warnings } = indexFixture('hexo-loose-front-matter.md');
    expect(warnings).toEqual([]);
    expect(meta.title).toBe('没有开头横线的 Front Matter');
    const history = card(cards, 'command', 'docker history nginx:1.25');
    expect(history.tags).toEqual(expect.arrayContaining(['hexo', '速查']));
    expect(history.text.zh?.title).toBe('查看镜像的分层');
    expect(words(history)).toContain('查看镜像分层');
    expect(card(cards, 'command', 'docker pull nginx:1.25').text.zh?.title).toBe('拉取镜像');
    expect(card(cards, 'command', 'docker ps -a').text.zh?.title).toBe('查看全部容器');
  });
});

describe('the note language', () => {
  it('counts a Chinese character for about three English letters', () => {
    const text = ['# 安装', '', 'Run the installer and follow its prompts.', '', '## 启动服务', '', '启动服务并设为开机自启，再检查状态。', ''].join('\n');
    expect(indexNote(text, 'n.md').meta.lang).toBe('zh');
    expect(indexNote('# Setup\n\nRun the installer and follow the prompts.\n', 'n.md').meta.lang).toBe('en');
  });
});
