import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { indexNotes } from '../../../src/lib/notes/index.ts';
import { buildSearchIndex } from '../../../src/lib/search/index.ts';

/**
 * The query set: lookups people make, each with the card key(s) that must come back, over the
 * real bundled deck (content/*.md through the real indexer). Reports hit@1, hit@3 and MRR.
 * `within`: 1 when the answer is unambiguous, 3 when several cards are fair answers to show.
 */
interface Lookup {
  q: string;
  want: string[];
  within: 1 | 3;
  why: string;
}

const L = (why: string, within: 1 | 3, q: string, ...want: string[]): Lookup => ({ q, want, within, why });

const LOOKUPS: Lookup[] = [
  // Flags: exact and case-sensitive
  L('flag', 1, '-P', 'docker run -P'),
  L('flag', 1, '-p', 'docker run -p', 'docker run -p 8080:80'),
  L('flag', 1, '--publish-all', 'docker run -P'),
  L('flag', 1, '--pull', 'docker run --pull'),
  L('flag', 1, '-v readonly', 'docker run -v /srv/data:/data:ro'),
  L('flag', 1, '-it', 'docker run -it'),
  L('flag', 1, '--rm', 'docker run --rm'),
  L('flag', 1, '-d', 'docker run -d'),
  L('flag', 1, '--restart always', 'docker run --restart always'),
  L('flag', 1, '--restart unless-stopped', 'docker run --restart unless-stopped'),
  L('flag', 1, '--name', 'docker run --name'),
  L('flag', 1, '--network host', 'docker run --network host'),
  L('flag', 1, '--mount', 'docker run --mount'),
  L('flag', 1, '-f dangling=true', 'docker images -f dangling=true'),
  L('flag', 1, '--privileged', 'docker run --privileged'),
  L('flag', 1, '--read-only', 'docker run --read-only'),
  L('flag', 3, '-e', 'docker run -e'),
  L('flag', 3, '--memory', 'docker run -m'),
  L('flag', 3, '--no-cache', 'docker build --no-cache', 'docker compose build --no-cache'),
  // Commands and subcommands, with and without "docker"
  L('command', 1, 'rmi', 'docker rmi'),
  L('command', 3, 'docker image rm', 'docker rmi'),
  L('command', 1, 'save', 'docker save'),
  L('command', 1, 'docker save', 'docker save'),
  L('command', 1, 'load', 'docker load'),
  L('command', 1, 'exec', 'docker exec'),
  L('command', 1, 'docker ps', 'docker ps'),
  L('command', 1, 'pull', 'docker pull'),
  L('command', 1, 'inspect', 'docker inspect'),
  L('command', 1, 'docker network create', 'docker network create'),
  L('command', 1, 'volume create', 'docker volume create'),
  L('command', 1, 'system prune', 'docker system prune'),
  L('command', 1, 'compose up', 'docker compose up'),
  L('command', 1, 'docker-compose', 'docker-compose'),
  L('command', 1, 'swarm init', 'docker swarm init'),
  L('command', 1, 'FROM', 'FROM'),
  L('command', 1, 'entrypoint', 'ENTRYPOINT'),
  L('command', 1, '.dockerignore', '.dockerignore'),
  L('command', 1, 'daemon.json', 'daemon.json'),
  // Command + flag
  L('command+flag', 1, 'ps -a', 'docker ps -a'),
  L('command+flag', 1, 'ps -aq', 'docker ps -aq'),
  L('command+flag', 1, 'logs -f', 'docker logs -f'),
  L('command+flag', 1, 'logs --tail', 'docker logs -n'),
  L('command+flag', 1, 'build -t', 'docker build -t'),
  L('command+flag', 1, 'compose up -d', 'docker compose up -d'),
  L('command+flag', 1, 'compose down -v', 'docker compose down -v'),
  L('command+flag', 1, 'exec -it', 'docker exec -it'),
  // Chinese, English, mixed
  L('zh', 3, '删除镜像', 'docker rmi', 'docker image prune'),
  L('zh', 3, '只读挂载', 'docker run -v /srv/data:/data:ro', 'docker run --mount readonly', 'read-only mount'),
  L('zh', 3, '端口映射', 'docker run -p', 'docker run -p 8080:80', 'port publishing'),
  L('zh', 3, '查看日志', 'docker logs'),
  // "docker run -it" opens a shell in a new container and says so ("交互式进入容器"): a fair answer too.
  L('zh', 3, '进入容器', 'docker exec -it', 'docker exec', 'docker attach', 'docker exec | docker attach', 'docker run -it'),
  L('zh', 3, '悬空镜像', 'dangling image', 'docker images -f dangling=true'),
  L('zh', 3, '后台运行', 'docker run -d'),
  L('zh', 3, '多阶段构建', 'multi-stage build'),
  L('zh', 1, '创建数据卷', 'docker volume create'),
  L('zh', 3, '导出镜像', 'docker save'),
  L('en', 1, 'publish all ports', 'docker run -P'),
  L('en', 3, 'remove dangling images', 'docker image prune', 'docker rmi $(docker images -q -f dangling=true)'),
  L('en', 3, 'stop all containers', 'docker stop $(docker ps -q)'),
  L('en', 3, 'read only', 'read-only mount', 'docker run --read-only', 'docker run --mount readonly'),
  L('en', 1, 'how to remove an image', 'docker rmi'),
  L('en', 1, 'remove all stopped containers', 'docker container prune'),
  L('en', 1, 'list running containers', 'docker ps'),
  L('mixed', 1, 'save 和 export 区别', 'docker save | docker export'),
  L('mixed', 3, 'compose 日志', 'docker compose logs'),
  // Typos and transpositions
  L('typo', 1, 'dokcer rnu', 'docker run'),
  L('typo', 3, 'volumn', 'VOLUME', 'named volume', 'docker volume create', 'docker volume ls', 'volume | bind mount | tmpfs'),
  L('typo', 1, 'exoprt', 'docker export'),
  L('typo', 1, 'imgaes', 'docker images'),
  L('typo', 1, 'comit', 'docker commit'),
  L('typo', 1, 'netwrok create', 'docker network create'),
  // Compare cards first
  L('compare', 1, 'save export', 'docker save | docker export'),
  L('compare', 1, 'save vs export', 'docker save | docker export'),
  L('compare', 1, 'save和export区别', 'docker save | docker export'),
  L('compare', 1, '-p vs -P', 'docker run -p | docker run -P'),
  L('compare', 1, 'cmd entrypoint', 'CMD | ENTRYPOINT'),
  L('compare', 1, 'copy vs add', 'COPY | ADD'),
  L('compare', 1, 'stop kill', 'docker stop | docker kill'),
  L('compare', 1, 'rm rmi', 'docker rm | docker rmi'),
  L('compare', 1, 'volume bind mount tmpfs', 'volume | bind mount | tmpfs'),
  L('compare', 1, '-v vs --mount', 'docker run -v | docker run --mount'),
  L('compare', 1, 'arg env 区别', 'ARG | ENV'),
  L('compare', 1, 'exec vs attach', 'docker exec | docker attach'),
  // Prefixes, as typed
  L('prefix', 3, 'docker lo', 'docker logs', 'docker load', 'docker login'),
  L('prefix', 1, 'docker insp', 'docker inspect'),
  L('prefix', 1, 'entryp', 'ENTRYPOINT'),
  L('prefix', 3, '--publ', 'docker run -p', 'docker run -P'),
  L('prefix', 3, '删除镜', 'docker rmi', 'docker image prune'),
];

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const MIN_CARDS = 100;

