import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../src/ui/fill.ts';
import { STRINGS, type StringKey } from '../../../src/ui/strings.ts';

describe('interface text templates', () => {
  it('fills placeholders, grouping counts the reader\'s way but not line numbers', () => {
    expect(fillTemplate('{n} {n|card|cards} found', { n: 27450 }, 'en')).toBe('27,450 cards found');
    expect(fillTemplate('找到 {n} 张卡片', { n: 27450 }, 'zh')).toBe('找到 27,450 张卡片');
    expect(fillTemplate('Line {line}: {message}', { line: 12345, message: 'skipped' }, 'en')).toBe('Line 12345: skipped');
    expect(fillTemplate('From {file}', { file: 'a{b}.md' }, 'en')).toBe('From a{b}.md');
  });

  it('picks the word form for the count', () => {
    const t = '{n} {n|card|cards} no longer in your notes {n|keeps its|keep their} history';
    expect(fillTemplate(t, { n: 1 }, 'en')).toBe('1 card no longer in your notes keeps its history');
    expect(fillTemplate(t, { n: 0 }, 'en')).toBe('0 cards no longer in your notes keep their history');
    expect(fillTemplate(t, { n: 2 }, 'en')).toBe('2 cards no longer in your notes keep their history');
    expect(fillTemplate('{total} {total|review|reviews} on {days} {days|day|days}', { total: 1, days: 1 }, 'en')).toBe('1 review on 1 day');
  });

  it('reads small whole numbers as Intl does (they skip it: its first use is slow), and others through it', () => {
    const intl = (n: number, lang: 'en' | 'zh', locale: string) =>
      `${new Intl.NumberFormat(locale).format(n)} ${new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other'}`;
    for (const n of [...Array.from({ length: 2001 }, (_, i) => i - 1000), 1.5, 1.0001, 12345, -1]) {
      expect(fillTemplate('{n} {n|one|other}', { n }, 'en'), `en ${n}`).toBe(intl(n, 'en', 'en'));
      expect(fillTemplate('{n} {n|one|other}', { n }, 'zh'), `zh ${n}`).toBe(intl(n, 'zh', 'zh-CN'));
    }
  });

  it('every string names the same placeholders in both languages', () => {
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[|}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(STRINGS.en) as StringKey[]) {
      expect(names(STRINGS.zh[key]), key).toEqual(names(STRINGS.en[key]));
    }
  });

  it('no English count stands before a noun without its word form ("1 cards")', () => {
    const bare = /\{(n|total|reviews|newCards|added|cards|reps|lapses|days)\} (?:new |more new |due |review )?(cards?|reviews?|entries|entry|warnings?|decks?|days?|lapses?)\b(?! \{)/;
    for (const [key, text] of Object.entries(STRINGS.en)) expect(bare.test(text), `${key}: ${text}`).toBe(false);
  });
});
