import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute } from '../../../src/ui/routes.ts';

describe('every card and search has its own URL', () => {
  it('round-trips a search with case-sensitive flags and Chinese', () => {
    for (const q of ['-P', '-p', '删除镜像', 'save vs export', 'a&b=c']) {
      const url = new URL(hrefs.search(q), 'http://x');
      expect(parseRoute(url.pathname, url.search)).toEqual({ name: 'search', q, deck: '' });
    }
  });

  it('keeps the deck filter of a search in its URL', () => {
    const url = new URL(hrefs.search('-P', 'my-notes-1a2b3c'), 'http://x');
    expect(url.search).toBe('?q=-P&deck=my-notes-1a2b3c');
    expect(parseRoute(url.pathname, url.search)).toEqual({ name: 'search', q: '-P', deck: 'my-notes-1a2b3c' });
    expect(hrefs.search('', '')).toBe('/');
  });

  it('round-trips card ids and topics', () => {
    const card = new URL(hrefs.card('docker-flag-docker-run-p-1x'), 'http://x');
    expect(parseRoute(card.pathname, card.search)).toEqual({ name: 'card', id: 'docker-flag-docker-run-p-1x' });
    const topic = new URL(hrefs.topic('Images · 镜像'), 'http://x');
    expect(parseRoute(topic.pathname, topic.search)).toEqual({ name: 'topics', topic: 'Images · 镜像' });
    const inDeck = new URL(hrefs.topic('网络 & DNS', 'my-notes-1a2b3c'), 'http://x');
    expect(parseRoute(inDeck.pathname, inDeck.search)).toEqual({ name: 'topics', topic: '网络 & DNS', deck: 'my-notes-1a2b3c' });
    expect(parseRoute('/topics', '?deck=x')).toEqual({ name: 'topics' });
  });

  it('treats unknown paths as not found rather than guessing', () => {
    expect(parseRoute('/card', '')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('/card/a/b', '')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('/nope', '')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('/', '')).toEqual({ name: 'search', q: '', deck: '' });
  });
});

describe('the card browser has its own URL', () => {
  it('round-trips deck, search and state', () => {
    const url = new URL(hrefs.browse('my-notes', 'run -P', 'suspended'), 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual({ name: 'browse', deck: 'my-notes', q: 'run -P', state: 'suspended' });
    expect(hrefs.browse()).toBe('/browse');
  });
});