/** The bundled deck through the real indexer — or why it is too small to judge search by. */
function bundledDeck(): { cards: Card[]; skip?: string } {
  const files = readdirSync(CONTENT).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
  const { cards } = indexNotes(files.map((f) => ({ file: `content/${f}`, text: readFileSync(join(CONTENT, f), 'utf8') })));
  if (cards.length < MIN_CARDS) return { cards, skip: `content/ has ${cards.length} cards, fewer than ${MIN_CARDS}` };
  return { cards };
}

const deck = bundledDeck();
if (deck.skip) console.warn(`query set skipped: ${deck.skip}`);

describe.skipIf(deck.skip !== undefined)(`query set over the bundled deck${deck.skip ? ` (skipped: ${deck.skip})` : ''}`, () => {
  const index = buildSearchIndex(deck.cards);
  const keys = new Set(deck.cards.filter((c) => c.deck === 'docker').map((c) => c.key));

  it('has at least 60 lookups, each naming cards that exist', () => {
    expect(LOOKUPS.length).toBeGreaterThanOrEqual(60);
    const missing = LOOKUPS.flatMap((l) => l.want.filter((k) => !keys.has(k)).map((k) => `${l.q} → ${k}`));
    expect(missing).toEqual([]);
  });

  it('finds the right card near the top (hit@1, hit@3, MRR)', () => {
    const rows = LOOKUPS.map((l) => {
      const found = index.search(l.q, { limit: 10 }).map((h) => h.card.key);
      const rank = found.findIndex((k) => l.want.includes(k)) + 1; // 0: not in the top 10
      return { ...l, rank, top: found.slice(0, 3).join(' ‖ ') };
    });
    const n = rows.length;
    const hit1 = rows.filter((r) => r.rank === 1).length / n;
    const hit3 = rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / n;
    const mrr = rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n;
    const met = rows.filter((r) => r.rank >= 1 && r.rank <= r.within);

    const byKind = new Map<string, typeof rows>();
    for (const r of rows) byKind.set(r.why, [...(byKind.get(r.why) ?? []), r]);
    console.table(
      [...byKind].map(([kind, rs]) => ({
        kind,
        lookups: rs.length,
        'hit@1': round(rs.filter((r) => r.rank === 1).length / rs.length),
        'hit@3': round(rs.filter((r) => r.rank >= 1 && r.rank <= 3).length / rs.length),
        MRR: round(rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / rs.length),
      })),
    );
    console.log(`query set: ${n} lookups over ${deck.cards.length} cards — hit@1 ${round(hit1)}, hit@3 ${round(hit3)}, MRR ${round(mrr)}`);
    const misses = rows.filter((r) => !met.includes(r));
    if (misses.length) console.table(misses.map((r) => ({ query: r.q, want: r.want.join(' / '), within: r.within, rank: r.rank || '>10', top3: r.top })));

    expect(hit1).toBeGreaterThanOrEqual(0.85);
    expect(hit3).toBeGreaterThanOrEqual(0.95);
    expect(mrr).toBeGreaterThanOrEqual(0.9);
    expect(met.length / n).toBeGreaterThanOrEqual(0.93);
  });
});

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
