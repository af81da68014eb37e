import { describe, expect, it } from 'vitest';
import { ankiTag, deckToAnki } from '../../../src/lib/notes/export-anki.ts';
import { readLikeAnki, shownByAnki } from './anki-reader.ts';
import { cards, DECK_ID } from './sample-cards.ts';

const deck = { id: DECK_ID, name: 'Ops notes', cards };
const text = deckToAnki(deck, { langs: ['en', 'zh'] });
const parsed = readLikeAnki(text);
const meta = parsed.meta;
/** Rows as Anki shows them: the front and back fields are HTML. */
const rows = parsed.rows.map(([guid = '', front = '', back = '', tags = '']) => [guid, shownByAnki(front), shownByAnki(back), tags]);

describe('exporting a deck for Anki', () => {
  it('starts with the header lines Anki reads', () => {
    expect(text.split('\n').slice(0, 5)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#tags column:4',
      '#deck:Ops notes',
    ]);
    expect(meta).toMatchObject({ separator: 'tab', html: 'true', 'tags column': '4' });
  });

  it('writes one note per card, in four columns, whatever the text holds', () => {
    expect(rows).toHaveLength(cards.length);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(rows.map((row) => row[0])).toEqual(cards.map((card) => card.id));
  });

  it('puts what the card is about on the front and its meaning on the back', () => {
    const flag = rows[0]!;
    expect(flag[1]).toBe('docker run -P');
    expect(flag[2]).toBe(
      'Publish every exposed port\nEach EXPOSEd port gets a random host port.\nRun `docker port web` to see them.' +
        '\n\n发布全部暴露端口\n每个 EXPOSE 的端口映射到宿主机随机端口。\n\ndocker run -d -P web:1.2',
    );
    expect(rows[2]![1]).toBe('CMD vs ENTRYPOINT');
    expect(rows[2]![2]).toContain('CMD: default arguments | easy to override\nENTRYPOINT: the fixed program');
  });

  it('round-trips tabs, quotes and a leading # through the CSV reader', () => {
    expect(rows[1]![2]).toContain('Add `-t` for "timestamps".');
    expect(rows[3]![2]).toBe('#1 cause of\tfull disks\nAn image layer set with no tag: <none>:<none>.');
    const hashFront = deckToAnki({ id: 'x', name: 'x', cards: [{ ...cards[3]!, key: '# syntax=docker/dockerfile:1' }] });
    expect(shownByAnki(readLikeAnki(hashFront).rows[0]![1]!)).toBe('# syntax=docker/dockerfile:1');
  });

  it('escapes markup from a note, so Anki shows it as text, and keeps line breaks as <br>', () => {
    const risky = { ...cards[3]!, key: 'docker ps --format "{{.Names}}" <b>&', text: { en: { title: '<img src=x onerror=alert(1)>', body: 'line one\nline two' } } };
    const [row] = readLikeAnki(deckToAnki({ id: 'x', name: 'x', cards: [risky] }, { langs: ['en'] })).rows;
    expect(row![1]).toBe('docker ps --format &quot;{{.Names}}&quot; &lt;b&gt;&amp;');
    expect(row![2]).toContain('&lt;img src=x onerror=alert(1)&gt;<br>line one<br>line two');
    expect(row![2]).not.toMatch(/\n|<(?!br>)/);
  });

  it('writes tags without spaces, plus a tag naming the deck', () => {
    expect(rows[0]![3]!.split(' ')).toEqual(['deckhand::ops-notes', 'Ports_·_端口', 'docker_run']);
    expect(rows[3]![3]).toBe('deckhand::ops-notes');
    expect(ankiTag('  a  b ')).toBe('a_b');
  });

  it('orders the languages of the back as asked', () => {
    const zhFirst = shownByAnki(readLikeAnki(deckToAnki(deck, { langs: ['zh', 'en'] })).rows[0]![2]!);
    expect(zhFirst.startsWith('发布全部暴露端口')).toBe(true);
  });
});
