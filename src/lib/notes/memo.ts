/**
 * Memoised pure string functions. Reading a note asks the same questions of the same line
 * several times (is it junk? does the next paragraph start with a command? which program?);
 * answering once per distinct string keeps a big note linear. Each cache is bounded, and
 * `releaseMemos()` (called after every note) gives the memory back.
 */
const all: Map<string, unknown>[] = [];

/** `fn` with its answers remembered per argument (up to `max` of them; then it starts afresh). */
export function memo<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>();
  all.push(cache as Map<string, unknown>);
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      if (cache.size >= max) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v as T;
  };
}

export function releaseMemos(): void {
  for (const c of all) c.clear();
}
