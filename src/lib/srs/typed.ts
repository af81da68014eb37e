/**
 * Typed-answer grading for command recall, token by token with flag-level feedback.
 *
 * What counts (the card says what is right, the shell says what is equal):
 * - The card's key is required: its command words in order ("docker save"), its flags
 *   ("-P" for "docker run -P") and any value it names ("unless-stopped").
 * - Flags are compared as a set: order is free, `-it` = `-i -t` = `-ti`, `--name=web` =
 *   `--name web`, and a card's `aliases` equal its `flag` ("--publish-all" = "-P").
 *   Flags are case-sensitive (`-p` is not `-P`); command words are not (phones capitalise).
 * - The card's example line (`command`) is a hint, not a requirement: its other flags and
 *   arguments are accepted when typed; on command cards the ones left out are listed as
 *   optional "missing" so the user sees what the note used. Argument values are free
 *   (nobody can guess "nginx.tar"): any value fills an argument slot.
 * - Quotes, typographic dashes/quotes, full-width characters, a leading "$ " and extra
 *   whitespace are normalised away.
 *
 * Proposed rating: a required token missing or wrong, or a flag the card does not have (it
 * changes what the command does) → Again; a near-miss on an optional flag → Hard; otherwise Good, or Easy when perfect and answered within
 * `easyWithinMs`. The user can always override it.
 */
import type { Card } from '../notes/card.ts';
import type { Grade } from './types.ts';

export type TokenStatus = 'matched' | 'missing' | 'extra' | 'wrong';
export type TokenRole = 'command' | 'flag' | 'arg';

export interface TokenFeedback {
  /** The token as typed (after normalisation), or the expected token when missing. */
  text: string;
  status: TokenStatus;
  role: TokenRole;
  /** For 'wrong': what was expected instead. For an alias: the canonical flag it matched. */
  expected?: string;
  /** A 'missing' token the answer did not need (from the card's example line). */
  optional?: boolean;
}

export interface TypedAnswerResult {
  /** The typed tokens in order, then missing ones in the card's order. */
  tokens: TokenFeedback[];
  /** All required tokens matched and nothing wrong. */
  correct: boolean;
  /** Nothing missing (not even optional), wrong or extra. */
  perfect: boolean;
  proposed: Grade;
  /** The answer to show: the card's example line, or its key. */
  expected: string;
}

export interface TypedAnswerOptions {
  /** Time the user took; with `easyWithinMs` decides whether a perfect answer proposes Easy. */
  durationMs?: number;
  /** Default 10 s. */
  easyWithinMs?: number;
  /** Extra equal spellings, alias → canonical ("--detach" → "-d"). */
  aliases?: Record<string, string>;
}

/** Shell-like split after normalisation: quotes group and are removed; `\`-newlines join. */
export function tokenizeCommand(input: string): string[] {
  const s = normalizeInput(input);
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === '\\' && s[i + 1] === '\n') {
      i++;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}

function normalizeInput(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u2014\u2013](?=[A-Za-z][A-Za-z0-9-])/g, '--') // "—publish-all": smart punctuation ate "--"
    .replace(/[\u2014\u2013\u2212\u2010\u2011]/g, '-')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*[$#>]\s+/, '');
}

const isFlag = (t: string) => /^--?[^\d\s-]/.test(t) || /^--[^\s]/.test(t);

interface Tok {
  text: string; // canonical form used for comparison
  shown: string; // what the user typed (for feedback)
  flag: boolean;
}

