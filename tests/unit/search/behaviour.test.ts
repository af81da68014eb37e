import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/card.ts';
import { buildSearchIndex, matchedText } from '../../../src/lib/search/index.ts';
import { fixtureCards } from '../../fixtures/search/deck.ts';

const index = buildSearchIndex(fixtureCards);
const keys = (query: string, limit = 5, deck?: string) =>
  index.search(query, deck === undefined ? { limit } : { limit, deck }).map((h) => h.card.key);
const top = (query: string) => keys(query, 1)[0];

describe('flags are exact and case-sensitive', () => {
  it('-P finds the publish-all card first, -p the publish card', () => {
    expect(top('-P')).toBe('docker run -P');
    expect(top('-p')).toBe('docker run -p 8080:80');
  });

  it('-p never matches inside --pull', () => {
    expect(keys('-p', 50)).not.toContain('docker run --pull always');
    expect(keys('docker run -p', 50)[0]).toBe('docker run -p 8080:80');
  });

  it('a long alias finds the same card as the short flag', () => {
    expect(top('--publish-all')).toBe('docker run -P');
    expect(top('docker run --publish')).toBe('docker run -p 8080:80');
  });

  it('a flag plus words uses both: -v readonly is the read-only -v card, not --read-only', () => {
    const found = keys('-v readonly');
    expect(found[0]).toBe('docker run -v /src:/dst:ro');
    expect(found.indexOf('docker run --read-only')).toBeGreaterThan(0);
  });

  it('reads flags typed on a phone (full-width dash, em dash for --)', () => {
    expect(top('－P')).toBe('docker run -P');
    expect(top('—pull')).toBe('docker run --pull always');
  });
});

describe('commands and subcommands', () => {
  it.each([
    ['rmi', 'docker rmi'],
    ['docker image rm', 'docker image rm'],
    ['save', 'docker save'],
    ['logs -f', 'docker logs -f'],
    ['docker rm', 'docker rm'],
    ['compose up', 'docker compose up'],
  ])('%s → %s', (query, key) => {
    expect(top(query)).toBe(key);
  });

  it('a subcommand as a word still finds its long form near the top', () => {
    expect(keys('rmi', 4)).toContain('docker image rm');
  });
});

describe('Chinese, English and mixed queries', () => {
  it('finds Chinese titles: 删除镜像, 只读挂载', () => {
    expect(keys('删除镜像', 2)).toContain('docker rmi');
    expect(top('只读挂载')).toBe('docker run -v /src:/dst:ro');
  });

  it('matches inside Chinese text without word boundaries', () => {
    // "根文件系统" sits in the middle of "容器的根文件系统设为只读".
    expect(top('根文件系统')).toBe('docker run --read-only');
  });

  it('a single Chinese character already finds cards', () => {
    expect(keys('删', 10)).toContain('docker rmi');
  });

  it('mixed: save 和 export 区别 → the compare card', () => {
    expect(top('save 和 export 区别')).toBe('docker save | docker export');
  });

  it('English words of a title: publish all ports', () => {
    expect(top('publish all ports')).toBe('docker run -P');
  });
});

describe('typos and transpositions', () => {
  it.each([
    ['dokcer rnu', 'docker run'],
    ['exoprt', 'docker export'],
    ['docker imgae rm', 'docker image rm'],
  ])('%s → %s', (query, key) => {
    expect(top(query)).toBe(key);
  });

  it('a long flag with a slip finds its card, a short one never becomes another flag', () => {
    expect(top('--pubish-all')).toBe('docker run -P');
    expect(top('--detahc')).toBe('docker run -d');
    expect(keys('-Z', 50)).toEqual([]); // no card has -Z: not "corrected" to -a, -d, -f …
  });

  it('volumn finds volume cards', () => {
    for (const key of keys('volumn', 3)) expect(key).toMatch(/volume/);
  });
});

describe('prefixes typed one key at a time', () => {
  const typed = (query: string) => Array.from({ length: query.length - 1 }, (_, i) => query.slice(0, i + 2));

  it.each(['docker logs', 'export', 'docker volume create', '删除镜像'])(
    'from the second character, "%s" gives results whose key fits what was typed',
    (query) => {
      for (const prefix of typed(query)) {
        const hits = index.search(prefix, { limit: 5 });
        expect(hits.length, prefix).toBeGreaterThan(0);
        // The top card shows where the match is: the highlight covers part of what was typed.
        expect(hits[0]!.matches.length, prefix).toBeGreaterThan(0);
      }
    },
  );

  it.each([
    ['docker logs', 'docker logs'],
    ['export', 'docker export'],
    ['docker volume create', 'docker volume create'],
  ])('once "%s" reaches the top while typing, it stays there', (query, key) => {
    const tops = typed(query).map((p) => top(p));
    const first = tops.indexOf(key);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(tops.slice(first).every((k) => k === key)).toBe(true);
  });

  it('a lone dash (a flag about to be typed) is not an error', () => {
    expect(index.search('-')).toEqual([]);
    expect(index.search('docker run -').length).toBeGreaterThan(0);
  });
});

