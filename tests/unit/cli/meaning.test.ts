/**
 * Meanings come from the deck's cards where a card exists — whatever spelling of the command
 * or flag was typed — and from the CLI's help line otherwise; in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { describeLine } from '../../../src/lib/cli/describe.ts';
import { Meanings } from '../../../src/lib/cli/meaning.ts';
import { loadDeck } from '../deck/deck.ts';
import { cat } from './summary.ts';

const cards = loadDeck().cards;
const meanings = new Meanings(cat, cards);
const byKey = (key: string) => cards.find((c) => c.key === key)!;

function rowsOf(line: string, lang: 'zh' | 'en') {
  return describeLine(cat, meanings, line, lang).commands[0]!.rows;
}

describe('meanings', () => {
  it('a management-command spelling shows the card written for the short one', () => {
    const [, image, rm, force] = rowsOf('docker image rm --force nginx', 'zh');
    const rmi = byKey('docker rmi');
    expect(image!.cardId).toBeUndefined();
    expect(rm!.cardId).toBe(rmi.id);
    expect(rm!.meaning).toBe(rmi.text.zh!.title);
    expect(force!.cardId).toBe(byKey('docker rmi -f').id);
  });

  it('a long flag shows the card written for its short form, in the reader language', () => {
    const row = rowsOf('docker run --publish 8080:80 nginx', 'en')[2]!;
    const card = byKey('docker run -p');
    expect(row.cardId).toBe(card.id);
    expect(row.meaning).toBe(card.text.en!.title);
    expect(row.meaningLang).toBe('en');
  });

  it('a flag with no card shows the CLI help line, marked as English', () => {
    const row = rowsOf('docker run --cpu-rt-period 100 nginx', 'zh')[2]!;
    expect(row.cardId).toBeUndefined();
    expect(row.meaning).toBe('Limit CPU real-time period in microseconds');
    expect(row.meaningLang).toBe('en');
  });

  it('cards of an imported deck count too', () => {
    const mine = { ...byKey('docker run -d'), id: 'my-notes-flag-x', deck: 'my-notes', key: 'docker service create --hostname', flag: '--hostname', aliases: [], text: { zh: { title: '服务容器的主机名', body: 'x' } } };
    const withMine = new Meanings(cat, [...cards, mine]);
    const row = describeLine(cat, withMine, 'docker service create --hostname web nginx', 'zh').commands[0]!.rows[3]!;
    expect(row.cardId).toBe('my-notes-flag-x');
    expect(row.meaning).toBe('服务容器的主机名');
  });
});

describe('mistakes in words', () => {
  it('name the command as the user typed it, with the fix', () => {
    const problems = (line: string, lang: 'zh' | 'en') =>
      describeLine(cat, meanings, line, lang).commands[0]!.rows.flatMap((r) => r.problems.map((p) => p.text));
    expect(problems('docker ps -it', 'en')).toEqual(['docker ps has no -i', 'docker ps has no -t']);
    expect(problems('docker container ls -i', 'zh')).toEqual(['docker container ls 没有 -i 选项']);
    expect(problems('docker run --detatch nginx', 'en')).toEqual(['docker run has no --detatch; did you mean --detach?']);
    expect(problems('docker run --link db:db app', 'en')).toEqual(['--link is legacy; use --network instead']);
    expect(problems('docker run -P 8080:80 nginx', 'en')[0]).toMatch(/^-P is not -p: flags differ by case\. -P = Publish all exposed ports to random ports; did you mean -p\?$/);
    expect(problems('docker compose up --bulid', 'zh')).toEqual(['docker compose up 没有 --bulid，是不是 --build？']);
  });
});
