/**
 * Deck names as the user sees them, never ids: an imported note is named by its title, else by
 * its file name without folders, extension or the hashes sync tools and exports add
 * ("Docker 3f2a9c8b1e7d.md" → "Docker"); two decks with the same name are told apart by file
 * ("Docker — notes.md").
 */

const EXTENSION = /\.(md|markdown|mdown|txt|text)$/i;
/** A run of hex with both digits and letters, 6+ long: a content hash or export id, not a word. */
const HASH = /(^|[\s._-]+)(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}(?=$|[\s._-])/gi;
const SEPARATORS = /^[\s._-]+|[\s._-]+$/g;

/** "notes/My Docker 3f2a9c8b1e7d.md" → "My Docker". */
export function nameFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '');
  const stem = base.replace(EXTENSION, '').trim();
  const clean = stem.replace(HASH, '').replace(SEPARATORS, '').replace(/^\d+[\s._-]+(?=\S)/, '').trim();
  return clean && /\p{L}/u.test(clean) ? clean : stem || base || file;
}

export interface NamedDeck {
  id: string;
  name: string;
  file: string;
}

/**
 * Display names by deck id. A stored name that is just the raw file stem (saved before names
 * were cleaned) gets the clean name; names used by more than one deck get " — file" added.
 */
export function deckDisplayNames(decks: readonly NamedDeck[], bundled?: { id: string; name: string }): Map<string, string> {
  const base = new Map<string, string>();
  if (bundled) base.set(bundled.id, bundled.name);
  for (const d of decks) {
    const stem = d.file.replace(/^.*[\\/]/, '').replace(EXTENSION, '').trim();
    base.set(d.id, !d.name.trim() || d.name.trim() === stem ? nameFromFile(d.file) : d.name.trim());
  }
  const uses = new Map<string, number>();
  for (const name of base.values()) uses.set(name.toLowerCase(), (uses.get(name.toLowerCase()) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const [id, name] of base) {
    const deck = decks.find((d) => d.id === id);
    const file = deck?.file.replace(/^.*[\\/]/, '');
    out.set(id, (uses.get(name.toLowerCase()) ?? 0) > 1 && deck && file ? `${name} — ${file}` : name);
  }
  return out;
}
