import { describe, expect, it } from 'vitest';
import { readShellBlock } from '../../../src/lib/notes/codeblock.ts';
import { indexNote } from '../../../src/lib/notes/index.ts';

/** A shell block holding one command continued over `n` lines with `\`. */
function continued(n: number): string {
  const lines = ['docker run -d \\'];
  for (let i = 0; i < n; i++) lines.push(`  --label key${i}=value \\`);
  lines.push('  nginx');
  return lines.join('\n');
}

function seconds(n: number): number {
  const code = continued(n);
  const t0 = performance.now();
  readShellBlock(code, 1);
  return (performance.now() - t0) / 1000;
}

describe('backslash continuations', () => {
  it('joins a continued command into one, dropping commented-out lines', () => {
    const code = ['docker run -d \\', '  -p 8080:80 \\', '  # -v old:/data \\', '  --name web \\', '  nginx'].join('\n');
    expect(readShellBlock(code, 1).map((i) => i.command)).toEqual(['docker run -d -p 8080:80 --name web nginx']);
    const long = readShellBlock(continued(30), 1);
    expect(long).toHaveLength(1);
    expect(long[0]!.command).toMatch(/^docker run -d --label key0=value .* --label key29=value nginx$/);
  });

  // Each continuation used to re-scan the whole growing line: 16k lines took seconds, 100k minutes.
  it('reads continued lines in linear time', () => {
    seconds(2_000); // warm up
    const small = Math.max(seconds(8_000), 0.002);
    const big = seconds(64_000);
    // eight times the lines: linear work is ~8x, the old quadratic work was ~64x
    expect(big / small).toBeLessThan(24);
    expect(big).toBeLessThan(10);
  });

  it('indexes a note of 100,000 continued lines in bounded time, without a card of unbounded size', () => {
    const text = `# big\n\n\`\`\`sh\n${continued(100_000)}\n\`\`\`\n\n\`\`\`sh\n# list containers\ndocker ps\n\`\`\`\n`;
    const t0 = performance.now();
    const r = indexNote(text, 'big.md');
    expect((performance.now() - t0) / 1000).toBeLessThan(20);
    expect(r.cards.map((c) => c.key)).toContain('docker ps');
    for (const c of r.cards) expect((c.command ?? '').length).toBeLessThanOrEqual(1000);
  });
});