/** Splits `--name=web`, `-p8080:80` and bundles like `-it`, then maps aliases to canonical flags. */
function expand(tokens: string[], aliases: Map<string, string>): Tok[] {
  const out: Tok[] = [];
  const push = (t: string, shown: string) => {
    if (isFlag(t)) {
      const canon = aliases.get(t) ?? t;
      out.push({ text: canon, shown, flag: true });
    } else out.push({ text: t, shown, flag: false });
  };
  for (const t of tokens) {
    if (aliases.has(t)) {
      push(t, t);
    } else if (/^--[^=]+=/.test(t)) {
      const eq = t.indexOf('=');
      push(t.slice(0, eq), t.slice(0, eq));
      push(t.slice(eq + 1), t.slice(eq + 1));
    } else if (/^-[A-Za-z]{2,}$/.test(t)) {
      for (const c of t.slice(1)) push(`-${c}`, `-${c}`);
    } else if (/^-[A-Za-z]./.test(t)) {
      // Attached value, getopt style: -p8080:80, -oout.tar
      push(t.slice(0, 2), t.slice(0, 2));
      push(t.slice(2), t.slice(2));
    } else push(t, t);
  }
  return out;
}

const ci = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** A typed flag close enough to an expected one to call it "wrong" rather than "extra". */
function nearFlag(typed: string, expected: string): boolean {
  if (ci(typed, expected)) return true; // -p vs -P
  if (typed.replace(/^-+/, '') === expected.replace(/^-+/, '')) return true; // -name vs --name
  return typed.startsWith('--') && expected.startsWith('--') && editDistance(typed, expected) <= 2;
}

