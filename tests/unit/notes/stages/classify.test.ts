/** Stage 2: every line classified once — command, flag definition, both, or prose (line-kinds.ts, shell.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../../../src/lib/notes/line-kinds.ts';
import { plainWordFirst, readCommand, readCommandLine } from '../../../../src/lib/notes/shell.ts';

const kind = (line: string, mode: 'code' | 'prose' = 'prose') => classifyLine(line, mode, 1);

describe('stage 2: one line, one kind', () => {
  it('prose stays prose, in either language', () => {
    expect(kind('整理一下仓库里的旧镜像')).toEqual({ line: 1, prose: '整理一下仓库里的旧镜像' });
    expect(kind('Before the upgrade, back up the volumes.')).toEqual({ line: 1, prose: 'Before the upgrade, back up the volumes.' });
    expect(kind('   ')).toEqual({ line: 1 });
  });

  it('a command with its meaning said after it on the same line', () => {
    expect(kind('docker volume ls 看看有哪些数据卷')).toMatchObject({ cmd: 'docker volume ls', desc: '看看有哪些数据卷' });
    expect(kind('`docker stats --no-stream` — one snapshot of every container')).toMatchObject({ cmd: 'docker stats --no-stream', desc: 'one snapshot of every container' });
  });

  it('a flag definition, and a command line that also defines the flag it uses', () => {
    expect(kind('--rm：容器退出后自动删除')).toMatchObject({ flag: { flag: '--rm', desc: '容器退出后自动删除' } });
    expect(kind('docker ps -q 只列出编号')).toMatchObject({ cmd: 'docker ps -q', desc: '只列出编号', flag: { flag: '-q', command: 'docker ps' } });
  });

  it('flags explained after a colon belong to the command before it', () => {
    const k = kind('docker exec -i -t box sh：-i：保持输入 -t：分配终端');
    expect(k.cmd).toBe('docker exec -i -t box sh');
    expect(k.flags?.map((f) => [f.flag, f.desc])).toEqual([
      ['-i', '保持输入'],
      ['-t', '分配终端'],
    ]);
  });

  it('a command named in code that introduces something is a mention, not a card', () => {
    expect(kind('`docker build` 的几个选项：')).toEqual({ line: 1, prose: '`docker build` 的几个选项：' });
  });

  it('a command typed after a prompt inside a sentence takes the sentence as its meaning', () => {
    expect(kind('stop everything with $ docker stop $(docker ps -q)')).toMatchObject({ cmd: 'docker stop $(docker ps -q)', desc: 'stop everything' });
  });
});

describe('stage 2: the plain-first-word fast path', () => {
  it('recognises prose openings and leaves everything else to the full reading', () => {
    expect(plainWordFirst('查看容器的日志')).toBe(true);
    expect(plainWordFirst('Remove old images first')).toBe(true);
    expect(plainWordFirst('PS C:\\> docker ps')).toBe(false); // a PowerShell prompt
    expect(plainWordFirst('运行/usr/bin/docker ps')).toBe(false); // a path could end in a program
    expect(plainWordFirst('docker ps')).toBe(false);
    expect(readCommand('PS C:\\> docker ps', 'code')?.command).toBe('docker ps');
  });

  it('never rejects a line the full reading would accept', () => {
    const pieces = ['查看', '容器', 'Start', 'PS', 'C:\\>', 'docker', 'ps', '-a', '/usr/bin/', 'sudo', '"引号 docker', "'", '\\', '$(', ')', 'user@host:~$', '$', '#', '：', '，', '1.', '\u200b', '\u3000', ' ', 'A=1', 'systemctl', 'restart', 'nginx'];
    const line = fc.tuple(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' ')).map(([xs, sep]) => xs.join(sep));
    fc.assert(
      fc.property(line, fc.constantFrom('code' as const, 'prose' as const), (l, mode) => {
        if (plainWordFirst(l)) expect(readCommandLine(l, mode)).toBeNull();
        expect(readCommand(l, mode)).toEqual(readCommandLine(l, mode));
      }),
      { numRuns: 2000 },
    );
  });
});
