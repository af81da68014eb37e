import { describe, expect, it } from 'vitest';
import { boldHeading } from '../../../src/lib/notes/rules/bold-heading.ts';
import { headingTitleFor, isCategoryHeading, isGenericLead, isKeywordHeading, isNumberedLabel } from '../../../src/lib/notes/rules/generic-heading.ts';
import { cleanHeadingLine } from '../../../src/lib/notes/rules/heading-debris.ts';
import { cutGluedMeaning } from '../../../src/lib/notes/rules/glued-meaning.ts';
import { looksLikeOutput } from '../../../src/lib/notes/rules/output-text.ts';
import { alternativeCommands } from '../../../src/lib/notes/rules/alternatives.ts';
import { card, indexFixture, keys, words } from './helpers.ts';

const title = (c: { text: Record<string, { title: string }> }) => Object.values(c.text)[0]?.title;

describe('a heading titles a command only when it says what that command does', () => {
  const { cards } = indexFixture('generic-headings.md');

  it('gives a command under a category heading no title but its own command', () => {
    for (const k of ['docker info', 'docker compose up -d', 'docker ps --quiet']) expect(title(card(cards, 'command', k))).toBe(k);
  });

  it('keeps a heading that says what the command does, even after a typed bullet', () => {
    expect(title(card(cards, 'command', 'docker rm web'))).toBe('Remove a stopped container');
    expect(title(card(cards, 'command', 'docker tag app registry.local/app:1'))).toBe('tag an image before pushing');
    expect(title(card(cards, 'command', "echo -n > $(docker inspect --format='{{.LogPath}}' web)"))).toBe("Empty a container's log");
  });

  it("does not lend a heading to a demo's scaffolding", () => {
    expect(title(card(cards, 'command', 'docker volume create --label keep data'))).toBe("Keep a volume's id");
    expect(title(card(cards, 'command', 'ls /var/lib/docker/volumes'))).toBe('ls /var/lib/docker/volumes');
  });

  it('never makes "Example" a meaning', () => {
    expect(title(card(cards, 'command', 'docker build --build-arg VERSION=2 .'))).not.toBe('Example');
  });

  it('reads no emoji name, back-to-top link or numbered label as a term', () => {
    expect(title(card(cards, 'concept', 'Images'))).toBe('Images are read-only templates a container starts from, layer upon layer.');
    const concepts = keys(cards, 'concept');
    expect(concepts).not.toContain('Contents');
    expect(concepts).not.toContain('Part 2');
    for (const c of cards) expect(words(c)).not.toMatch(/framed_picture|↑/);
  });

  it('reads a bold line over prose as a sub-heading, and a capitalised keyword as a term', () => {
    expect(title(card(cards, 'concept', 'ARG'))).toBe('Declares a value the build can be given from outside.');
    expect(title(card(cards, 'concept', 'RUN'))).toBe('Executes a shell command while the image is being built.');
  });
});

describe('the rules, one by one', () => {
  it('knows category headings in both languages, whatever numbering and program names surround them', () => {
    for (const h of ['5.Docker命令', '镜像命令', '容器管理', '映像管理', '案例（Dockerfile）', 'Docker Commands', 'Quick Commands', '二、常用命令', 'swarm 相关', 'Options & Flags', 'Docker 命令大全', '第3章 命令']) expect(isCategoryHeading(h), h).toBe(true);
    for (const h of ['Remove a container', '删除容器', 'CMD (the default command)', 'Docker', 'Volumes', '启动和停止容器']) expect(isCategoryHeading(h), h).toBe(false);
    expect(isCategoryHeading('Docker', true)).toBe(true);
  });

  it('knows numbered labels', () => {
    for (const h of ['Part 2', 'Note 3', 'Issue 1 (Solved)', 'Line 4', '2nd example', 'Hacky Solution 2', 'Step 3']) expect(isNumberedLabel(h), h).toBe(true);
    for (const h of ['Python 3 images', 'Ubuntu 22.04', 'Port 80 and 443']) expect(isNumberedLabel(h), h).toBe(false);
  });

  it('titles a command by a heading naming that command, never another one', () => {
    expect(headingTitleFor('docker pull 下载镜像', 'docker pull mysql:8')).toBe('docker pull 下载镜像');
    expect(headingTitleFor('docker pull 下载镜像', 'docker images')).toBeNull();
    expect(headingTitleFor('Docker 命令', 'docker info')).toBeNull();
    expect(headingTitleFor('Mount a folder', 'touch testfile')).toBeNull();
    expect(headingTitleFor('Mount a folder', 'docker run -v /a:/b alpine')).toBe('Mount a folder');
  });

  it('knows leads that only announce what follows', () => {
    for (const t of ['Example:', '**Example**', '例如：', 'Output', '常用命令：']) expect(isGenericLead(t), t).toBe(true);
    for (const t of ['List the images:', '查看日志：', 'Run it in the background']) expect(isGenericLead(t), t).toBe(false);
  });

  it('cleans heading lines only', () => {
    expect(cleanHeadingLine('## Docker CLI :whale:')).toBe('## Docker CLI');
    expect(cleanHeadingLine('### 映像管理 [[↑](#top)]')).toBe('### 映像管理');
    expect(cleanHeadingLine('## Contents [↑]')).toBe('## Contents');
    expect(cleanHeadingLine('#### - run a container')).toBe('#### run a container');
    expect(cleanHeadingLine('## Ports 8080:80 mapping')).toBe('## Ports 8080:80 mapping');
    expect(cleanHeadingLine('docker run :latest: x')).toBe('docker run :latest: x');
  });

  it('makes a bold line a heading only when prose follows and it is no label', () => {
    expect(boldHeading(['', '**FROM**', '', 'Sets the base image.'], 1, 3)).toBe('#### FROM');
    expect(boldHeading(['', '**Example**', '', '```'], 1, 3)).toBeNull();
    expect(boldHeading(['', '**Note:**', '', 'Some text.'], 1, 3)).toBeNull();
    expect(boldHeading(['text above', '**FROM**', '', 'Sets the base image.'], 1, 3)).toBeNull();
    expect(boldHeading(['', '**Flags**', '', '- `-d`: detach'], 1, 3)).toBeNull();
    expect(isKeywordHeading('RUN')).toBe(true);
    expect(isKeywordHeading('Run')).toBe(false);
  });
});

