/**
 * `npm run bench:index` — how long the note indexer takes on a ~1 MB and a ~5 MB note.
 * The notes are generated deterministically (seeded) from varied free-form sections: shell
 * blocks with comments and prompts, flag lists, comparisons, definitions, tables and prose, in
 * Chinese and English. Prints the median of a few runs. Options: --runs N, --only 1mb|5mb.
 */
import { indexNote } from '../src/lib/notes/index.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBCOMMANDS = ['run', 'ps', 'logs', 'exec', 'stop', 'rm', 'images', 'pull', 'push', 'build', 'inspect', 'volume ls', 'network create', 'compose up'];
const FLAGS = ['-d', '-it', '--rm', '-p 8080:80', '-P', '-v data:/data', '--name app', '-e MODE=prod', '--restart always', '--network web', '-f', '-a', '-q'];
const ZH = ['查看', '启动', '删除', '列出', '清理', '重启', '进入', '导出', '构建', '推送'];
const OBJ = ['容器', '镜像', '数据卷', '网络', '日志', '服务', '配置'];
const EN = ['Show', 'Start', 'Remove', 'List', 'Clean up', 'Restart', 'Enter', 'Export', 'Build', 'Push'];
const OBJ_EN = ['containers', 'images', 'volumes', 'networks', 'logs', 'services', 'settings'];

function note(targetChars: number, seed: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cmd = (i: number) => `docker ${pick(SUBCOMMANDS)} ${pick(FLAGS)} ${pick(FLAGS)} app${i}`;
  const out: string[] = ['---', 'title: 基准测试笔记', 'tags: [bench]', '---', '', '# 基准测试笔记', ''];
  let size = 0;
  for (let i = 0; size < targetChars; i++) {
    const zh = rnd() < 0.6;
    const part: string[] = [`## ${zh ? `${pick(ZH)}${pick(OBJ)} ${i}` : `${pick(EN)} ${pick(OBJ_EN)} ${i}`}`, ''];
    switch (i % 6) {
      case 0:
        part.push('```sh');
        for (let k = 0; k < 6; k++) part.push(zh ? `# ${pick(ZH)}${pick(OBJ)}` : `# ${pick(EN)} ${pick(OBJ_EN)}`, cmd(i * 10 + k));
        part.push(`${cmd(i)}   # ${pick(ZH)}${pick(OBJ)}`, '```');
        break;
      case 1:
        part.push(`\`docker run\` 常用参数：`, '');
        for (const f of ['-d', '-p', '--name', '-e']) part.push(`- \`${f}\`: ${pick(ZH)}${pick(OBJ)}的参数 ${i}`);
        part.push('', '```console', `$ ${cmd(i)}`, 'CONTAINER ID   IMAGE   STATUS', `a1b2c3d4e5f6   app${i}   Up 2 minutes`, '```');
        break;
      case 2:
        part.push(`save${i} 和 export${i} 的区别：save${i} 保存镜像，保留历史；export${i} 导出容器文件系统，只有一层。`, '');
        part.push('| 参数 | 说明 |', '| --- | --- |', `| \`--opt${i}\` | ${pick(ZH)}${pick(OBJ)} |`, `| \`-x${i % 10}\` | ${pick(OBJ)}的开关 |`);
        break;
      case 3:
        part.push(`**term${i}**: ${pick(ZH)}${pick(OBJ)}时用到的概念，说明文字写得稍微长一点，好让段落更像真实的笔记内容。`, '');
        part.push(`* ${pick(ZH)}${pick(OBJ)}`, '', `> ${cmd(i)}`, '', `-d:${pick(ZH)}${pick(OBJ)}`, '');
        break;
      case 4:
        part.push(
          `The ${pick(OBJ_EN)} section explains how things fit together. Each paragraph is long enough to look like prose someone actually wrote in a note, with a few \`inline\` bits.`,
          '',
          '```bash',
          `${cmd(i)} \\`,
          '  --label team=ops \\',
          `  nginx:1.${i % 30}`,
          '```',
        );
        break;
      default:
        part.push(`Docker 常用命令 1. ${pick(ZH)}${pick(OBJ)} ${cmd(i)} 2. ${pick(ZH)}${pick(OBJ)} ${cmd(i + 1)} 3. ${pick(ZH)}${pick(OBJ)} ${cmd(i + 2)} 4. ${pick(ZH)}${pick(OBJ)} ${cmd(i + 3)}`);
    }
    part.push('');
    const text = part.join('\n');
    out.push(text);
    size += text.length + 1;
  }
  return out.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 3) : 3;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

for (const [label, size, seed] of [['1mb', 1_000_000, 1], ['5mb', 5_000_000, 5]] as const) {
  if (only && only !== label) continue;
  const text = note(size, seed);
  const times: number[] = [];
  let cards = 0;
  let warnings = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = indexNote(text, `bench-${label}.md`);
    times.push(performance.now() - t0);
    cards = res.cards.length;
    warnings = res.warnings.length;
  }
  const ms = median(times);
  console.log(
    `${label}: ${(text.length / 1e6).toFixed(2)} M chars, ${text.split('\n').length} lines → ${cards} cards, ${warnings} warnings; ` +
      `median ${ms.toFixed(0)} ms of ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')}), ${((text.length / 1e6) / (ms / 1000)).toFixed(2)} M chars/s`,
  );
}
