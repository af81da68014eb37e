import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { cheatSheet } from '../../../src/ui/cheat-sheet.ts';
import { relatedCards } from '../../../src/ui/related.ts';

let line = 0;
function card(kind: Card['kind'], key: string, title: string, extra: Partial<Card> = {}): Card {
  line += 10;
  return {
    id: `${kind}:${key}`,
    deck: 'docker',
    kind,
    key,
    text: { en: { title, body: '' }, zh: { title: `${title}（中）`, body: '' } },
    tags: ['Run · 运行', 'docker'],
    source: { file: 'content/docker-run.md', line },
    ...extra,
  };
}

const run = card('command', 'docker run', 'Create and start a container', { command: 'docker run nginx' });
const create = card('command', 'docker create', 'Create a container', { command: 'docker create nginx' });
const detach = card('flag', 'docker run -d', 'Run in the background', { flag: '-d', command: 'docker run -d nginx' });
const port = card('flag', 'docker run -p 8080:80', 'Map a host port', { flag: '-p', tags: ['Run · 运行', '端口', 'ports', 'docker'] });
const publishAll = card('flag', 'docker run -P', 'Publish every exposed port', { flag: '-P', tags: ['Run · 运行', '端口', 'ports', 'docker'] });
const vs = card('compare', 'docker run | docker create', 'run or create', { items: ['docker run', 'docker create'] });
const concept = card('concept', 'container', 'What a container is', { tags: ['Run · 运行'] });

describe('a topic as a cheat sheet', () => {
  const sheet = cheatSheet([concept, vs, publishAll, port, detach, create, run], 'en');

  it('lists each command with its flags under it, in the note order, then comparisons and concepts', () => {
    expect(sheet.map((s) => s.kind)).toEqual(['commands', 'commands', 'compare', 'concept']);
    const [main] = sheet;
    expect(main!.rows.map((r) => [r.label, r.underCommand])).toEqual([
      ['docker run', false],
      ['-d', true],
      ['docker create', false],
    ]);
    expect(sheet[2]!.rows[0]!.label).toBe('docker run vs docker create');
  });

  it('makes the note’s sub-sections sections of their own, naming their one command in the heading', () => {
    const ports = sheet[1]!;
    expect(ports).toMatchObject({ name: 'ports', command: 'docker run' });
    expect(ports.rows.map((r) => r.label)).toEqual(['-p 8080:80', '-P']);
    expect(cheatSheet([port], 'zh')[0]).toMatchObject({ name: '端口' });
  });
});

describe('related cards', () => {
  it('never lists the same title twice', () => {
    const alias = card('command', 'docker container run', 'Create and start a container', { command: 'docker container run nginx' });
    const again = card('flag', 'docker run --detach', 'Run in the background', { flag: '--detach' });
    const related = relatedCards(run, [run, detach, again, alias, vs]);
    const titles = related.map((c) => c.text.en!.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).not.toContain('Create and start a container'); // the card's own title either
    expect(related).toContain(detach);
  });
});
