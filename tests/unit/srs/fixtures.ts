/** Small hand-written cards for the scheduling tests (own wording, shaped like the indexer's output). */
import type { Card } from '../../../src/lib/notes/card.ts';

export function card(partial: Partial<Card> & Pick<Card, 'id' | 'kind' | 'key'>): Card {
  return {
    deck: 'docker',
    text: { en: { title: `About ${partial.key}`, body: '' }, zh: { title: `关于 ${partial.key}`, body: '' } },
    tags: ['Basics'],
    source: { file: 'test.md', line: 1 },
    ...partial,
  };
}

export const publishAll = card({
  id: 'docker-flag-docker-run-P',
  kind: 'flag',
  key: 'docker run -P',
  command: 'docker run -d -P nginx',
  flag: '-P',
  aliases: ['--publish-all'],
  text: {
    en: { title: 'Publish every exposed port', body: 'Each EXPOSEd port gets a random high host port; docker port lists them.' },
    zh: { title: '发布所有暴露的端口', body: '每个 EXPOSE 的端口映射到宿主机随机高位端口。' },
  },
  tags: ['Ports'],
});

export const interactive = card({
  id: 'docker-flag-docker-run-it',
  kind: 'flag',
  key: 'docker run -it',
  command: 'docker run -it alpine sh',
  flag: '-it',
  tags: ['Containers'],
});

export const restartPolicy = card({
  id: 'docker-flag-docker-run-restart',
  kind: 'flag',
  key: 'docker run --restart unless-stopped',
  command: 'docker run -d --restart unless-stopped redis',
  flag: '--restart',
  tags: ['Containers'],
});

export const saveImage = card({
  id: 'docker-command-docker-save',
  kind: 'command',
  key: 'docker save',
  command: 'docker save -o web.tar web:1.0',
  text: {
    en: { title: 'Write an image to a tar archive', body: 'docker save keeps layers and tags.' },
    zh: { title: '把镜像写入 tar 包', body: '用 docker save 保留所有层。' },
  },
  tags: ['Images'],
});

export const composeUp = card({
  id: 'docker-command-docker-compose-up',
  kind: 'command',
  key: 'docker compose up',
  command: 'docker compose -f dev.yml up -d',
  tags: ['Compose'],
});

export const saveVsExport = card({
  id: 'docker-compare-save-export',
  kind: 'compare',
  key: 'docker save | docker export',
  items: ['docker save', 'docker export'],
  sides: {
    en: ['Archives an image with all of its layers and history', 'Dumps a container filesystem as one flat layer'],
    zh: ['打包镜像，保留全部层和历史', '导出容器文件系统，压成一层'],
  },
  text: { en: { title: 'save vs export', body: 'Move images with save; grab a container’s files with export.' } },
  tags: ['Images'],
});

export const fromInstruction = card({
  id: 'docker-concept-from',
  kind: 'concept',
  key: 'FROM',
  text: { en: { title: 'Base image of a build stage', body: 'Every Dockerfile stage starts with FROM.' } },
  tags: ['Dockerfile'],
});

/** N plain command cards across two decks and two topics, in content order. */
export function manyCards(n: number): Card[] {
  return Array.from({ length: n }, (_, i) =>
    card({
      id: `c${String(i).padStart(4, '0')}`,
      kind: 'command',
      key: `tool cmd${i}`,
      deck: i % 2 ? 'mine' : 'docker',
      tags: [i % 3 ? 'Images' : 'Networks'],
    }),
  );
}
