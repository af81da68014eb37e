/**
 * Search by what the user wants to do: `ask` phrases, the synonym table, and commands written
 * by another of their names. Over small decks of our own, so each rule is seen alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../src/lib/cli/catalogue.ts';
import type { Card } from '../../../src/lib/notes/card.ts';
import { indexNote } from '../../../src/lib/notes/index.ts';
import { canonicalCommand, commandRenames } from '../../../src/lib/search/command-names.ts';
import { buildSearchIndex } from '../../../src/lib/search/index.ts';
import { runVariants, synonymsInRun, synonymsOf } from '../../../src/lib/search/synonyms.ts';

const card = (key: string, kind: Card['kind'], en: string, zh: string, extra: Partial<Card> = {}): Card => ({
  id: key.replace(/\W+/g, '-'),
  deck: 'd',
  kind,
  key,
  text: { en: { title: en, body: '' }, zh: { title: zh, body: '' } },
  tags: [],
  source: { file: 'd.md', line: 1 },
  ...extra,
});

const deck = [
  card('docker rename', 'command', 'Rename a container', '重命名容器', { ask: ['change the name of a container', '容器改名'] }),
  card('docker run -P', 'flag', 'Publish all exposed ports', '发布所有暴露的端口', { flag: '-P', ask: ['random host ports'] }),
  card('docker run -p', 'flag', 'Publish a port', '端口映射', { flag: '-p' }),
  card('port publishing', 'concept', 'Port publishing', '端口映射（发布端口）', { ask: ['-p', 'docker rename'] }),
  card('docker rmi', 'command', 'Remove an image', '删除镜像'),
  card('docker logs -f', 'flag', 'Follow the log output', '实时跟踪日志', { flag: '-f' }),
  card('docker ps', 'command', 'List running containers', '列出正在运行的容器'),
];
const index = buildSearchIndex(deck);
const top = (q: string) => index.search(q, { limit: 3 })[0]?.card.key;

describe('ask phrases', () => {
  it('are read from a house-format note, one phrase per ";"', () => {
    const note = '# T · 主题\n\n## docker rename\n\n```sh\ndocker rename old new\n```\n\n- ask: change the name of a container; 容器改名；给容器换名字\n- zh: 重命名容器\n  改名。\n- en: Rename a container\n  Renames it.\n';
    const { cards, warnings } = indexNote(note, 'n.md');
    expect(warnings).toEqual([]);
    expect(cards[0]!.ask).toEqual(['change the name of a container', '容器改名', '给容器换名字']);
  });

  it('find the card in the words people use, in both languages', () => {
    expect(top('change the name of my container')).toBe('docker rename');
    expect(top('容器改名')).toBe('docker rename');
  });

  it('never outrank an exact flag or command match', () => {
    expect(top('-p')).toBe('docker run -p');
    expect(top('docker rename')).toBe('docker rename');
    expect(top('-P')).toBe('docker run -P');
  });
});

describe('synonyms', () => {
  it('join the words people use for one thing, both ways', () => {
    expect(synonymsOf('delete')).toContain('remove');
    expect(synonymsOf('remove')).toContain('delete');
    expect(synonymsOf('docker')).toEqual([]);
  });

  it('are found inside Chinese text without spaces, longest first', () => {
    expect(synonymsInRun('移除镜像').map((s) => [s.at, s.length])).toEqual([[0, 2], [2, 2]]);
    expect(runVariants('移除镜像')).toContain('删除镜像');
  });

  it('let a query in other words find the card', () => {
    expect(top('移除镜像')).toBe('docker rmi');
    expect(top('delete an image')).toBe('docker rmi');
    expect(top('watch the log output')).toBe('docker logs -f');
  });
});

describe('commands by another name', () => {
  it('read as the name the cards use, with or without "docker", flags kept', () => {
    expect(canonicalCommand('docker container ls -a')).toBe('docker ps -a');
    expect(canonicalCommand('container ls')).toBe('ps');
    expect(canonicalCommand('docker image rm nginx')).toBe('docker rmi nginx');
    expect(canonicalCommand('docker-compose up -d')).toBe('docker compose up -d');
    expect(canonicalCommand('docker-compose')).toBe('docker-compose');
    expect(canonicalCommand('docker container prune')).toBe('docker container prune');
  });

  it('find the card under its usual name', () => {
    expect(top('docker container ls')).toBe('docker ps');
    expect(top('docker image remove')).toBe('docker rmi');
  });

  it('stay as typed when the deck has cards under that very name', () => {
    const own = buildSearchIndex([...deck, card('docker image rm', 'command', 'Remove an image (long form)', '删除镜像（完整写法）')]);
    expect(own.search('docker image rm', { limit: 1 })[0]!.card.key).toBe('docker image rm');
  });

  it('come from the CLI catalogue: the shipped table is what the catalogue says', () => {
    const catalogue = JSON.parse(readFileSync(new URL('../../../src/lib/cli/catalogue.json', import.meta.url), 'utf8')) as Catalogue;
    const shipped = JSON.parse(readFileSync(new URL('../../../src/lib/search/command-names.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(commandRenames(catalogue));
    expect(shipped['docker container ls']).toBe('docker ps');
    expect(shipped['docker stack up']).toBe('docker stack deploy');
  });
});
