import type { Card } from '../../../src/lib/notes/card.ts';

/** A small imported deck, written for these tests: one card of each kind plus awkward text. */
export const DECK_ID = 'ops-notes';

const base = { deck: DECK_ID, source: { file: 'ops-notes.md', line: 1 } };

export const cards: Card[] = [
  {
    ...base,
    id: 'ops-notes~flag~docker-run--P',
    kind: 'flag',
    key: 'docker run -P',
    command: 'docker run -d -P web:1.2',
    flag: '-P',
    aliases: ['--publish-all'],
    text: {
      en: { title: 'Publish every exposed port', body: 'Each EXPOSEd port gets a random host port.\nRun `docker port web` to see them.' },
      zh: { title: '发布全部暴露端口', body: '每个 EXPOSE 的端口映射到宿主机随机端口。' },
    },
    tags: ['Ports · 端口', 'docker run'],
  },
  {
    ...base,
    id: 'ops-notes~command~docker-logs',
    kind: 'command',
    key: 'docker logs',
    command: 'docker logs -f --tail 50 web',
    examples: ['docker logs --since 10m web'],
    text: { en: { title: 'Follow a container\'s output', body: 'Shows what the main process wrote.\n\nAdd `-t` for "timestamps".' } },
    tags: ['Debugging'],
  },
  {
    ...base,
    id: 'ops-notes~compare~cmd-entrypoint',
    kind: 'compare',
    key: 'CMD | ENTRYPOINT',
    items: ['CMD', 'ENTRYPOINT'],
    sides: { en: ['default arguments | easy to override', 'the fixed program'] },
    text: { en: { title: 'CMD vs ENTRYPOINT', body: 'Use both: ENTRYPOINT for the program, CMD for its default flags.' } },
    tags: ['Dockerfile'],
  },
  {
    ...base,
    id: 'ops-notes~concept~dangling-image',
    kind: 'concept',
    key: 'dangling image',
    text: { en: { title: '#1 cause of\tfull disks', body: 'An image layer set with no tag: <none>:<none>.' } },
    tags: [],
  },
];
