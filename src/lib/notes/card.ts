/**
 * The one card shape every source yields — bundled content and a user's own notes alike.
 * Plain data only: cards are JSON-serialised at build time and stored in IndexedDB.
 */

export type CardKind = 'command' | 'flag' | 'compare' | 'concept';

/** Languages the interface and the bundled deck are written in. A user's note may carry others. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface CardText {
  title: string;
  body: string;
}

export interface Card {
  /** Stable: derived from deck + kind + key, never from wording, order or line. URL-safe. */
  id: string;
  /** "docker" for bundled content; a slug of the file/deck name for imports. */
  deck: string;
  kind: CardKind;
  /** What the card is about, normalised: "docker rmi", "docker run -P", "docker save | docker export", "FROM". */
  key: string;
  /** Command & flag cards: a runnable example line exactly as a user types it. */
  command?: string;
  /** Further runnable example lines (compare cards: an example of each side). */
  examples?: string[];
  /** Flag cards: exactly as typed, case kept ("-P", "--mount", "-it"). */
  flag?: string;
  /** Flag cards: other spellings that mean the same flag ("--publish-all" for "-P"). */
  aliases?: string[];
  /** Compare cards: the things compared (["docker save", "docker export"]). */
  items?: string[];
  /** Compare cards: what the note says of each item, by language, aligned with `items`. */
  sides?: Record<string, string[]>;
  /**
   * How people ask for this card in their own words, in any language ("rename a container",
   * "容器改名", an error message it explains). Search reads them; they are never shown.
   */
  ask?: string[];
  /** By language ("zh", "en"): bundled content has both, a user's note has its own language. */
  text: Record<string, CardText>;
  /** tags[0] is the topic (the note's top-level section); then sub-headings and command family. */
  tags: string[];
  source: { file: string; line: number };
}
