import { describe, expect, it } from 'vitest';
import { readHelpOutput, usageOwner } from '../../../src/lib/notes/rules/help-output.ts';

describe('pasted --help output', () => {
  it('reads new-style options, joining wrapped descriptions', () => {
    const lines = [
      'Usage:  docker volume create [OPTIONS] [VOLUME]',
      '',
      'Options:',
      '  -d, --driver string   Specify volume driver',
      '      --label list      Set metadata for a',
      '                        volume',
      '  -o, --opt map         Set driver specific options',
    ];
    const h = readHelpOutput(lines)!;
    expect(h.owner).toBe('docker volume create');
    expect(h.flags.map(({ flag, aliases, desc }) => ({ flag, aliases, desc }))).toEqual([
      { flag: '-d', aliases: ['--driver'], desc: 'Specify volume driver' },
      { flag: '--label', aliases: [], desc: 'Set metadata for a volume' },
      { flag: '-o', aliases: ['--opt'], desc: 'Set driver specific options' },
    ]);
    expect([...h.used].sort()).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('reads old-style "=[]" options', () => {
    const h = readHelpOutput(['  -q, --quiet=false     Only show IDs', '  --no-trunc=false      Do not truncate output', '  -s, --size=false      Show sizes'])!;
    expect(h.flags.map((f) => [f.flag, f.desc])).toEqual([['-q', 'Only show IDs'], ['--no-trunc', 'Do not truncate output'], ['-s', 'Show sizes']]);
  });

  it('is not fooled by a flag list of one or two lines, or by commands', () => {
    expect(readHelpOutput(['  -d   detached', 'docker run -d nginx'])).toBeNull();
    expect(readHelpOutput(['docker run -d  nginx', 'docker ps -a   x', 'docker rm -f   y'])).toBeNull();
    expect(usageOwner('Usage:  docker run [OPTIONS] IMAGE')).toBe('docker run');
  });
});
