import type { CardKind } from './card.ts';

/** cyrb53: a fast, well-mixed 53-bit string hash (public domain). Pure, so ids match in Node and browsers. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Six base-36 characters of the hash: short enough for URLs, wide enough (36^6 ≈ 2e9) per slug. */
export function shortHash(s: string): string {
  return (hash53(s) % 2176782336).toString(36).padStart(6, '0');
}

const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/** ASCII letters and digits of `s`, lower-cased, runs of anything else collapsed to one dash. */
function asciiSlug(s: string, max: number): string {
  const slug = NON_ASCII_LETTER.test(s) ? slugOf(s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()) : slugOf(s);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** One pass (every card's key goes through here): [a-z0-9] kept, A–Z lowered, other runs → "-", no dash at either end. */
function slugOf(s: string): string {
  let out = '';
  let dash = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out) out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else dash = true;
  }
  return out;
}

/**
 * File or title → deck slug: "My Docker Notes.md" → "my-docker-notes". When letters outside ASCII
 * (Chinese, accents dropped by the slug) carry the name, a hash of the whole name is appended so
 * "Docker 笔记" and "Docker 速查" stay different decks and a CJK-only name is never empty.
 */
export function deckSlug(name: string): string {
  const base = name
    .trim()
    .replace(/^.*[\\/]/, '')
    .replace(/\.(md|markdown|mdown|mkd|txt)$/i, '')
    .trim();
  const slug = asciiSlug(base, 40);
  const dropped = NON_ASCII_LETTER.test(base.normalize('NFKD').replace(/[\u0300-\u036f\s]/g, ''));
  if (slug && !dropped) return slug;
  const tag = shortHash(base.normalize('NFC'));
  return slug ? `${slug}-${tag}` : `deck-${tag}`;
}

let lastDeck = { deck: '', part: 'deck' };
/** A note's cards all share one deck: slug it once. */
function deckPart(deck: string): string {
  if (lastDeck.deck !== deck) lastDeck = { deck, part: asciiSlug(deck, 32) || 'deck' };
  return lastDeck.part;
}

/**
 * Deterministic, URL-safe ([a-z0-9-]) card id from what the card is about — never its wording,
 * order or line. The readable part is lossy ("-p" and "-P" both slug to "p"); the hash is not.
 */
export function cardId(deck: string, kind: CardKind, key: string): string {
  const parts = [deckPart(deck), kind, asciiSlug(key, 48), shortHash(`${deck}\u0000${kind}\u0000${key}`)];
  return parts.filter(Boolean).join('-');
}
