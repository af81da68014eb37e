/**
 * `npm run bench:index` — how long the note indexer takes on a 1 MB and two 5 MB notes (sizes
 * in UTF-8 bytes, as the file would be on disk). The notes are generated deterministically
 * (seeded), in our own words, in Chinese and English:
 * - typical: shaped like the notes people write (one card per ~180 bytes, like the two samples
 *   in ../shared/samples at ~215): prose around shell blocks, output, Dockerfiles, compose files…
 * - dense: a card every ~100 bytes — shell blocks, flag lists, flattened pages back to back.
 * The indexer timed is the one the app ships: src/lib/notes bundled and minified by Vite's
 * production build (running the TypeScript through tsx adds a third). Prints the median of a
 * few runs. Options: --runs N, --only <part of a label: typical|dense|1mb|5mb>, --source (time
 * the TypeScript sources through tsx instead), --against REV (also build the indexer of git
 * revision REV and time it in the same run, alternating with this tree's: a baseline that
 * shares the machine's mood, which here swings by a third from minute to minute).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Notes from '../src/lib/notes/index.ts';
import { rng } from '../tests/fixtures/search/synthetic.ts';

const SUBCOMMANDS = ['run', 'ps', 'logs', 'exec', 'stop', 'rm', 'images', 'pull', 'push', 'build', 'inspect', 'volume ls', 'network create', 'compose up'];
const FLAGS = ['-d', '-it', '--rm', '-p 8080:80', '-P', '-v data:/data', '--name app', '-e MODE=prod', '--restart always', '--network web', '-f', '-a', '-q'];
const ZH = ['查看', '启动', '删除', '列出', '清理', '重启', '进入', '导出', '构建', '推送'];
const OBJ = ['容器', '镜像', '数据卷', '网络', '日志', '服务', '配置'];
const EN = ['Show', 'Start', 'Remove', 'List', 'Clean up', 'Restart', 'Enter', 'Export', 'Build', 'Push'];
const OBJ_EN = ['containers', 'images', 'volumes', 'networks', 'logs', 'services', 'settings'];

/** Dense: a card every ~100 bytes (twice the samples' rate) — a stress case. */
function denseNote(targetBytes: number, seed: number): string {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cmd = (i: number) => `docker ${pick(SUBCOMMANDS)} ${pick(FLAGS)} ${pick(FLAGS)} app${i}`;
  const out: string[] = ['---', 'title: 基准测试笔记', 'tags: [bench]', '---', '', '# 基准测试笔记', ''];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
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
    size += Buffer.byteLength(text) + 1;
  }
  return out.join('\n');
}

/**
 * Typical: shaped like the notes people write (../shared/samples has two): about one card per
 * 215 bytes and 7 lines — sections of prose around shell blocks with comments and output,
 * Dockerfiles and compose files, flag lists, bullets with a quoted command, comparisons,
 * definition tables, images and links.
 */
function typicalNote(targetBytes: number, seed: number): string {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cmd = (i: number) => `docker ${pick(SUBCOMMANDS)} ${pick(FLAGS)} app${i}`;
  const zhLine = () => `${pick(ZH)}${pick(OBJ)}`;
  const enLine = () => `${pick(EN)} ${pick(OBJ_EN)}`;
  const prose = (zh: boolean, i: number) =>
    zh
      ? `${zhLine()}之前先确认${pick(OBJ)}的状态，第 ${i} 步里用到的${pick(OBJ)}都放在同一台机器上。这样做的好处是出了问题可以直接查看日志，不用到处找。`
      : `Before you ${pick(EN).toLowerCase()} the ${pick(OBJ_EN)}, check what is running: step ${i} keeps everything on one host, so the logs are easy to find when something breaks.`;
  const out: string[] = ['---', 'title: 容器笔记', 'categories: Docker', '---', '', '* content', '{:toc}', ''];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const zh = rnd() < 0.6;
    const part: string[] = [`${rnd() < 0.3 ? '##' : '###'} ${zh ? `${zhLine()} ${i}` : `${enLine()} ${i}`}`, ''];
    switch (i % 9) {
      case 0:
        part.push(prose(zh, i), '', '```shell');
        for (let k = 0; k < 3; k++) part.push(zh ? `# ${zhLine()}` : `# ${enLine()}`, cmd(i * 10 + k));
        part.push('```');
        break;
      case 1:
        part.push(zh ? '先看一下当前的状态：' : 'Check the current state:', '', '```console', `$ ${cmd(i)}`, 'CONTAINER ID   IMAGE     STATUS', `3f2a9c1d${i}   app${i}   Up 5 minutes`, `7b1e0d4c${i}   db${i}    Exited (0) 2 hours ago`, '```', '', prose(zh, i));
        break;
      case 2:
        part.push(`\`docker run\` ${zh ? '常用参数' : 'flags I use'}：`, '');
        for (const f of ['-d', '-p', '--name', '-v']) part.push(`- \`${f}\`: ${zh ? `${zhLine()}，第 ${i} 个例子里会用到` : `${enLine()} (used in example ${i})`}`);
        break;
      case 3:
        part.push(prose(zh, i), '', '```dockerfile', 'FROM node:20-alpine', 'WORKDIR /app', 'COPY package*.json ./', 'RUN npm ci --omit=dev', 'COPY . .', `EXPOSE ${3000 + (i % 100)}`, 'CMD ["node", "server.js"]', '```', '', zh ? '构建镜像：' : 'Build it:', '', '```bash', `docker build -t app${i}:latest .`, '```');
        break;
      case 4:
        part.push(`* ${zhLine()}`, '', `> ${cmd(i)}`, '', `* ${zhLine()}`, '', `> ${cmd(i + 1)}`, '', prose(zh, i));
        break;
      case 5:
        part.push(`save${i} 和 export${i} 的区别`, '', `save${i} 保存的是镜像，保留每一层和历史；export${i} 导出的是容器的文件系统，只有一层，也没有历史。`, '', prose(zh, i));
        break;
      case 6:
        part.push('| 名称 | 说明 |', '| --- | --- |', `| term${i} | ${zhLine()}时用到的概念 |`, `| item${i} | ${pick(OBJ)}的另一种叫法 |`, '', `![${zhLine()}](https://example.com/img/${i}.png)`, '', prose(zh, i));
        break;
      case 7:
        part.push(prose(zh, i), '', '```yaml', 'services:', `  web${i}:`, `    image: nginx:1.${i % 30}`, '    ports:', '      - "8080:80"', '    restart: always', '```', '', '```bash', `docker compose up -d web${i}`, `docker compose logs -f web${i}`, '```', '', `参考：[官方文档](https://docs.docker.com/) · [笔记 ${i}](https://example.com/${i})`);
        break;
      default:
        part.push(prose(zh, i), '', prose(!zh, i + 1), '', `**term${i}**: ${zhLine()}时用到的概念，说明写得长一点，像真实笔记里的一段解释。`);
    }
    part.push('');
    const text = part.join('\n');
    out.push(text);
    size += Buffer.byteLength(text) + 1;
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

/** src/lib/notes (of this tree, or under `root`) as production code: Vite's library build, imported from a temp dir. */
async function shippedIndexer(root = '.'): Promise<typeof Notes> {
  const outDir = mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, lib: { entry: join(root, 'src/lib/notes/index.ts'), formats: ['es'], fileName: 'notes' } },
    });
    return (await import(pathToFileURL(join(outDir, 'notes.js')).href)) as typeof Notes;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The indexer as it was at a git revision: its src/lib/notes extracted under node_modules/.cache (so its imports resolve here), then built. */