describe('a meaning glued to its command on the same line', () => {
  const { cards } = indexFixture('glued-meanings.md');

  it('cuts at a full-width colon, a spaced // or a spaced hyphen before a sentence, keeping placeholders', () => {
    expect(title(card(cards, 'command', 'docker pause <CONTAINER>'))).toBe('冻结容器里的全部进程');
    expect(title(card(cards, 'command', 'docker unpause <CONTAINER>'))).toBe('让冻结的进程继续');
    expect(title(card(cards, 'command', 'docker port web'))).toBe('列出端口映射');
    expect(title(card(cards, 'command', 'docker ps'))).toBe('Lists the running containers.');
  });

  it('leaves a flag legend after the colon to the legend reader', () => {
    expect(card(cards, 'command', 'docker exec -i -t web sh').command).toBe('docker exec -i -t web sh');
    expect(title(card(cards, 'flag', 'docker exec -i'))).toBe('保持输入打开');
  });

  it('drops the comment marker in front of a flag meaning written in code', () => {
    expect(title(card(cards, 'flag', '-d'))).toBe('后台运行');
    expect(title(card(cards, 'flag', '--rm'))).toBe('退出后删除');
  });

  it('splits only outside quotes and placeholders', () => {
    expect(cutGluedMeaning('docker run -e "A=b：c" nginx')).toBeNull();
    expect(cutGluedMeaning('docker rm <容器：ID>')).toBeNull();
    expect(cutGluedMeaning('curl http://x//y')).toBeNull();
    expect(cutGluedMeaning('docker build - < Dockerfile')).toBeNull();
    expect(cutGluedMeaning('docker rm web：删除')).toEqual({ command: 'docker rm web', meaning: '删除' });
  });
});

describe('output, step numbers, step labels and zero-width characters', () => {
  const { cards } = indexFixture('output-and-steps.md');

  it('reads pasted program output as no meaning', () => {
    expect(words(card(cards, 'command', 'docker system prune'))).not.toMatch(/WARNING|stopped containers/);
    expect(looksLikeOutput('WARNING! This will remove:')).toBe(true);
    expect(looksLikeOutput('REPOSITORY   TAG       IMAGE ID')).toBe(true);
    expect(looksLikeOutput('Warning: this removes data')).toBe(false);
  });

  it('drops a "（1）" step number and zero-width spaces from a meaning', () => {
    expect(title(card(cards, 'command', 'apt-get update'))).toBe('更新软件包索引');
  });

  it('takes neither "步骤：" nor a generic heading as a meaning', () => {
    expect(title(card(cards, 'command', 'apt-get install docker-ce'))).toBe('apt-get install docker-ce');
  });
});

describe('commands offered as alternatives', () => {
  const { cards } = indexFixture('alternatives.md');

  it('take the heading as their meaning, and the next line explains only its own command', () => {
    expect(title(card(cards, 'command', 'docker images'))).toBe('列出本地镜像');
    expect(title(card(cards, 'command', 'docker image ls'))).toBe('列出本地镜像');
    expect(title(card(cards, 'command', 'systemctl enable docker'))).toBe('设置开机自启动');
    expect(title(card(cards, 'command', 'docker kill web'))).toBe('Stop a container');
    expect(keys(cards, 'concept')).toEqual([]);
    expect(alternativeCommands([{ kind: 'code', value: 'a' }, { kind: 'text', value: ' 或者 ' }, { kind: 'code', value: 'b' }])).toEqual(['a', 'b']);
    expect(alternativeCommands([{ kind: 'code', value: 'a' }, { kind: 'text', value: ' lists images, ' }, { kind: 'code', value: 'b' }])).toBeNull();
  });
});

describe('numbered labels are not terms, whichever way they are written', () => {
  it('makes no concept of "Part 2", "Line 1: …" or "**Note 2**: …", and still reads real terms', () => {
    const { cards } = indexFixture('numbered-labels.md');
    expect(keys(cards, 'concept')).toEqual(['Volumes']);
  });
});
