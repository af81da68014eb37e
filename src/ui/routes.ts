/**
 * Client-side routes. Every card, search and topic has its own URL; the service worker serves
 * the app shell for all of them, so they open and reload offline too.
 */
export type Route =
  | { name: 'search'; q: string; deck: string }
  | { name: 'card'; id: string }
  | { name: 'topics'; topic?: string; deck?: string }
  | { name: 'settings' }
  | { name: 'drill' }
  | { name: 'stats' }
  | { name: 'decks' }
  | { name: 'explain'; cmd: string }
  | { name: 'browse'; deck: string; q: string; state: string }
  | { name: 'not-found'; path: string };

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0) return { name: 'search', q: params.get('q') ?? '', deck: params.get('deck') ?? '' };
  if (first === 'card' && second && parts.length === 2) return { name: 'card', id: second };
  if (first === 'topics' && parts.length <= 2) {
    const deck = params.get('deck');
    return { name: 'topics', ...(second ? { topic: second } : {}), ...(second && deck ? { deck } : {}) };
  }
  if (first === 'explain' && parts.length === 1) return { name: 'explain', cmd: params.get('cmd') ?? '' };
  if (first === 'browse' && parts.length === 1) {
    return { name: 'browse', deck: params.get('deck') ?? '', q: params.get('q') ?? '', state: params.get('state') ?? '' };
  }
  if (parts.length === 1 && (first === 'settings' || first === 'drill' || first === 'stats' || first === 'decks')) {
    return { name: first };
  }
  return { name: 'not-found', path: pathname };
}

export const hrefs = {
  card: (id: string) => `/card/${encodeURIComponent(id)}`,
  /** A search, narrowed to one deck when `deck` is given (shareable, survives a reload). */
  search: (q: string, deck = '') => {
    const params = [q && `q=${encodeURIComponent(q)}`, deck && `deck=${encodeURIComponent(deck)}`].filter(Boolean);
    return params.length ? `/?${params.join('&')}` : '/';
  },
  /** A command line explained part by part (shareable, works offline). */
  explain: (cmd: string) => (cmd ? `/explain?cmd=${encodeURIComponent(cmd)}` : '/explain'),
  /** A topic's cards, of one deck when `deck` is given (a topic name can recur in several decks). */
  /** The card browser, of one deck, searched and filtered by state when given. */
  browse: (deck = '', q = '', state = '') => {
    const params = [deck && `deck=${encodeURIComponent(deck)}`, q && `q=${encodeURIComponent(q)}`, state && `state=${encodeURIComponent(state)}`].filter(Boolean);
    return params.length ? `/browse?${params.join('&')}` : '/browse';
  },
  topic: (topic: string, deck = '') => `/topics/${encodeURIComponent(topic)}${deck ? `?deck=${encodeURIComponent(deck)}` : ''}`,
};