/** Removes the first element equal under `eq` from `list`; true when found. */
function take<T>(list: T[], eq: (x: T) => boolean): boolean {
  const i = list.findIndex(eq);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

interface Expected {
  commandWords: string[];
  requiredFlags: string[];
  requiredArgs: string[];
  exampleFlags: string[];
  exampleArgs: string[];
}

function expectedOf(card: Card, aliases: Map<string, string>): Expected {
  const key = expand(tokenizeCommand(card.key), aliases);
  const firstFlag = key.findIndex((t) => t.flag);
  const commandWords = (firstFlag < 0 ? key : key.slice(0, firstFlag)).map((t) => t.text);
  const rest = firstFlag < 0 ? [] : key.slice(firstFlag);
  const requiredFlags = rest.filter((t) => t.flag).map((t) => t.text);
  if (card.flag) {
    for (const f of expand([card.flag], aliases)) if (!requiredFlags.includes(f.text)) requiredFlags.push(f.text);
  }
  const requiredArgs = rest.filter((t) => !t.flag).map((t) => t.text);

  const exampleFlags: string[] = [];
  const exampleArgs: string[] = [];
  if (card.command) {
    const words = commandWords.slice();
    const flags = requiredFlags.slice();
    const args = requiredArgs.slice();
    for (const t of expand(tokenizeCommand(card.command), aliases)) {
      if (t.flag) {
        if (!take(flags, (f) => f === t.text)) exampleFlags.push(t.text);
      } else if (words.length && ci(words[0] as string, t.text)) {
        words.shift();
      } else if (!take(args, (a) => ci(a, t.text))) {
        exampleArgs.push(t.text);
      }
    }
  }
  return { commandWords, requiredFlags, requiredArgs, exampleFlags, exampleArgs };
}

export function gradeTypedAnswer(input: string, card: Card, options: TypedAnswerOptions = {}): TypedAnswerResult {
  const aliases = new Map<string, string>(Object.entries(options.aliases ?? {}));
  if (card.flag) for (const a of card.aliases ?? []) aliases.set(a, card.flag);
  const exp = expectedOf(card, aliases);
  const optionalAllowed = card.kind !== 'flag'; // flag cards: the example's other parts are context
  const typed = expand(tokenizeCommand(input), aliases);

  const fb: (TokenFeedback | undefined)[] = new Array(typed.length);
  const feedback = (t: Tok, status: TokenStatus, role: TokenRole, expected?: string): TokenFeedback => {
    const f: TokenFeedback = { text: t.shown, status, role };
    if (expected !== undefined) f.expected = expected;
    else if (t.shown !== t.text) f.expected = t.text;
    return f;
  };
  const missing: TokenFeedback[] = [];

  // 1. Command words, in order, case-insensitive.
  const words = typed.map((t, i) => ({ t, i })).filter((x) => !x.t.flag);
  let ptr = 0;
  exp.commandWords.forEach((w, k) => {
    const j = words.findIndex((x, idx) => idx >= ptr && ci(x.t.text, w));
    if (j >= 0) {
      const x = words[j]!;
      fb[x.i] = feedback(x.t, 'matched', 'command');
      ptr = j + 1;
      return;
    }
    const here = words[ptr];
    const later = exp.commandWords.slice(k + 1);
    if (here && !later.some((l) => ci(l, here.t.text))) {
      fb[here.i] = feedback(here.t, 'wrong', 'command', w);
      ptr++;
    } else missing.push({ text: w, status: 'missing', role: 'command' });
  });

  // 2. Flags as a multiset: required first, then the example's.
  const reqFlags = exp.requiredFlags.slice();
  const exFlags = exp.exampleFlags.slice();
  const strayFlags: number[] = [];
  typed.forEach((t, i) => {
    if (!t.flag) return;
    if (take(reqFlags, (f) => f === t.text)) fb[i] = feedback(t, 'matched', 'flag');
    else if (take(exFlags, (f) => f === t.text)) fb[i] = feedback(t, 'matched', 'flag');
    else strayFlags.push(i);
  });
  for (const i of strayFlags) {
    const t = typed[i]!;
    const near = reqFlags.find((f) => nearFlag(t.text, f)) ?? exFlags.find((f) => nearFlag(t.text, f));
    if (near !== undefined) {
      take(reqFlags, (f) => f === near) || take(exFlags, (f) => f === near);
      fb[i] = feedback(t, 'wrong', 'flag', near);
    } else fb[i] = feedback(t, 'extra', 'flag');
  }
  for (const f of reqFlags) missing.push({ text: f, status: 'missing', role: 'flag' });
  if (optionalAllowed) for (const f of exFlags) missing.push({ text: f, status: 'missing', role: 'flag', optional: true });

  // 3. Arguments: values named by the key are required; the example's are free slots.
  const reqArgs = exp.requiredArgs.slice();
  let slots = exp.exampleArgs.length;
  for (const { t, i } of words) {
    if (fb[i]) continue;
    if (take(reqArgs, (a) => ci(a, t.text))) fb[i] = feedback(t, 'matched', 'arg');
    else if (slots > 0) {
      slots--;
      fb[i] = feedback(t, 'matched', 'arg');
    } else fb[i] = feedback(t, 'extra', 'arg');
  }
  for (const a of reqArgs) missing.push({ text: a, status: 'missing', role: 'arg' });
  if (optionalAllowed) {
    for (const a of exp.exampleArgs.slice(exp.exampleArgs.length - slots)) missing.push({ text: a, status: 'missing', role: 'arg', optional: true });
  }

  const tokens = [...(fb as TokenFeedback[]), ...missing];
  const requiredMissing = missing.some((m) => !m.optional);
  const wrongRequired = tokens.some((t) => t.status === 'wrong' && (t.role === 'command' || exp.requiredFlags.includes(t.expected ?? '')));
  const wrongAny = tokens.some((t) => t.status === 'wrong');
  const extraFlag = tokens.some((t) => t.status === 'extra' && t.role === 'flag');
  // A flag neither the card nor its example has changes what the command does
  // ("docker system prune -af --volumes" deletes far more than "docker system prune").
  const correct = typed.length > 0 && !requiredMissing && !wrongAny && !extraFlag;
  const perfect = correct && !tokens.some((t) => t.status !== 'matched');

  let proposed: Grade;
  if (typed.length === 0 || requiredMissing || wrongRequired || extraFlag) proposed = 1;
  else if (wrongAny) proposed = 2;
  else if (perfect && options.durationMs !== undefined && options.durationMs <= (options.easyWithinMs ?? 10_000)) proposed = 4;
  else proposed = 3;

  return { tokens, correct, perfect, proposed, expected: card.command ?? card.key };
}
