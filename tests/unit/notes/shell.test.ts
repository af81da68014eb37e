import { describe, expect, it } from 'vitest';
import { readShellBlock } from '../../../src/lib/notes/codeblock.ts';
import { commandName, readCommand, splitGlued, usesFlag } from '../../../src/lib/notes/shell.ts';
import { fixDashes } from '../../../src/lib/notes/text.ts';

const cmd = (line: string, mode: 'code' | 'prose' = 'code') => readCommand(line, mode)?.command ?? null;

describe('reading one command line', () => {
  it('removes prompts', () => {
    expect(cmd('$ docker ps -a')).toBe('docker ps -a');
    expect(cmd('[root@node1 ~]# systemctl restart docker')).toBe('systemctl restart docker');
    expect(cmd('root@3f2a9c:/# ls -la /data')).toBe('ls -la /data');
    expect(cmd('/opt/app # touch a.txt')).toBe('touch a.txt');
  });

  it('splits off a trailing comment or trailing prose as the explanation', () => {
    expect(readCommand('docker ps -q   # 只输出 ID', 'code')).toMatchObject({ command: 'docker ps -q', comment: '只输出 ID' });
    expect(readCommand('docker ps 查看运行中的容器', 'code')).toMatchObject({ command: 'docker ps', desc: '查看运行中的容器' });
    expect(readCommand("docker inspect -f '{{.Name}} # not a comment' web", 'code')?.comment).toBeUndefined();
  });

  it('keeps Chinese inside quotes and placeholders', () => {
    expect(cmd('docker search <镜像名>')).toBe('docker search <镜像名>');
    expect(cmd('docker commit --author "小王" web img:2')).toBe('docker commit --author "小王" web img:2');
  });

  it('removes line numbers and table pipes left by a rendered page', () => {
    expect(cmd('3 | docker images |')).toBe('docker images');
  });

  it('fixes typographic dashes and quotes', () => {
    expect(cmd('docker run -d –restart=always –name db mysql:8')).toBe('docker run -d --restart=always --name db mysql:8');
    expect(cmd('docker run -v data:/d -–mount type=tmpfs,target=/t x')).toBe('docker run -v data:/d --mount type=tmpfs,target=/t x');
    expect(cmd('docker exec web sh -c “echo hi”')).toBe('docker exec web sh -c "echo hi"');
    expect(fixDashes('链接 — 本地服务发现')).toBe('链接 — 本地服务发现');
  });

  it('is not fooled by prose that starts with a program name', () => {
    expect(cmd('docker 使用了 Linux 的 cgroups', 'prose')).toBeNull();
    expect(cmd('docker run is the command you will use most', 'prose')).toBeNull();
    expect(cmd('Docker requires a 64-bit kernel', 'code')).toBeNull();
    expect(cmd('image: redis', 'code')).toBeNull();
  });

  it('names the command a flag belongs to', () => {
    expect(commandName('sudo docker run -d nginx')).toBe('docker run');
    expect(commandName('docker volume create data')).toBe('docker volume create');
    expect(commandName('docker compose up -d')).toBe('docker compose up');
    expect(commandName('docker-compose -f a.yml up')).toBe('docker-compose');
    expect(commandName('systemctl restart docker')).toBe('systemctl restart');
  });

  it('matches flags exactly, case kept, and inside bundles of short flags', () => {
    expect(usesFlag('docker run -dit ubuntu', '-d')).toBe(true);
    expect(usesFlag('docker run -dit ubuntu', '-it')).toBe(true);
    expect(usesFlag('docker run -P nginx', '-p')).toBe(false);
    expect(usesFlag('docker run -d -name web -net none x', '-e')).toBe(false);
  });

  it('splits commands glued together by a flattened page', () => {
    expect(splitGlued('docker stop webdocker rm web', 'code')).toEqual(['docker stop web', 'docker rm web']);
    expect(splitGlued('docker ps -a docker images', 'prose')).toEqual(['docker ps -a', 'docker images']);
    expect(splitGlued('docker rm $(docker ps -aq)', 'prose')).toEqual(['docker rm $(docker ps -aq)']);
    expect(splitGlued('docker ps -q | xargs docker rm', 'prose')).toEqual(['docker ps -q | xargs docker rm']);
  });
});

describe('reading a shell code block', () => {
  it('gives each command the comment lines above it, until a blank line', () => {
    const items = readShellBlock(['# 查看所有容器', 'docker ps -a', 'docker container ls -a', '', 'docker images'].join('\n'), 10);
    expect(items.map((i) => [i.command, i.explain, i.line])).toEqual([
      ['docker ps -a', ['查看所有容器'], 11],
      ['docker container ls -a', ['查看所有容器'], 12],
      ['docker images', [], 14],
    ]);
  });

  it('lets "# or" repeat the explanation for an alternative', () => {
    const items = readShellBlock('# 清理停止的容器\ndocker container prune\n# or\ndocker rm $(docker ps -aq)', 1);
    expect(items[1]!.explain).toEqual(['清理停止的容器']);
  });

  it('treats unprompted lines in a prompted block as output', () => {
    const items = readShellBlock('$ docker volume ls\nDRIVER    VOLUME NAME\nlocal     data\n$ uname -r\n6.1.0', 1);
    expect(items.map((i) => i.command)).toEqual(['docker volume ls', 'uname -r']);
  });

  it('tells a root prompt from a comment', () => {
    const items = readShellBlock('# 查看版本\n# docker version --format json\n{"Client":{}}', 1);
    expect(items.map((i) => i.command)).toEqual(['docker version --format json']);
  });

  it('joins continuation lines and drops commented-out arguments inside them', () => {
    const items = readShellBlock('docker run -d \\\n  --name web \\\n  # -v old:/data \\\n  -v new:/data \\\n  nginx', 5);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ command: 'docker run -d --name web -v new:/data nginx', line: 5 });
  });

  it('names groups after divider comments', () => {
    const items = readShellBlock('# ---------- 日志\ndocker logs -f web\n# ===== 网络 =====\ndocker network ls', 1);
    expect(items.map((i) => i.group)).toEqual(['日志', '网络']);
  });

  it('marks a comment that starts with a flag the command uses', () => {
    expect(readShellBlock('# -P 发布所有端口\ndocker run -d -P nginx', 1)[0]!.flag).toBe('-P');
    expect(readShellBlock('# -p 端口\ndocker run -d -P nginx', 1)[0]!.flag).toBeUndefined();
  });

  it('keeps a heredoc with its command', () => {
    const items = readShellBlock("cat > a.conf <<'EOF'\nkey=1\nEOF\ndocker ps", 1);
    expect(items.map((i) => i.command)).toEqual(["cat > a.conf <<'EOF'\nkey=1\nEOF", 'docker ps']);
  });
});

describe('placeholders written in Chinese', () => {
  it('keeps bracketed and flag-value placeholders in the command', () => {
    expect(readCommand('docker container start [容器id] 启动容器', 'code')).toMatchObject({ command: 'docker container start [容器id]', desc: '启动容器' });
    expect(readCommand('docker run -d --name=容器名称 nginx', 'code')?.command).toBe('docker run -d --name=容器名称 nginx');
    expect(readCommand('docker commit 容器id 镜像名称：版本号', 'code')?.command).toBe('docker commit 容器id 镜像名称：版本号');
  });
});