describe('compare cards come first when two things are named', () => {
  it.each([
    'save export',
    'save vs export',
    'docker save vs docker export',
    'save和export区别',
    'difference between save and export',
  ])('%s', (query) => {
    expect(top(query)).toBe('docker save | docker export');
  });

  it.each([
    ['-p -P', 'docker run -p | docker run -P'],
    ['-p vs -P', 'docker run -p | docker run -P'],
    ['cmd entrypoint', 'CMD | ENTRYPOINT'],
    ['volume bind', 'volume | bind mount | tmpfs'],
    ['rm rmi', 'docker rm | docker rmi'],
  ])('%s → %s', (query, key) => {
    expect(top(query)).toBe(key);
  });

  it('one word alone prefers the command card to the comparison', () => {
    expect(top('rm')).toBe('docker rm');
    expect(top('export')).toBe('docker export');
  });
});

describe('ranking prefers an exact key, then the title, then the body', () => {
  const mk = (key: string, title: string, body: string): Card => ({
    id: `t.concept.${key}`,
    deck: 't',
    kind: 'concept',
    key,
    text: { en: { title, body } },
    tags: ['Test'],
    source: { file: 't.md', line: 1 },
  });
  const cards = [
    mk('in body', 'Something else', 'This one mentions overlay only here.'),
    mk('in title', 'All about overlay storage', 'Unrelated words.'),
    mk('overlay', 'The storage driver', 'Default on most hosts.'),
  ];

  it('key, then title, then body', () => {
    const hits = buildSearchIndex(cards).search('overlay');
    expect(hits.map((h) => h.card.key)).toEqual(['overlay', 'in title', 'in body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
  });
});

describe('highlight ranges', () => {
  const marked = (query: string, field: string, lang?: string) => {
    const hit = index.search(query, { limit: 1 })[0]!;
    const m = hit.matches.find((x) => x.field === field && (lang === undefined || x.lang === lang));
    const text = m ? matchedText(hit.card, m) : undefined;
    return m && text !== undefined ? m.ranges.map(([s, e]) => text.slice(s, e)) : [];
  };

  it('mark the flag in the key, case kept', () => {
    expect(marked('-P', 'key')).toEqual(['-P']);
    expect(marked('-P', 'flag')).toEqual(['-P']);
  });

  it('mark Chinese runs in the title', () => {
    expect(marked('删除镜像', 'title', 'zh')).toEqual(['删除镜像']);
  });

  it('mark only the typed part of a word being completed', () => {
    expect(marked('docker expo', 'key')).toEqual(['docker', 'expo']);
  });

  it('mark the corrected word for a typo', () => {
    expect(marked('exoprt', 'key')).toEqual(['export']);
  });

  it('an alias marks the flag it stands for', () => {
    expect(marked('--publish-all', 'flag')).toEqual(['-P']);
  });

  it('ranges are sorted, disjoint and inside their string', () => {
    for (const q of ['docker run -p', '只读挂载', 'save vs export', 'dokcer rnu', 'd']) {
      for (const hit of index.search(q)) {
        for (const m of hit.matches) {
          const text = matchedText(hit.card, m);
          expect(text, `${q}: ${m.field}`).toBeDefined();
          let end = -1;
          for (const [s, e] of m.ranges) {
            expect(s).toBeGreaterThan(end);
            expect(e).toBeGreaterThan(s);
            expect(e).toBeLessThanOrEqual(text!.length);
            end = e;
          }
        }
      }
    }
  });
});

describe('decks, limits and empty input', () => {
  it('works with zero cards', () => {
    const empty = buildSearchIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.search('docker')).toEqual([]);
    expect(empty.suggest('docker')).toEqual([]);
  });

  it('a blank query finds nothing', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('the deck filter keeps to one deck', () => {
    expect(keys('rmi', 10, 'mynotes')).toEqual(['docker rmi']);
    expect(index.search('rmi', { deck: 'mynotes' })[0]!.card.deck).toBe('mynotes');
    expect(index.search('rmi', { deck: 'docker', limit: 50 }).every((h) => h.card.deck === 'docker')).toBe(true);
    expect(index.search('rmi', { deck: 'no-such-deck' })).toEqual([]);
  });

  it('limit caps the results (default 20)', () => {
    expect(index.search('docker', { limit: 3 })).toHaveLength(3);
    expect(index.search('docker')).toHaveLength(20);
  });

  it('nonsense finds nothing', () => {
    expect(index.search('xyzzy')).toEqual([]);
  });
});

describe('suggestions for the no-result state', () => {
  it('offers close keys for a query too far off to match', () => {
    expect(index.search('exprto')).toEqual([]);
    expect(index.suggest('exprto')).toContain('docker export');
  });

  it('offers Chinese titles for a Chinese query', () => {
    const s = index.suggest('删除镜象');
    expect(s.some((x) => /删除/.test(x))).toBe(true);
  });

  it('offers nothing rather than noise for a short unknown word', () => {
    expect(index.suggest('zzq')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.suggest('exprto', 1)).toHaveLength(1);
  });
});
