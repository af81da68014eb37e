import { describe, expect, it } from 'vitest';
import { flagLine, normalizeFlagLine } from '../../../src/lib/notes/rules/flag-forms.ts';

const read = (line: string) => {
  const f = flagLine(line);
  return f && { flag: f.flag, aliases: f.aliases, desc: f.desc };
};

describe('flag definitions written every way', () => {
  it('reads a label, full-width brackets and full-width dashes', () => {
    expect(read('options: -P（随机映射端口）')).toEqual({ flag: '-P', aliases: [], desc: '随机映射端口' });
    expect(read('－d：后台运行')).toEqual({ flag: '-d', aliases: [], desc: '后台运行' });
  });
  it('reads a flag followed by a verb or by "参数："', () => {
    expect(read('`-e`表示设置环境变量')).toEqual({ flag: '-e', aliases: [], desc: '设置环境变量' });
    expect(read('-w参数：表示容器里的工作目录')).toEqual({ flag: '-w', aliases: [], desc: '容器里的工作目录' });
  });
  it('reads a long spelling glued to the meaning', () => {
    expect(read('-r，--rm=""退出时删除容器。')).toEqual({ flag: '-r', aliases: ['--rm'], desc: '退出时删除容器。' });
    expect(read('`-s` --size，显示文件大小')).toEqual({ flag: '-s', aliases: ['--size'], desc: '显示文件大小' });
  });
  it('reads a flag line with a shell comment, as written inside code', () => {
    expect(read('-P   # 随机端口')).toEqual({ flag: '-P', aliases: [], desc: '随机端口' });
  });
  it('leaves other lines alone', () => {
    expect(normalizeFlagLine('docker run -d nginx')).toBe('docker run -d nginx');
    expect(read('-- 这不是参数')).toBeNull();
  });
});
