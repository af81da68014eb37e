/**
 * A paragraph that is nothing but commands in code spans joined by "or" — "`docker images` 或者
 * `docker image ls`", "`docker kill ID` or `docker stop ID`" — offers spellings of one action. It
 * says nothing about what they do: each is a command with no words of its own (the heading or
 * lead-in above says what they do), and the paragraph is no concept's prose.
 */

const JOINER = /^[\s,，、/|;；]*(?:或者|或是|或|以及|和|与|及|or|and|also)?[\s,，、/|;；]*[。.]?$/i;

/** The code spans' texts when the paragraph is only code spans and joiners; else null. */
export function alternativeCommands(spans: readonly { kind: string; value: string }[]): string[] | null {
  const codes: string[] = [];
  for (const s of spans) {
    if (s.kind === 'code') codes.push(s.value);
    else if (!(s.kind === 'text' && JOINER.test(s.value))) return null;
  }
  return codes.length >= 2 ? codes : null;
}
