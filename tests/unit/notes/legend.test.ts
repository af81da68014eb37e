import { describe, expect, it } from 'vitest';
import { cutColonLegend, cutLegends } from '../../../src/lib/notes/rules/legend.ts';

describe('bracketed flag legends after a command', () => {
  it('cuts the legend out and keeps what each flag means', () => {
    expect(cutLegends('docker volume ls [-q:只列名称;--filter:按条件筛选]')).toEqual({
      line: 'docker volume ls',
      flags: [
        { flag: '-q', aliases: [], desc: '只列名称' },
        { flag: '--filter', aliases: [], desc: '按条件筛选' },
      ],
    });
  });

  it('reads a long spelling in brackets and colons inside a meaning', () => {
    const r = cutLegends('docker build [-t(--tag):给镜像起名(name:tag)] .');
    expect(r).toEqual({ line: 'docker build .', flags: [{ flag: '-t', aliases: ['--tag'], desc: '给镜像起名(name:tag)' }] });
  });

  it('leaves usage brackets alone', () => {
    expect(cutLegends('docker rm [OPTIONS] CONTAINER [CONTAINER...]')).toBeNull();
    expect(cutLegends('docker logs [-f] web')).toBeNull();
    expect(cutLegends('docker rm CONTAINER [CONTAINER...] [-f:强制]  # also works')?.line).toBe('docker rm CONTAINER [CONTAINER...] # also works');
  });
});

describe('a colon legend after a command', () => {
  it('reads what each flag does and drops what a non-flag argument does', () => {
    expect(cutColonLegend('docker exec -i -t web sh：-i：保持输入打开 -t：分配终端 sh：运行的程序')).toEqual({
      line: 'docker exec -i -t web sh',
      flags: [
        { flag: '-i', aliases: [], desc: '保持输入打开' },
        { flag: '-t', aliases: [], desc: '分配终端' },
      ],
    });
    expect(cutColonLegend('docker run -d: 后台运行')).toBeNull();
  });
});
