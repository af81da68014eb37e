/**
 * Every cap the indexer applies, in one frozen object: a hostile or accidental note (binary junk,
 * megabytes on one line, thousands of nested quotes) must cost bounded time and memory.
 */
export const LIMITS = Object.freeze({
  /** Characters read from one note; the rest is skipped with a warning. */
  maxNoteChars: 8_000_000,
  /** Notes are parsed in pieces of about this size (split at safe blank lines) to keep the parser's memory flat. */
  chunkChars: 24_000,
  /** Container markers (`>`, list bullets) kept at the start of a line; deeper nesting is flattened. */
  maxNesting: 16,
  /** Leading spaces kept on a line outside code fences (nested lists beyond this are flattened). */
  maxIndent: 40,
  /** Depth at which the tree walk stops descending (after the clamps above it is never reached). */
  maxTreeDepth: 120,
  /** Characters kept of one line of the note (a page flattened onto one line is still read, up to this). */
  maxNoteLine: 200_000,
  /** Characters of one paragraph line examined for commands. */
  maxLineChars: 20_000,
  /** Card text caps. */
  maxTitle: 160,
  maxBody: 1_500,
  maxCommand: 1_000,
  maxKey: 200,
  maxExamples: 12,
  /** Lines kept of a Dockerfile/compose/JSON snippet shown on a card. */
  maxSnippetLines: 40,
  /** Tags kept on one card (a key repeated all over a note would otherwise collect every heading). */
  maxTags: 16,
  maxSide: 300,
  /** `- ask:` phrases kept per card. */
  maxAsk: 40,
  /** Cards from one note; more is certainly generated junk. */
  maxCards: 100_000,
});