async function indexerAt(rev: string): Promise<typeof Notes> {
  const root = join('node_modules/.cache/bench-index', rev.replace(/[^\w.-]/g, '_'));
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', rev, 'src/lib/notes'], { maxBuffer: 64 << 20 });
  execFileSync('tar', ['-x', '-C', root], { input: tar });
  try {
    return await shippedIndexer(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
if (against && args.includes('--source')) throw new Error('--against times two production builds; it cannot be combined with --source');
const current = args.includes('--source') ? await import('../src/lib/notes/index.ts') : await shippedIndexer();
const baseline = against ? await indexerAt(against) : undefined;
console.log(`indexer: ${args.includes('--source') ? 'TypeScript sources via tsx' : 'production bundle (vite build)'}${against ? `; baseline: ${against}, same build, runs alternating` : ''}`);

const notes: [string, () => string][] = [
  ['1mb-typical', () => typicalNote(1_000_000, 1)],
  ['5mb-typical', () => typicalNote(5_000_000, 5)],
  ['5mb-dense', () => denseNote(5_000_000, 5)],
];

/** Time `indexNote` on `text`: milliseconds of one run, and what it found. */
function timed(notes: typeof Notes, text: string, label: string): { ms: number; cards: number; warnings: number } {
  const t0 = performance.now();
  const res = notes.indexNote(text, `bench-${label}.md`);
  return { ms: performance.now() - t0, cards: res.cards.length, warnings: res.warnings.length };
}

for (const [label, make] of notes) {
  if (only && !label.includes(only)) continue;
  const text = make();
  const bytes = Buffer.byteLength(text);
  const times: number[] = [];
  const baseTimes: number[] = [];
  let cards = 0;
  let warnings = 0;
  for (let r = 0; r < runs; r++) {
    // with a baseline, take turns going first: a run pays for the garbage the one before left
    if (baseline && r % 2 === 0) baseTimes.push(timed(baseline, text, label).ms);
    const t = timed(current, text, label);
    if (baseline && r % 2 === 1) baseTimes.push(timed(baseline, text, label).ms);
    times.push(t.ms);
    cards = t.cards;
    warnings = t.warnings;
  }
  const ms = median(times);
  console.log(
    `${label}: ${(bytes / 1e6).toFixed(2)} MB, ${text.split('\n').length} lines → ${cards} cards (one per ${Math.round(bytes / cards)} bytes), ${warnings} warnings; ` +
      `median ${ms.toFixed(0)} ms of ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')}), ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`,
  );
  if (baseline) {
    const base = median(baseTimes);
    // each round's pair ran back to back: the median of their ratios shrugs off a slow minute
    const ratio = median(times.map((t, r) => t / baseTimes[r]!));
    console.log(
      `  ${against}: median ${base.toFixed(0)} ms (${baseTimes.map((t) => t.toFixed(0)).join(', ')}); this tree takes ${(100 * ratio).toFixed(0)}% of its time (median of the rounds' ratios)`,
    );
  }
}
